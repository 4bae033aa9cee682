package cn.szcg.gis.infra;

import cn.szcg.gis.domain.BoundingBox;
import cn.szcg.gis.domain.tiles.Gcj02Affine;
import cn.szcg.gis.domain.tiles.MapLayer;
import cn.szcg.gis.domain.tiles.TileCoord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;

/**
 * Mapbox vector tiles (MVT 2.1) of the county's own layers, made by PostGIS in one statement:
 * {@code ST_TileEnvelope} gives the tile in Web Mercator, each layer's rows are selected with the
 * GIST index on a WGS84 box around the tile, cut and quantised to the tile's 4096 grid by {@code
 * ST_AsMVTGeom} (64 units of buffer so lines and outlines join across tiles) and encoded by {@code
 * ST_AsMVT}; the layers' bytes are concatenated (an MVT tile is a sequence of layer messages).
 *
 * <p>With {@code gcj02} every geometry is shifted by the tile's {@link Gcj02Affine} before the
 * projection, so the tile lines up with a GCJ-02 base map (高德); the selection box then grows by
 * 0.01° (≈ 1 km, more than the ≈ 590 m shift).
 */
@ApplicationScoped
public class TileQueries {

  /** The tile's grid (MVT extent) and the buffer in those units. */
  static final int EXTENT = 4096;

  static final int BUFFER = 64;

  @Inject DataSource dataSource;

  /** The tile's bytes (possibly empty: no layer has a feature there). */
  public byte[] tile(TileCoord t, boolean gcj02) {
    List<MapLayer> layers = MapLayer.at(t.z());
    if (layers.isEmpty()) {
      return new byte[0];
    }
    BoundingBox b = t.bounds();
    double margin = (b.maxLon() - b.minLon()) * BUFFER / EXTENT + (gcj02 ? 0.01 : 0);
    String geom = gcj02 ? affine(Gcj02Affine.over(b)) : "%s";
    StringBuilder sql =
        new StringBuilder(
            "WITH b AS (SELECT ST_TileEnvelope(?, ?, ?) AS env,"
                + " ST_MakeEnvelope(?, ?, ?, ?, 4326) AS box) SELECT ");
    for (int i = 0; i < layers.size(); i++) {
      if (i > 0) {
        sql.append(" || ");
      }
      sql.append(layer(layers.get(i), geom, t.z()));
    }
    LocalDate today = LocalDate.now(GisQueries.CHINA);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int p = 1;
      ps.setInt(p++, t.z());
      ps.setInt(p++, t.x());
      ps.setInt(p++, t.y());
      ps.setDouble(p++, Math.max(-180, b.minLon() - margin));
      ps.setDouble(p++, Math.max(-90, b.minLat() - margin));
      ps.setDouble(p++, Math.min(180, b.maxLon() + margin));
      ps.setDouble(p++, Math.min(90, b.maxLat() + margin));
      if (layers.contains(MapLayer.GRIDS)) {
        ps.setDate(p++, Date.valueOf(today));
        ps.setDate(p, Date.valueOf(today));
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        byte[] bytes = rs.getBytes(1);
        return bytes == null ? new byte[0] : bytes;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("tile " + t + " failed", e);
    }
  }

  private static String affine(Gcj02Affine a) {
    return "ST_Affine(%s, "
        + a.a()
        + ", "
        + a.b()
        + ", "
        + a.d()
        + ", "
        + a.e()
        + ", "
        + a.xoff()
        + ", "
        + a.yoff()
        + ")";
  }

  private static String layer(MapLayer layer, String geomTemplate, int z) {
    // every layer's table is aliased f
    String from =
        switch (layer) {
          case TOWNSHIPS ->
              "SELECT f.code, f.name, %G AS geom FROM admin_area f, b"
                  + " WHERE f.level = 'TOWNSHIP' AND f.geom && b.box";
          case COMMUNITIES ->
              "SELECT f.code, f.name, f.parent_code AS \"parentCode\", %G AS geom"
                  + " FROM admin_area f, b WHERE f.level = 'COMMUNITY' AND f.geom && b.box";
          case GRIDS ->
              "SELECT f.code, COALESCE(z.zone, 'OTHER') AS zone, %G AS geom FROM b, unit_grid f"
                  + " LEFT JOIN grid_zone z ON z.grid_code = f.code AND z.valid_from <= now()"
                  + " AND (z.valid_to IS NULL OR z.valid_to > now())"
                  + " WHERE f.geom && b.box AND f.effective_from <= ?"
                  + " AND (f.effective_to IS NULL OR f.effective_to >= ?)";
          case COMPONENTS ->
              "SELECT CAST(f.id AS text) AS id, CAST(f.class_code AS text) AS \"classCode\","
                  + " substr(f.class_code, 1, 2) AS \"majorClass\", f.state, %G AS geom"
                  + " FROM component f, b WHERE f.geom && b.box";
          case PIPES -> "SELECT f.id, f.type, %G AS geom FROM pipe f, b WHERE f.geom && b.box";
          case CAMERAS -> "SELECT f.id, f.name, %G AS geom FROM camera f, b WHERE f.geom && b.box";
        };
    String mvtGeom =
        "ST_AsMVTGeom(ST_Transform("
            + geomTemplate.formatted(
                layer == MapLayer.COMPONENTS && z < MapLayer.COMPONENT_SHAPES_FROM_ZOOM
                    ? "ST_PointOnSurface(f.geom)"
                    : "f.geom")
            + ", 3857), b.env, "
            + EXTENT
            + ", "
            + BUFFER
            + ", true)";
    return "COALESCE((SELECT ST_AsMVT(t, '"
        + layer.layerName()
        + "', "
        + EXTENT
        + ", 'geom') FROM ("
        + from.replace("%G", mvtGeom)
        + ") t WHERE t.geom IS NOT NULL), ''::bytea)";
  }
}
