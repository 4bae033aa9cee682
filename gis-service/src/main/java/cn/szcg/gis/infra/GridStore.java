package cn.szcg.gis.infra;

import cn.szcg.contracts.events.Zone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Unit grids and their dated zone history (区域类型变更) in the database: read a grid, lock it, and write
 * a zone change (the rules of a change and its transaction are {@code
 * cn.szcg.gis.application.ZoneChanges}'s). A zone change takes effect at an instant; the entry in
 * force before it is closed at that instant, so {@code locate(at)} keeps answering the zone a case
 * had when it was registered.
 */
@ApplicationScoped
public class GridStore {

  @Inject DataSource dataSource;
  @Inject MapIndex index;

  /** One entry of a grid's zone history. */
  public record ZoneEntry(
      Zone zone,
      String zoneNameZh,
      Instant validFrom,
      Instant validTo,
      String changedBy,
      Instant changedAt,
      String reason) {}

  /** A grid with its zone history (oldest first). */
  public record GridView(
      String code,
      String communityCode,
      String townshipCode,
      LocalDate effectiveFrom,
      LocalDate effectiveTo,
      Zone zoneNow,
      List<ZoneEntry> zoneHistory) {}

  public Optional<GridView> grid(String code) {
    try (Connection c = dataSource.getConnection()) {
      return grid(c, code);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Optional<GridView> grid(Connection c, String code) throws SQLException {
    String community;
    LocalDate from;
    LocalDate to;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT community_code, effective_from, effective_to FROM unit_grid WHERE code = ?")) {
      ps.setString(1, code);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        community = rs.getString(1);
        from = rs.getDate(2).toLocalDate();
        to = rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate();
      }
    }
    List<ZoneEntry> history = new ArrayList<>();
    Instant now = Instant.now();
    Zone current = Zone.OTHER;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT zone, valid_from, valid_to, changed_by, changed_at, reason FROM grid_zone"
                + " WHERE grid_code = ? ORDER BY valid_from")) {
      ps.setString(1, code);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Zone z = Zone.valueOf(rs.getString(1));
          Instant vf = rs.getTimestamp(2).toInstant();
          Instant vt = rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant();
          if (!vf.isAfter(now) && (vt == null || vt.isAfter(now))) {
            current = z;
          }
          history.add(
              new ZoneEntry(
                  z,
                  GisQueries.zoneZh(z),
                  vf,
                  vt,
                  rs.getString(4),
                  rs.getTimestamp(5).toInstant(),
                  rs.getString(6)));
        }
      }
    }
    return Optional.of(
        new GridView(code, community, code.substring(0, 9), from, to, current, history));
  }

  /** The latest entry of a grid's zone history (in force now or from a future instant). */
  public record LatestZone(long id, Zone zone, Instant validFrom) {}

  /** Locks the grid's row for the caller's transaction; false when there is no such grid. */
  public boolean lock(String code) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement lock =
            c.prepareStatement("SELECT code FROM unit_grid WHERE code = ? FOR UPDATE")) {
      lock.setString(1, code);
      try (ResultSet rs = lock.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The latest entry of the grid's zone history, if it has one. */
  public Optional<LatestZone> latestZone(String code) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, zone, valid_from FROM grid_zone WHERE grid_code = ?"
                    + " ORDER BY valid_from DESC LIMIT 1")) {
      ps.setString(1, code);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new LatestZone(
                rs.getLong(1), Zone.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant()));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Closes zone entry {@code closeId} (if any) at {@code effectiveFrom}, opens {@code zone} from
   * then on, recorded as changed by {@code by} at {@code now} for {@code reason}; the map index
   * learns the change at commit. Returns the grid as it is now.
   */
  public GridView changeZone(
      String code,
      Long closeId,
      Zone zone,
      Instant effectiveFrom,
      String by,
      Instant now,
      String reason) {
    try (Connection c = dataSource.getConnection()) {
      if (closeId != null) {
        try (PreparedStatement ps =
            c.prepareStatement("UPDATE grid_zone SET valid_to = ? WHERE id = ?")) {
          ps.setTimestamp(1, Timestamp.from(effectiveFrom));
          ps.setLong(2, closeId);
          ps.executeUpdate();
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO grid_zone (grid_code, zone, valid_from, changed_by, changed_at, reason)"
                  + " VALUES (?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, code);
        ps.setString(2, zone.name());
        ps.setTimestamp(3, Timestamp.from(effectiveFrom));
        ps.setString(4, by);
        ps.setTimestamp(5, Timestamp.from(now));
        ps.setString(6, reason);
        ps.executeUpdate();
      }
      index.changed(c, MapIndex.Layer.GRIDS);
      return grid(c, code).orElseThrow();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
