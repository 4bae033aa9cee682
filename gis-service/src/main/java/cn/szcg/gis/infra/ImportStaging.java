package cn.szcg.gis.infra;

import cn.szcg.gis.domain.InputCrs;
import cn.szcg.gis.domain.imports.AcceptedFeature;
import cn.szcg.gis.domain.imports.FeatureKind;
import cn.szcg.gis.domain.imports.GeoJsonGeometries;
import cn.szcg.gis.domain.imports.ImportResult;
import cn.szcg.gis.domain.imports.ImportRules;
import cn.szcg.gis.domain.imports.ImportValidator;
import cn.szcg.gis.domain.imports.ImportedFeatures;
import cn.szcg.gis.domain.imports.Rejection;
import cn.szcg.platform.web.ProblemException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The persistence of a GeoJSON import (导入): one FeatureCollection, streamed into the tables inside
 * the caller's transaction (the use case, its transaction and its report are {@code
 * cn.szcg.gis.application.MapImports}'s):
 *
 * <ol>
 *   <li>the body is parsed feature by feature (Jackson streaming); batches of {@value #BATCH}
 *       features are converted from GCJ-02 when the caller declares it, validated with {@link
 *       ImportValidator#validateBatch} and written with COPY into a temporary staging table
 *       (accepted features with their typed columns, rejected ones with their id only);
 *   <li>set-based checks that need the whole file run in SQL on the staging table: duplicate ids
 *       (every occurrence rejected, as {@link ImportValidator#validate} does) and deep geometry
 *       validity with PostGIS {@code ST_IsValidReason} (the {@code GeometryCheck} rule, applied to
 *       everything that is not a point);
 *   <li>the remaining features are upserted by id ({@code INSERT … SELECT … ON CONFLICT DO
 *       UPDATE}), so re-importing the same file is idempotent; the run is recorded in {@code
 *       import_run} and the map index learns the changed layer at commit.
 * </ol>
 *
 * <p>A file-level rejection (not a FeatureCollection, a CRS other than WGS84) stops before anything
 * is upserted: {@link Staged#fileRefused()}, and the caller rolls back.
 */
@ApplicationScoped
public class ImportStaging {

  static final int BATCH = 2000;

  /**
   * What an import staged and loaded.
   *
   * @param total features in the file
   * @param accepted features upserted (0 when the file was refused)
   * @param rejections every rejection, by feature index; the file-level ones only when refused
   * @param fileRefused the file as a whole was refused: nothing may be kept
   */
  public record Staged(int total, int accepted, List<Rejection> rejections, boolean fileRefused) {}

  @Inject DataSource dataSource;
  @Inject ObjectMapper mapper;
  @Inject MapIndex index;

  private final ImportValidator validator =
      new ImportValidator(ImportRules.minqing(ComponentClassesJson.loadDefault()));

  /**
   * Stages, checks and upserts the features of {@code body} as {@code kind}, recorded as imported
   * by {@code by} at {@code now}. Runs in the caller's transaction.
   */
  public Staged load(FeatureKind kind, InputStream body, InputCrs crs, Instant now, String by) {
    Stage stage = Stage.of(kind);
    List<Rejection> rejections = new ArrayList<>();
    List<Rejection> fileProblems = new ArrayList<>();
    int total = 0;
    try (Connection c = dataSource.getConnection()) {
      try (Statement st = c.createStatement()) {
        st.execute("CREATE TEMP TABLE gis_stage (" + stage.ddl + ") ON COMMIT DROP");
      }
      CopyIn copy =
          c.unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn("COPY gis_stage (" + stage.columns + ") FROM STDIN");
      try {
        total = parse(kind, body, crs, copy, rejections, fileProblems);
        copy.endCopy();
      } finally {
        if (copy.isActive()) {
          copy.cancelCopy();
        }
      }
      if (!fileProblems.isEmpty()) {
        return new Staged(total, 0, fileProblems, true);
      }
      rejectDuplicates(c, kind, rejections);
      rejectInvalidGeometry(c, stage, rejections);
      int accepted = upsert(c, kind, now, by);
      if (accepted > 0) {
        switch (kind) {
          case AREA -> index.changed(c, MapIndex.Layer.AREAS);
          case GRID -> index.changed(c, MapIndex.Layer.GRIDS);
          case COMPONENT -> index.changed(c, MapIndex.Layer.COMPONENTS);
          default -> {
            // pipes and cameras are not part of locate
          }
        }
      }
      rejections.sort(Comparator.comparingInt(Rejection::featureIndex));
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO import_run (kind, total, accepted, rejected, crs, started_at,"
                  + " finished_at, imported_by) VALUES (?,?,?,?,?,?,?,?)")) {
        ps.setString(1, kind.name());
        ps.setInt(2, total);
        ps.setInt(3, accepted);
        ps.setInt(
            4, (int) rejections.stream().mapToInt(Rejection::featureIndex).distinct().count());
        ps.setString(5, crs.name());
        ps.setTimestamp(6, Timestamp.from(now));
        ps.setTimestamp(7, Timestamp.from(Instant.now()));
        ps.setString(8, by);
        ps.executeUpdate();
      }
      return new Staged(total, accepted, rejections, false);
    } catch (SQLException e) {
      throw new IllegalStateException("import failed: " + e.getMessage(), e);
    }
  }

  // ------------------------------------------------------------------ parsing and staging

  private int parse(
      FeatureKind kind,
      InputStream body,
      InputCrs crs,
      CopyIn copy,
      List<Rejection> rejections,
      List<Rejection> fileProblems)
      throws SQLException {
    int total = 0;
    String type = null;
    boolean sawFeatures = false;
    try (JsonParser p = mapper.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        fileProblems.add(notCollection());
        return 0;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        switch (name) {
          case "type" -> {
            type = t.isScalarValue() ? p.getValueAsString() : null;
            p.skipChildren();
          }
          case "crs" -> {
            JsonNode crsNode = p.readValueAsTree();
            ImportValidator.fileCrsRejection(crsNode).ifPresent(fileProblems::add);
          }
          case "features" -> {
            if (t != JsonToken.START_ARRAY) {
              p.skipChildren();
              break;
            }
            sawFeatures = true;
            ArrayNode batch = mapper.createArrayNode();
            while (p.nextToken() != JsonToken.END_ARRAY) {
              JsonNode f = p.readValueAsTree();
              total++;
              if (!fileProblems.isEmpty()) {
                continue; // the file is refused anyway: count only
              }
              batch.add(crs == InputCrs.GCJ02 ? GeoJsonGeometries.gcj02ToWgs84(f) : f);
              if (batch.size() == BATCH) {
                stageBatch(kind, batch, total - batch.size(), copy, rejections);
                batch = mapper.createArrayNode();
              }
            }
            if (!batch.isEmpty() && fileProblems.isEmpty()) {
              stageBatch(kind, batch, total - batch.size(), copy, rejections);
            }
          }
          default -> p.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      throw ProblemException.invalidField(
          "body",
          "malformed-json",
          "请求体不是合法的JSON / the body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalStateException("reading the import body failed", e);
    }
    if (!"FeatureCollection".equals(type)) {
      fileProblems.add(0, notCollection());
    } else if (!sawFeatures) {
      fileProblems.add(
          new Rejection(
              Rejection.FILE, null, "features", "缺少features数组", "the features array is missing"));
    }
    return total;
  }

  private static Rejection notCollection() {
    return new Rejection(
        Rejection.FILE,
        null,
        "type",
        "文件不是GeoJSON FeatureCollection",
        "the file is not a GeoJSON FeatureCollection");
  }

  private void stageBatch(
      FeatureKind kind, ArrayNode batch, int firstIndex, CopyIn copy, List<Rejection> rejections)
      throws SQLException {
    ImportResult r = validator.validateBatch(kind, batch, firstIndex);
    rejections.addAll(r.rejections());
    CopyRows rows = new CopyRows();
    Set<Integer> rejectedIdx = new HashSet<>();
    for (Rejection x : r.rejections()) {
      if (rejectedIdx.add(x.featureIndex()) && x.featureId() != null) {
        rows.add(x.featureIndex()).add(x.featureId()).add("f");
        for (int k = 0; k < Stage.of(kind).width - 3; k++) {
          rows.add(null);
        }
        rows.end();
      }
    }
    for (AcceptedFeature a : r.accepted()) {
      rows.add(a.featureIndex()).add(a.id()).add("t").add(a.geometry().path("type").asText());
      rows.add(json(a.geometry()));
      stageColumns(kind, a, rows);
      rows.end();
    }
    byte[] bytes = rows.drain();
    copy.writeToCopy(bytes, 0, bytes.length);
  }

  private void stageColumns(FeatureKind kind, AcceptedFeature a, CopyRows rows) {
    switch (kind) {
      case AREA -> {
        var x = ImportedFeatures.area(a);
        rows.add(x.name()).add(x.level().name());
        rows.add(x.code().value().length() > 6 ? x.code().parent().value() : null);
        rows.add(json(x.properties()));
      }
      case GRID -> {
        var x = ImportedFeatures.grid(a);
        rows.add(x.code().communityCode()).add(x.zone().name());
        rows.add(x.effectiveFrom()).add(x.effectiveTo()).add(json(x.properties()));
      }
      case COMPONENT -> {
        var x = ImportedFeatures.component(a);
        rows.add(x.classCode()).add(x.name()).add(x.state().name()).add(x.department());
        rows.add(x.owner()).add(x.maintainer());
        rows.add(x.gridCode() == null ? null : x.gridCode().format());
        rows.add(x.dataSource()).add(x.surveyDate()).add(x.updatedOn());
      }
      case PIPE -> {
        var x = ImportedFeatures.pipe(a);
        rows.add(x.type().name()).add(x.owner()).add(x.depthM()).add(x.diameterMm());
        rows.add(x.material()).add(json(x.properties()));
      }
      case CAMERA -> {
        var x = ImportedFeatures.camera(a);
        rows.add(x.name()).add(x.gridCode() == null ? null : x.gridCode().format());
        rows.add(x.view() == null ? null : json(x.view())).add(json(x.properties()));
      }
    }
  }

  private String json(JsonNode n) {
    try {
      return mapper.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------ whole-file checks

  private static void rejectDuplicates(Connection c, FeatureKind kind, List<Rejection> rejections)
      throws SQLException {
    List<String> dupIds = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT id, array_agg(idx ORDER BY idx) FROM gis_stage GROUP BY id"
                    + " HAVING count(*) > 1")) {
      while (rs.next()) {
        String id = rs.getString(1);
        List<Integer> at = Arrays.asList((Integer[]) rs.getArray(2).getArray());
        dupIds.add(id);
        for (Integer i : at) {
          List<Integer> others = new ArrayList<>(at);
          others.remove(i);
          rejections.add(ImportValidator.duplicateRejection(kind, i, id, others));
        }
      }
    }
    if (!dupIds.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE gis_stage SET ok = false WHERE id = ANY (?)")) {
        Array arr = c.createArrayOf("text", dupIds.toArray());
        ps.setArray(1, arr);
        ps.executeUpdate();
      }
    }
  }

  private static void rejectInvalidGeometry(Connection c, Stage stage, List<Rejection> rejections)
      throws SQLException {
    List<Integer> bad = new ArrayList<>();
    String sql =
        "SELECT idx, id, 'geometry', ST_IsValidReason(ST_GeomFromGeoJSON(gj)) FROM gis_stage"
            + " WHERE ok AND gtype NOT IN ('Point', 'MultiPoint')"
            + " AND NOT ST_IsValid(ST_GeomFromGeoJSON(gj))";
    if (stage == Stage.CAMERA) {
      sql +=
          " UNION ALL SELECT idx, id, 'properties.view',"
              + " ST_IsValidReason(ST_GeomFromGeoJSON(view_gj)) FROM gis_stage WHERE ok AND"
              + " view_gj IS NOT NULL AND NOT ST_IsValid(ST_GeomFromGeoJSON(view_gj))";
    }
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        int idx = rs.getInt(1);
        String reason = rs.getString(4);
        bad.add(idx);
        rejections.add(
            new Rejection(
                idx,
                rs.getString(2),
                rs.getString(3),
                "几何图形无效：" + reason,
                "invalid geometry: " + reason));
      }
    }
    if (!bad.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE gis_stage SET ok = false WHERE idx = ANY (?)")) {
        ps.setArray(1, c.createArrayOf("integer", bad.toArray()));
        ps.executeUpdate();
      }
    }
  }

  // ------------------------------------------------------------------ loading

  private static final String GEOM = "ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(gj), 4326))";

  private int upsert(Connection c, FeatureKind kind, Instant now, String by) throws SQLException {
    String sql =
        switch (kind) {
          case AREA ->
              "INSERT INTO admin_area (code, name, level, parent_code, geom, properties,"
                  + " imported_at, imported_by) SELECT id, name, level, parent_code, "
                  + GEOM
                  + ", props, ?, ? FROM gis_stage WHERE ok ON CONFLICT (code) DO UPDATE SET"
                  + " name = excluded.name, level = excluded.level, parent_code ="
                  + " excluded.parent_code, geom = excluded.geom, properties = excluded.properties,"
                  + " imported_at = excluded.imported_at, imported_by = excluded.imported_by";
          case GRID ->
              "INSERT INTO unit_grid (code, community_code, geom, effective_from, effective_to,"
                  + " properties, imported_at, imported_by) SELECT id, community_code, "
                  + GEOM
                  + ", effective_from, effective_to, props, ?, ? FROM gis_stage WHERE ok"
                  + " ON CONFLICT (code) DO UPDATE SET community_code = excluded.community_code,"
                  + " geom = excluded.geom, effective_from = excluded.effective_from,"
                  + " effective_to = excluded.effective_to, properties = excluded.properties,"
                  + " imported_at = excluded.imported_at, imported_by = excluded.imported_by";
          case COMPONENT ->
              // a component without gridCode gets the grid containing its position (a line or
              // polygon: ST_PointOnSurface) that is in force on the import day (China time)
              "INSERT INTO component (id, class_code, name, state, department, owner,"
                  + " maintainer, grid_code, data_source, survey_date, updated_on, geom,"
                  + " imported_at, imported_by) SELECT id, class_code, name, state, department,"
                  + " owner, maintainer, COALESCE(grid_code, (SELECT g.code FROM unit_grid g"
                  + " WHERE g.geom && ST_PointOnSurface(s.geom) AND ST_Intersects(g.geom,"
                  + " ST_PointOnSurface(s.geom)) AND g.effective_from <= (now() AT TIME ZONE"
                  + " 'Asia/Shanghai')::date AND (g.effective_to IS NULL OR g.effective_to >="
                  + " (now() AT TIME ZONE 'Asia/Shanghai')::date) ORDER BY g.code LIMIT 1)),"
                  + " data_source, survey_date, updated_on, s.geom, ?, ? FROM (SELECT *, "
                  + GEOM
                  + " AS geom FROM gis_stage WHERE ok) s ON CONFLICT (id) DO UPDATE SET"
                  + " class_code = excluded.class_code, name = excluded.name, state ="
                  + " excluded.state, department = excluded.department, owner = excluded.owner,"
                  + " maintainer = excluded.maintainer, grid_code = excluded.grid_code,"
                  + " data_source = excluded.data_source, survey_date = excluded.survey_date,"
                  + " updated_on = excluded.updated_on, geom = excluded.geom,"
                  + " imported_at = excluded.imported_at, imported_by = excluded.imported_by";
          case PIPE ->
              "INSERT INTO pipe (id, type, owner, depth_m, diameter_mm, material, geom,"
                  + " properties, imported_at, imported_by) SELECT id, type, owner, depth_m,"
                  + " diameter_mm, material, "
                  + GEOM
                  + ", props, ?, ? FROM gis_stage WHERE ok ON CONFLICT (id) DO UPDATE SET"
                  + " type = excluded.type, owner = excluded.owner, depth_m = excluded.depth_m,"
                  + " diameter_mm = excluded.diameter_mm, material = excluded.material,"
                  + " geom = excluded.geom, properties = excluded.properties,"
                  + " imported_at = excluded.imported_at, imported_by = excluded.imported_by";
          case CAMERA ->
              "INSERT INTO camera (id, name, grid_code, view_geom, geom, properties,"
                  + " imported_at, imported_by) SELECT id, name, grid_code,"
                  + " ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(view_gj), 4326)), "
                  + GEOM
                  + ", props, ?, ? FROM gis_stage WHERE ok ON CONFLICT (id) DO UPDATE SET"
                  + " name = excluded.name, grid_code = excluded.grid_code, view_geom ="
                  + " excluded.view_geom, geom = excluded.geom, properties = excluded.properties,"
                  + " imported_at = excluded.imported_at, imported_by = excluded.imported_by";
        };
    int n;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setString(2, by);
      n = ps.executeUpdate();
    }
    if (kind == FeatureKind.GRID) {
      gridZones(c, now, by);
    }
    return n;
  }

  /**
   * Zone history of imported grids: a grid without history gets its zone from its effectiveFrom day
   * (00:00 China time); a grid whose zone in force differs from the file gets a zone change
   * effective now (the previous entry is closed). A future-dated change is left alone.
   */
  private void gridZones(Connection c, Instant now, String by) throws SQLException {
    Timestamp ts = Timestamp.from(now);
    try (PreparedStatement close =
            c.prepareStatement(
                "UPDATE grid_zone z SET valid_to = ? FROM gis_stage s WHERE s.ok"
                    + " AND z.grid_code = s.id AND z.valid_to IS NULL AND z.zone <> s.zone"
                    + " AND z.valid_from < ?");
        PreparedStatement open =
            c.prepareStatement(
                "INSERT INTO grid_zone (grid_code, zone, valid_from, changed_by, changed_at,"
                    + " reason) SELECT s.id, s.zone, CASE WHEN EXISTS (SELECT 1 FROM grid_zone h"
                    + " WHERE h.grid_code = s.id) THEN ? ELSE (s.effective_from::timestamp AT TIME"
                    + " ZONE 'Asia/Shanghai') END, ?, ?, 'import' FROM gis_stage s WHERE s.ok"
                    + " AND NOT EXISTS (SELECT 1 FROM grid_zone o WHERE o.grid_code = s.id"
                    + " AND o.valid_to IS NULL)")) {
      close.setTimestamp(1, ts);
      close.setTimestamp(2, ts);
      close.executeUpdate();
      open.setTimestamp(1, ts);
      open.setString(2, by);
      open.setTimestamp(3, ts);
      open.executeUpdate();
    }
  }

  /** Staging table layout per kind. */
  enum Stage {
    AREA("name text, level text, parent_code text, props jsonb"),
    GRID("community_code text, zone text, effective_from date, effective_to date, props jsonb"),
    COMPONENT(
        "class_code text, name text, state text, department text, owner text, maintainer text,"
            + " grid_code text, data_source text, survey_date date, updated_on date"),
    PIPE(
        "type text, owner text, depth_m double precision, diameter_mm double precision,"
            + " material text, props jsonb"),
    CAMERA("name text, grid_code text, view_gj text, props jsonb");

    final String ddl;
    final String columns;
    final int width;

    Stage(String specific) {
      this.ddl = "idx integer, id text, ok boolean, gtype text, gj text, " + specific;
      List<String> cols = new ArrayList<>();
      for (String part : this.ddl.split(",")) {
        cols.add(part.trim().split(" ")[0]);
      }
      this.columns = String.join(", ", cols);
      this.width = cols.size();
    }

    static Stage of(FeatureKind k) {
      return valueOf(k.name());
    }
  }
}
