package cn.szcg.gis.infra;

import cn.szcg.contracts.events.Zone;
import cn.szcg.gis.domain.BoundingBox;
import cn.szcg.gis.domain.ComponentClass;
import cn.szcg.gis.domain.ComponentClassCatalogue;
import cn.szcg.gis.domain.locate.LocateIndex;
import cn.szcg.platform.web.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Read side of the map: locate, components, pipes, cameras, grids. Plain SQL on PostGIS with GIST
 * indexes: point-in-polygon with {@code geom && pt AND ST_Intersects}, nearest components with a
 * degree box ({@code ST_DWithin} on geometry, index-backed) refined by the true distance on the
 * spheroid ({@code ST_Distance(geography)}) and KNN {@code <->} ordering with a LIMIT.
 */
@ApplicationScoped
public class GisQueries {

  /** Calendar days (grid effective dates) are China days. */
  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private static final double M_PER_DEG = 111_320.0;
  private static final String PT = "ST_SetSRID(ST_MakePoint(?, ?), 4326)";

  @Inject DataSource dataSource;
  @Inject ObjectMapper mapper;
  @Inject MapIndex index;

  private final ComponentClassCatalogue catalogue = ComponentClassesJson.loadDefault();

  // ------------------------------------------------------------------ locate

  /** The answer of {@code locate}. */
  public record Location(
      double lon,
      double lat,
      Instant at,
      String countyCode,
      String townshipCode,
      String townshipName,
      String communityCode,
      String communityName,
      String gridCode,
      Zone zone,
      String zoneNameZh,
      int radiusM,
      List<NearComponent> components) {}

  /** A component near a point, with who is responsible for it. */
  public record NearComponent(
      String id,
      String classCode,
      String className,
      String name,
      String state,
      String department,
      String owner,
      String maintainer,
      String gridCode,
      double distanceM,
      JsonNode geometry) {}

  /**
   * {@code locate} from the in-memory index ({@link MapIndex}), without a database round trip; null
   * while the index is loading or behind the latest change this instance knows of (the caller then
   * asks {@link #locate}, the database).
   *
   * @throws ProblemException 400 for a point outside the county outline
   */
  public Location locateInMemory(double lon, double lat, Instant at, int radiusM, int limit) {
    if (!index.fresh()) {
      return null;
    }
    LocateIndex.Placement p = index.areas().place(lon, lat);
    if (p.outOfCounty()) {
      throw outOfCounty(lon, lat);
    }
    LocateIndex.GridHit g = index.grids().gridAt(lon, lat, at, LocalDate.ofInstant(at, CHINA));
    List<NearComponent> near = new ArrayList<>();
    for (LocateIndex.Near n : index.components().near(lon, lat, radiusM, limit)) {
      LocateIndex.Component c = n.component();
      near.add(
          new NearComponent(
              c.id(),
              c.classCode(),
              c.className(),
              c.name(),
              c.state(),
              c.department(),
              c.owner(),
              c.maintainer(),
              c.gridCode(),
              n.distanceM(),
              parse(c.geoJson())));
    }
    return new Location(
        lon,
        lat,
        at,
        p.countyCode(),
        p.townshipCode(),
        p.townshipName(),
        p.communityCode(),
        p.communityName(),
        g.code(),
        g.zone(),
        zoneZh(g.zone()),
        radiusM,
        near);
  }

