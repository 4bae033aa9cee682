package cn.szcg.intake.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The reports that arrived as Open311 service requests (table {@code open311_request}, migration
 * V12): which app sent them and the media URL it gave.
 */
@ApplicationScoped
public class Open311Store {

  @Inject DataSource ds;

  /** A service request: the report and the app's media URL (or null). */
  public record Row(Report report, String mediaUrl) {}

  /** Records a report as an Open311 request (again: nothing changes). */
  public void record(UUID reportId, String appClientId, String mediaUrl, Instant at) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO open311_request (report_id, app_client_id, media_url, requested_at)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (report_id) DO NOTHING")) {
      ps.setObject(1, reportId);
      ps.setString(2, appClientId);
      ps.setString(3, mediaUrl);
      ps.setTimestamp(4, Timestamp.from(at));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("open311 request not recorded", e);
    }
  }

  /** The Open311 request of this report id (its token), empty when there is none. */
  public Optional<Row> byReportId(UUID reportId) {
    Report r = Report.findById(reportId);
    return r == null ? Optional.empty() : asRequest(r);
  }

  /** The Open311 request of this report number (its service_request_id), empty when none. */
  public Optional<Row> byReportNo(String reportNo) {
    Report r = Report.find("reportNo", reportNo).firstResult();
    return r == null ? Optional.empty() : asRequest(r);
  }

  private Optional<Row> asRequest(Report r) {
    return mediaUrl(r.id).map(media -> new Row(r, media.orElse(null)));
  }

  /** The media URL of an Open311 request, empty when the report is not one. */
  public Optional<Optional<String>> mediaUrl(UUID reportId) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT media_url FROM open311_request WHERE report_id = ?")) {
      ps.setObject(1, reportId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(Optional.ofNullable(rs.getString(1))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("open311 lookup failed", e);
    }
  }

  /**
   * The Open311 requests registered in [start, end), newest first, optionally only these report
   * numbers and these category codes; at most {@code limit}.
   */
  public List<Row> list(
      Collection<String> reportNos,
      Collection<String> codes,
      Instant start,
      Instant end,
      int limit) {
    Map<UUID, String> media = new LinkedHashMap<>();
    StringBuilder sql =
        new StringBuilder(
            "SELECT o.report_id, o.media_url FROM open311_request o JOIN report r ON r.id ="
                + " o.report_id WHERE o.requested_at >= ? AND o.requested_at < ?");
    if (!reportNos.isEmpty()) {
      sql.append(" AND r.report_no = ANY (?)");
    }
    if (!codes.isEmpty()) {
      sql.append(" AND r.category_code = ANY (?)");
    }
    sql.append(" ORDER BY o.requested_at DESC LIMIT ?");
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int i = 1;
      ps.setTimestamp(i++, Timestamp.from(start));
      ps.setTimestamp(i++, Timestamp.from(end));
      if (!reportNos.isEmpty()) {
        Array a = c.createArrayOf("text", reportNos.toArray());
        ps.setArray(i++, a);
      }
      if (!codes.isEmpty()) {
        Array a = c.createArrayOf("text", codes.toArray());
        ps.setArray(i++, a);
      }
      ps.setInt(i, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          media.put(rs.getObject(1, UUID.class), rs.getString(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("open311 list failed", e);
    }
    if (media.isEmpty()) {
      return List.of();
    }
    Map<UUID, Report> byId = new LinkedHashMap<>();
    for (Report r : Report.<Report>list("id in ?1", List.copyOf(media.keySet()))) {
      byId.put(r.id, r);
    }
    List<Row> out = new ArrayList<>();
    for (Map.Entry<UUID, String> e : media.entrySet()) {
      Report r = byId.get(e.getKey());
      if (r != null) {
        out.add(new Row(r, e.getValue()));
      }
    }
    return out;
  }
}
