package cn.szcg.gis.infra;

import cn.szcg.contracts.events.Zone;
import cn.szcg.gis.domain.BoundingBox;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Listings of the reference layers that had only a read by key: administrative areas, unit grids,
 * cameras — GeoJSON Features ordered by their code, one page at a time.
 */
@ApplicationScoped
public class ListQueries {

  @Inject DataSource dataSource;
  @Inject ObjectMapper mapper;
  @Inject GisQueries queries;

  // ------------------------------------------------------------------ areas

  private static final String AREA_COLS = "code, name, level, parent_code, ST_AsGeoJSON(geom, 7)";

  /** Areas of a level and/or with a parent, ordered by code. */
  public List<ObjectNode> areas(String level, String parentCode, int page, int size) {
    StringBuilder sql = new StringBuilder("SELECT " + AREA_COLS + " FROM admin_area WHERE true");
    List<Object> args = new ArrayList<>();
    if (level != null) {
      sql.append(" AND level = ?");
      args.add(level);
    }
    if (parentCode != null) {
      sql.append(" AND parent_code = ?");
      args.add(parentCode);
    }
    sql.append(" ORDER BY code LIMIT ? OFFSET ?");
    args.add(size);
    args.add((long) page * size);
    return query(sql.toString(), args, this::areaFeature);
  }

  public Optional<ObjectNode> area(String code) {
    List<ObjectNode> l =
        query(
            "SELECT " + AREA_COLS + " FROM admin_area WHERE code = ?",
            List.of(code),
            this::areaFeature);
    return l.stream().findFirst();
  }

  private ObjectNode areaFeature(ResultSet rs) throws SQLException {
    String code = rs.getString(1);
    ObjectNode f = mapper.createObjectNode().put("type", "Feature").put("id", code);
    f.set("geometry", queries.parse(rs.getString(5)));
    f.putObject("properties")
        .put("code", code)
        .put("name", rs.getString(2))
        .put("level", rs.getString(3))
        .put("parentCode", rs.getString(4));
    return f;
  }

  // ------------------------------------------------------------------ grids

  /**
   * Grids of a community and/or intersecting a bbox and/or with a zone in force now, ordered by
   * code; {@code properties.zoneNow} is the zone in force now (OTHER without an entry).
   */
  public List<ObjectNode> grids(
      String communityCode, Zone zone, BoundingBox bbox, int page, int size) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT g.code, g.community_code, g.effective_from, g.effective_to,"
                + " COALESCE(z.zone, 'OTHER'), ST_AsGeoJSON(g.geom, 7) FROM unit_grid g"
                + " LEFT JOIN grid_zone z ON z.grid_code = g.code AND z.valid_from <= ?"
                + " AND (z.valid_to IS NULL OR z.valid_to > ?) WHERE true");
    Timestamp now = Timestamp.from(Instant.now());
    List<Object> args = new ArrayList<>(List.of(now, now));
    if (communityCode != null) {
      sql.append(" AND g.community_code = ?");
      args.add(communityCode);
    }
    if (zone != null) {
      sql.append(" AND COALESCE(z.zone, 'OTHER') = ?");
      args.add(zone.name());
    }
    inBox(sql, args, "g.geom", bbox);
    sql.append(" ORDER BY g.code LIMIT ? OFFSET ?");
    args.add(size);
    args.add((long) page * size);
    return query(
        sql.toString(),
        args,
        rs -> {
          String code = rs.getString(1);
          ObjectNode f = mapper.createObjectNode().put("type", "Feature").put("id", code);
          f.set("geometry", queries.parse(rs.getString(6)));
          Zone z = Zone.valueOf(rs.getString(5));
          f.putObject("properties")
              .put("code", code)
              .put("communityCode", rs.getString(2))
              .put("townshipCode", code.substring(0, 9))
              .put("effectiveFrom", String.valueOf(rs.getDate(3)))
              .put("effectiveTo", rs.getDate(4) == null ? null : rs.getDate(4).toString())
              .put("zoneNow", z.name())
              .put("zoneNowNameZh", GisQueries.zoneZh(z));
          return f;
        });
  }

  /** Adds "the geometry column intersects the box" (index-assisted) when a box is given. */
  private static void inBox(StringBuilder sql, List<Object> args, String column, BoundingBox bbox) {
    if (bbox == null) {
      return;
    }
    sql.append(" AND ")
        .append(column)
        .append(" && ST_MakeEnvelope(?, ?, ?, ?, 4326) AND ST_Intersects(")
        .append(column)
        .append(", ST_MakeEnvelope(?, ?, ?, ?, 4326))");
    for (int i = 0; i < 2; i++) {
      args.add(bbox.minLon());
      args.add(bbox.minLat());
      args.add(bbox.maxLon());
      args.add(bbox.maxLat());
    }
  }

  // ------------------------------------------------------------------ cameras

  /** Cameras inside a bbox and/or linked to a grid, ordered by id. */
  public List<ObjectNode> cameras(String gridCode, BoundingBox bbox, int page, int size) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, name, grid_code, ST_AsGeoJSON(geom, 7), ST_AsGeoJSON(view_geom, 7) FROM"
                + " camera WHERE true");
    List<Object> args = new ArrayList<>();
    if (gridCode != null) {
      sql.append(" AND grid_code = ?");
      args.add(gridCode);
    }
    inBox(sql, args, "geom", bbox);
    sql.append(" ORDER BY id LIMIT ? OFFSET ?");
    args.add(size);
    args.add((long) page * size);
    return query(
        sql.toString(),
        args,
        rs -> {
          String id = rs.getString(1);
          ObjectNode f = mapper.createObjectNode().put("type", "Feature").put("id", id);
          f.set("geometry", queries.parse(rs.getString(4)));
          ObjectNode p =
              f.putObject("properties")
                  .put("id", id)
                  .put("name", rs.getString(2))
                  .put("gridCode", rs.getString(3));
          p.set("view", queries.parse(rs.getString(5)));
          return f;
        });
  }

  // ------------------------------------------------------------------ helpers

  @FunctionalInterface
  private interface Row {
    ObjectNode map(ResultSet rs) throws SQLException;
  }

  private List<ObjectNode> query(String sql, List<Object> args, Row row) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      List<ObjectNode> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row.map(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