  /** {@code locate} answered by PostGIS (the reference the in-memory index is tested against). */
  public Location locate(double lon, double lat, Instant at, int radiusM, int limit) {
    try (Connection c = dataSource.getConnection()) {
      String county = null;
      boolean countyKnown = false;
      boolean inCounty = false;
      String townshipCode = null;
      String townshipName = null;
      String communityCode = null;
      String communityName = null;
      String communityParent = null;
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT level, code, name, parent_code, ST_Intersects(geom, p) FROM admin_area,"
                  + " (SELECT "
                  + PT
                  + " AS p) q WHERE level <> 'COUNTY' AND geom && p AND ST_Intersects(geom, p)"
                  + " ORDER BY code")) {
        ps.setDouble(1, lon);
        ps.setDouble(2, lat);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String level = rs.getString(1);
            boolean hit = rs.getBoolean(5);
            switch (level) {
              case "COUNTY" -> {
                countyKnown = true;
                if (hit) {
                  inCounty = true;
                  county = rs.getString(2);
                }
              }
              case "TOWNSHIP" -> {
                if (hit && townshipCode == null) {
                  townshipCode = rs.getString(2);
                  townshipName = rs.getString(3);
                }
              }
              default -> {
                if (hit && communityCode == null) {
                  communityCode = rs.getString(2);
                  communityName = rs.getString(3);
                  communityParent = rs.getString(4);
                }
              }
            }
          }
        }
      }
      // townships partition the county: a point in a township is in the county; only points
      // outside every township pay for the test against the county outline
      if (townshipCode == null && communityCode == null) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT code, ST_Intersects(geom, "
                    + PT
                    + ") FROM admin_area WHERE level ="
                    + " 'COUNTY'")) {
          ps.setDouble(1, lon);
          ps.setDouble(2, lat);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              countyKnown = true;
              if (rs.getBoolean(2)) {
                inCounty = true;
                county = rs.getString(1);
              }
            }
          }
        }
        if (countyKnown && !inCounty) {
          throw outOfCounty(lon, lat);
        }
      } else {
        county = (townshipCode != null ? townshipCode : communityCode).substring(0, 6);
      }
      if (townshipCode == null && communityParent != null) {
        townshipCode = communityParent;
        townshipName = areaName(c, communityParent).orElse(null);
      }
      String gridCode = null;
      Zone zone = Zone.OTHER;
      Date day = Date.valueOf(LocalDate.ofInstant(at, CHINA));
      Timestamp ts = Timestamp.from(at);
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT g.code, z.zone FROM unit_grid g LEFT JOIN grid_zone z ON z.grid_code ="
                  + " g.code AND z.valid_from <= ? AND (z.valid_to IS NULL OR z.valid_to > ?)"
                  + " WHERE g.geom && "
                  + PT
                  + " AND ST_Intersects(g.geom, "
                  + PT
                  + ") AND g.effective_from <= ? AND (g.effective_to IS NULL OR g.effective_to"
                  + " >= ?) ORDER BY g.code LIMIT 1")) {
        ps.setTimestamp(1, ts);
        ps.setTimestamp(2, ts);
        ps.setDouble(3, lon);
        ps.setDouble(4, lat);
        ps.setDouble(5, lon);
        ps.setDouble(6, lat);
        ps.setDate(7, day);
        ps.setDate(8, day);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            gridCode = rs.getString(1);
            String z = rs.getString(2);
            zone = z == null ? Zone.OTHER : Zone.valueOf(z);
          }
        }
      }
      List<NearComponent> near = near(c, lon, lat, radiusM, limit, null);
      return new Location(
          lon,
          lat,
          at,
          county,
          townshipCode,
          townshipName,
          communityCode,
          communityName,
          gridCode,
          zone,
          zoneZh(zone),
          radiusM,
          near);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** 400 for a point outside the county's bounding box (naming the coordinate that is out). */
  public static void requireInCountyBox(double lon, double lat) {
    BoundingBox b = BoundingBox.MINQING;
    if (lon < b.minLon() || lon > b.maxLon()) {
      throw ProblemException.invalidField(
          "lon",
          "out-of-county",
          "经度"
              + lon
              + "不在闽清县范围内（"
              + b.minLon()
              + "–"
              + b.maxLon()
              + "） / longitude outside"
              + " Minqing County");
    }
    if (lat < b.minLat() || lat > b.maxLat()) {
      throw ProblemException.invalidField(
          "lat",
          "out-of-county",
          "纬度"
              + lat
              + "不在闽清县范围内（"
              + b.minLat()
              + "–"
              + b.maxLat()
              + "） / latitude outside"
              + " Minqing County");
    }
  }

  private static ProblemException outOfCounty(double lon, double lat) {
    return ProblemException.invalidField(
        "lon",
        "out-of-county",
        "点(" + lon + ", " + lat + ")不在闽清县县域内 / the point (lon, lat) is outside Minqing County");
  }

  private static Optional<String> areaName(Connection c, String code) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT name FROM admin_area WHERE code = ?")) {
      ps.setString(1, code);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  public static String zoneZh(Zone z) {
    return switch (z) {
      case URBAN -> "城区";
      case FRINGE -> "城乡结合部";
      case OTHER -> "其他";
    };
  }

  // ------------------------------------------------------------------ components

  private static final String COMPONENT_COLS =
      "id, class_code, name, state, department, owner, maintainer, grid_code, data_source,"
          + " survey_date, updated_on, ST_AsGeoJSON(geom, 7)";

  public List<NearComponent> near(
      double lon, double lat, int radiusM, int limit, String classCode) {
    try (Connection c = dataSource.getConnection()) {
      return near(c, lon, lat, radiusM, limit, classCode);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<NearComponent> near(
      Connection c, double lon, double lat, int radiusM, int limit, String classCode)
      throws SQLException {
    // a degree box that holds every point within radiusM (a degree of longitude is the shortest)
    double deg = radiusM / (M_PER_DEG * Math.cos(Math.toRadians(Math.abs(lat)))) * 1.01;
    String sql =
        "SELECT id, class_code, name, state, department, owner, maintainer, grid_code,"
            + " ST_AsGeoJSON(geom, 7), ST_Distance(geom::geography, p::geography) FROM component,"
            + " (SELECT "
            + PT
            + " AS p) q WHERE ST_DWithin(geom, p, ?)"
            + (classCode == null ? "" : " AND class_code = ?")
            // ties (e.g. a point on a point and inside a polygon) by id: a deterministic answer
            + " ORDER BY geom <-> p, id LIMIT ?";
    List<NearComponent> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      ps.setDouble(i++, lon);
      ps.setDouble(i++, lat);
      ps.setDouble(i++, deg);
      if (classCode != null) {
        ps.setString(i++, classCode);
      }
      ps.setInt(i, limit * 2);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          double d = rs.getDouble(10);
          if (d <= radiusM) {
            String cls = rs.getString(2);
            out.add(
                new NearComponent(
                    rs.getString(1),
                    cls,
                    className(cls),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    Math.round(d * 10) / 10.0,
                    parse(rs.getString(9))));
          }
        }
      }
    }
    out.sort(Comparator.comparingDouble(NearComponent::distanceM));
    return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
  }

  private String className(String cls) {
    return catalogue.find(cls).map(ComponentClass::nameZh).orElse(null);
  }

  /** One component as a GeoJSON Feature, or empty. */
  public Optional<ObjectNode> component(String id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT " + COMPONENT_COLS + " FROM component WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(componentFeature(rs, null)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Components by class and/or bounding box, ordered by id, one page. */
  public List<ObjectNode> components(String classCode, BoundingBox bbox, int page, int size) {
    StringBuilder sql =
        new StringBuilder("SELECT " + COMPONENT_COLS + " FROM component WHERE true");
    if (classCode != null) {
      sql.append(" AND class_code = ?");
    }
    if (bbox != null) {
      sql.append(" AND geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)");
    }
    sql.append(" ORDER BY id LIMIT ? OFFSET ?");
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int i = 1;
      if (classCode != null) {
        ps.setString(i++, classCode);
      }
      i = setBox(ps, i, bbox);
      ps.setInt(i++, size);
      ps.setLong(i, (long) page * size);
      List<ObjectNode> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(componentFeature(rs, null));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public ObjectNode nearFeature(NearComponent n) {
    ObjectNode f = mapper.createObjectNode().put("type", "Feature").put("id", n.id());
    f.set("geometry", n.geometry());
    ObjectNode p = f.putObject("properties");
    p.put("id", n.id())
        .put("classCode", n.classCode())
        .put("className", n.className())
        .put("name", n.name())
        .put("state", n.state())
        .put("department", n.department())
        .put("owner", n.owner())
        .put("maintainer", n.maintainer())
        .put("gridCode", n.gridCode())
        .put("distanceM", n.distanceM());
    return f;
  }

  private ObjectNode componentFeature(ResultSet rs, Double distance) throws SQLException {
    String id = rs.getString(1);
    ObjectNode f = mapper.createObjectNode().put("type", "Feature").put("id", id);
    f.set("geometry", parse(rs.getString(12)));
    ObjectNode p = f.putObject("properties");
    String cls = rs.getString(2);
    p.put("id", id)
        .put("classCode", cls)
        .put("className", className(cls))
        .put("name", rs.getString(3))
        .put("state", rs.getString(4))
        .put("department", rs.getString(5))
        .put("owner", rs.getString(6))
        .put("maintainer", rs.getString(7))
        .put("gridCode", rs.getString(8))
        .put("dataSource", rs.getString(9))
        .put("surveyDate", str(rs.getDate(10)))
        .put("updatedOn", str(rs.getDate(11)));
    if (distance != null) {
      p.put("distanceM", distance);
    }
    return f;
  }

  // ------------------------------------------------------------------ pipes

  private static final String PIPE_COLS =
      "id, type, owner, depth_m, diameter_mm, material, ST_AsGeoJSON(geom, 7)";

  public List<ObjectNode> pipesInBox(BoundingBox bbox, String type, int page, int size) {
    String sql =
        "SELECT "
            + PIPE_COLS
            + " FROM pipe WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)"
            + " AND ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))"
            + (type == null ? "" : " AND type = ?")
            + " ORDER BY id LIMIT ? OFFSET ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      int i = setBox(ps, 1, bbox);
      i = setBox(ps, i, bbox);
      if (type != null) {
        ps.setString(i++, type);
      }
      ps.setInt(i++, size);
      ps.setLong(i, (long) page * size);
      return pipes(ps);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Pipes crossing a buffer of {@code bufferM} metres around a WGS84 GeoJSON geometry (a point or a
   * line): index-backed degree box first, then the true distance on the spheroid.
   */
  public List<ObjectNode> pipesCrossing(JsonNode geometry, double bufferM, String type, int limit) {
    String g = geometry.toString();
    double deg = bufferM / (M_PER_DEG * Math.cos(Math.toRadians(26.6))) * 1.01;
    String sql =
        "SELECT "
            + PIPE_COLS
            + " FROM pipe, (SELECT ST_SetSRID(ST_GeomFromGeoJSON(?), 4326) AS g) q"
            + " WHERE ST_DWithin(geom, g, ?) AND ST_DWithin(geom::geography, g::geography, ?)"
            + (type == null ? "" : " AND type = ?")
            + " ORDER BY id LIMIT ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      ps.setString(i++, g);
      ps.setDouble(i++, deg);
      ps.setDouble(i++, bufferM);
      if (type != null) {
        ps.setString(i++, type);
      }
      ps.setInt(i, limit);
      return pipes(ps);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<ObjectNode> pipes(PreparedStatement ps) throws SQLException {
    List<ObjectNode> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String id = rs.getString(1);
        ObjectNode f = mapper.createObjectNode().put("type", "Feature").put("id", id);
        f.set("geometry", parse(rs.getString(7)));
        ObjectNode p = f.putObject("properties");
        p.put("id", id).put("type", rs.getString(2)).put("owner", rs.getString(3));
        p.put("depthM", rs.getDouble(4));
        double d = rs.getDouble(5);
        if (rs.wasNull()) {
          p.putNull("diameterMm");
        } else {
          p.put("diameterMm", d);
        }
        p.put("material", rs.getString(6));
        out.add(f);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ cameras

  /** A camera for the video channel: its position, view and the grid it watches. */
  public record CameraView(
      String id,
      String name,
      double lon,
      double lat,
      String gridCode,
      String communityCode,
      String townshipCode,
      Zone zone,
      JsonNode position,
      JsonNode view) {}

  public Optional<CameraView> camera(String id) {
    String sql =
        "SELECT c.id, c.name, ST_X(ST_PointOnSurface(c.geom)), ST_Y(ST_PointOnSurface(c.geom)),"
            + " COALESCE(c.grid_code, (SELECT g.code FROM unit_grid g WHERE g.geom && c.geom AND"
            + " ST_Intersects(g.geom, c.geom) AND g.effective_from <= ? AND (g.effective_to IS"
            + " NULL OR g.effective_to >= ?) ORDER BY g.code LIMIT 1)),"
            + " ST_AsGeoJSON(c.geom, 7), ST_AsGeoJSON(c.view_geom, 7) FROM camera c WHERE c.id = ?";
    Instant now = Instant.now();
    Date day = Date.valueOf(LocalDate.ofInstant(now, CHINA));
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setDate(1, day);
      ps.setDate(2, day);
      ps.setString(3, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String grid = rs.getString(5);
        Zone zone = grid == null ? Zone.OTHER : zoneAt(c, grid, now).orElse(Zone.OTHER);
        return Optional.of(
            new CameraView(
                rs.getString(1),
                rs.getString(2),
                rs.getDouble(3),
                rs.getDouble(4),
                grid,
                grid == null ? null : grid.substring(0, 12),
                grid == null ? null : grid.substring(0, 9),
                zone,
                parse(rs.getString(6)),
                parse(rs.getString(7))));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------ grids

  public Optional<Zone> zoneAt(Connection c, String gridCode, Instant at) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT zone FROM grid_zone WHERE grid_code = ? AND valid_from <= ? AND (valid_to IS"
                + " NULL OR valid_to > ?)")) {
      Timestamp ts = Timestamp.from(at);
      ps.setString(1, gridCode);
      ps.setTimestamp(2, ts);
      ps.setTimestamp(3, ts);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(Zone.valueOf(rs.getString(1))) : Optional.empty();
      }
    }
  }

  // ------------------------------------------------------------------ helpers

  private static int setBox(PreparedStatement ps, int i, BoundingBox b) throws SQLException {
    if (b == null) {
      return i;
    }
    ps.setDouble(i++, b.minLon());
    ps.setDouble(i++, b.minLat());
    ps.setDouble(i++, b.maxLon());
    ps.setDouble(i++, b.maxLat());
    return i;
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }

  JsonNode parse(String json) {
    if (json == null) {
      return null;
    }
    try {
      return mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A FeatureCollection of {@code features} with paging members. */
  public ObjectNode collection(List<ObjectNode> features, Integer page, Integer size) {
    ObjectNode fc = mapper.createObjectNode().put("type", "FeatureCollection");
    ArrayNode arr = fc.putArray("features");
    features.forEach(arr::add);
    if (page != null) {
      fc.put("page", page).put("size", size);
    }
    fc.put("numberReturned", features.size());
    return fc;
  }
}
