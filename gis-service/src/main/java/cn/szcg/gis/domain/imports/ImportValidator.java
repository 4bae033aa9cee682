package cn.szcg.gis.domain.imports;

import cn.szcg.contracts.events.Zone;
import cn.szcg.gis.domain.AreaCode;
import cn.szcg.gis.domain.AreaLevel;
import cn.szcg.gis.domain.CodeFormatException;
import cn.szcg.gis.domain.ComponentId;
import cn.szcg.gis.domain.ComponentState;
import cn.szcg.gis.domain.GridCode;
import cn.szcg.gis.domain.PipeType;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a GeoJSON FeatureCollection for import: structure, declared CRS, required
 * properties per {@link FeatureKind}, codes, geometry type and coordinates, duplicates within the
 * file. Pure: no database; deep validity goes through {@link ImportRules#geometryCheck()}.
 *
 * <p>A feature is accepted only if it has no rejection. A file-level problem (not a
 * FeatureCollection, wrong CRS) rejects the whole file: nothing is accepted. The property rules for
 * each kind are listed in {@code docs/gis.md}.
 *
 * <p>Why one class over 400 lines: the property rules of the five feature kinds (areas, grids,
 * components, pipes, cameras) are written side by side so that each can be checked against the
 * table in docs/gis.md in one place; they share the geometry, code and coordinate checks. Splitting
 * per kind would repeat those or scatter the table.
 */
public final class ImportValidator {

  /** CRS names accepted as WGS84 lon/lat (compared case-insensitively). */
  public static final Set<String> ACCEPTED_CRS =
      Set.of(
          "epsg:4326",
          "urn:ogc:def:crs:epsg::4326",
          "urn:ogc:def:crs:epsg:6.6:4326",
          "http://www.opengis.net/def/crs/epsg/0/4326",
          "crs84",
          "ogc:crs84",
          "urn:ogc:def:crs:ogc:1.3:crs84",
          "urn:ogc:def:crs:ogc::crs84",
          "http://www.opengis.net/def/crs/ogc/1.3/crs84");

  private static final int MAX_ID_LENGTH = 64;

  private final ImportRules rules;

  public ImportValidator(ImportRules rules) {
    this.rules = rules;
  }

  public ImportRules rules() {
    return rules;
  }

  /** Validates {@code root}, which should be a GeoJSON FeatureCollection of {@code kind}. */
  public ImportResult validate(FeatureKind kind, JsonNode root) {
    List<Rejection> fileProblems = new ArrayList<>();
    if (root == null || !root.isObject() || !"FeatureCollection".equals(text(root, "type"))) {
      fileProblems.add(
          new Rejection(
              Rejection.FILE,
              null,
              "type",
              "文件不是GeoJSON FeatureCollection",
              "the file is not a GeoJSON FeatureCollection"));
      return new ImportResult(kind, 0, List.of(), fileProblems);
    }
    JsonNode features = root.get("features");
    if (features == null || !features.isArray()) {
      fileProblems.add(
          new Rejection(
              Rejection.FILE, null, "features", "缺少features数组", "the features array is missing"));
      return new ImportResult(kind, 0, List.of(), fileProblems);
    }
    crsProblem(root.get("crs"))
        .ifPresent(
            name ->
                fileProblems.add(
                    new Rejection(
                        Rejection.FILE, null, "crs", wrongCrsZh(name), wrongCrsEn(name))));
    if (!fileProblems.isEmpty()) {
      return new ImportResult(kind, features.size(), List.of(), fileProblems);
    }

    // First pass: ids, to reject every occurrence of a duplicate.
    String idField = idField(kind);
    Map<String, List<Integer>> occurrences = new HashMap<>();
    for (int i = 0; i < features.size(); i++) {
      String id = featureId(features.get(i), idField);
      if (id != null) {
        occurrences.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
      }
    }

    List<AcceptedFeature> accepted = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    for (int i = 0; i < features.size(); i++) {
      JsonNode f = features.get(i);
      Check c = new Check(i, featureId(f, idField));
      checkFeature(kind, f, c);
      if (c.id != null) {
        List<Integer> at = occurrences.get(c.id);
        if (at != null && at.size() > 1) {
          List<Integer> others = new ArrayList<>(at);
          others.remove(Integer.valueOf(i));
          c.reject(
              "properties." + idField,
              "文件内标识重复：" + c.id + "，另见第" + others + "个要素（从0计）",
              "duplicate id " + c.id + " in the file, also at feature index " + others);
        }
      }
      if (c.problems.isEmpty()) {
        accepted.add(new AcceptedFeature(i, c.id, f));
      } else {
        rejections.addAll(c.problems);
      }
    }
    return new ImportResult(kind, features.size(), accepted, rejections);
  }

  /**
   * Validates one batch of a streamed FeatureCollection: every check of {@link #validate} except
   * the duplicate-id check, which needs the whole file and is left to the caller (the gis-service
   * import does it set-based in its staging table, with the same message as {@link
   * #duplicateRejection}). Indexes in the result are {@code firstIndex + i}.
   *
   * @param features a JSON array of features
   */
  public ImportResult validateBatch(FeatureKind kind, JsonNode features, int firstIndex) {
    List<AcceptedFeature> accepted = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    String idField = idField(kind);
    for (int i = 0; i < features.size(); i++) {
      JsonNode f = features.get(i);
      Check c = new Check(firstIndex + i, featureId(f, idField));
      checkFeature(kind, f, c);
      if (c.problems.isEmpty()) {
        accepted.add(new AcceptedFeature(firstIndex + i, c.id, f));
      } else {
        rejections.addAll(c.problems);
      }
    }
    return new ImportResult(kind, features.size(), accepted, rejections);
  }

  /** The file-level rejection for a declared {@code crs} member that is not WGS84, if any. */
  public static Optional<Rejection> fileCrsRejection(JsonNode crs) {
    return crsProblem(crs)
        .map(
            name -> new Rejection(Rejection.FILE, null, "crs", wrongCrsZh(name), wrongCrsEn(name)));
  }

  /** The feature's id as the validator reads it (properties.code/id, else the Feature's id). */
  public static String featureId(FeatureKind kind, JsonNode feature) {
    return featureId(feature, idField(kind));
  }

  /** The rejection of one occurrence of an id that occurs at {@code others} too. */
  public static Rejection duplicateRejection(
      FeatureKind kind, int index, String id, List<Integer> others) {
    return new Rejection(
        index,
        id,
        "properties." + idField(kind),
        "文件内标识重复：" + id + "，另见第" + others + "个要素（从0计）",
        "duplicate id " + id + " in the file, also at feature index " + others);
  }

  // ---------------------------------------------------------------- feature level

  private void checkFeature(FeatureKind kind, JsonNode f, Check c) {
    if (f == null || !f.isObject() || !"Feature".equals(text(f, "type"))) {
      c.reject("type", "要素不是GeoJSON Feature", "the element is not a GeoJSON Feature");
      return;
    }
    crsProblem(f.get("crs")).ifPresent(name -> c.reject("crs", wrongCrsZh(name), wrongCrsEn(name)));
    JsonNode top = f.get("id");
    JsonNode props = f.get("properties");
    if (props == null || !props.isObject()) {
      c.reject("properties", "缺少properties属性", "properties are missing");
      props = com.fasterxml.jackson.databind.node.NullNode.getInstance();
    }
    String idField = idField(kind);
    String propId = text(props, idField);
    if (top != null && !top.isNull() && propId != null && !propId.equals(top.asText())) {
      c.reject(
          "id",
          "要素id " + top.asText() + " 与properties." + idField + " " + propId + " 不一致",
          "feature id " + top.asText() + " differs from properties." + idField + " " + propId);
    }
    switch (kind) {
      case AREA -> checkArea(props, c);
      case GRID -> checkGrid(props, c);
      case COMPONENT -> checkComponent(props, c);
      case PIPE -> checkPipe(props, c);
      case CAMERA -> checkCamera(props, c);
    }
    checkGeometry(f.get("geometry"), allowedGeometry(kind), "geometry", c);
  }

  private void checkArea(JsonNode p, Check c) {
    String code = requiredId(c, "code", "区划代码", "area code");
    required(p, "name", "名称", "name", c);
    if (code == null) {
      return;
    }
    AreaCode area;
    try {
      area = AreaCode.parse(code);
    } catch (CodeFormatException e) {
      c.reject("properties.code", e.reasonZh(), e.reasonEn());
      return;
    }
    inCounty(area.countyCode(), "properties.code", c);
    String level = text(p, "level");
    if (level != null) {
      try {
        AreaLevel l = AreaLevel.valueOf(level.trim().toUpperCase(Locale.ROOT));
        if (l != area.level()) {
          c.reject(
              "properties.level",
              "层级" + level + "与区划代码" + code + "（" + area.level().nameZh() + "）不符",
              "level " + level + " does not match code " + code + " (" + area.level() + ")");
        }
      } catch (IllegalArgumentException e) {
        c.reject(
            "properties.level",
            "层级" + level + "无效，应为COUNTY/TOWNSHIP/COMMUNITY",
            "level " + level + " is not COUNTY, TOWNSHIP or COMMUNITY");
      }
    }
    String parent = text(p, "parentCode");
    if (parent != null && (area.parent() == null || !area.parent().value().equals(parent))) {
      c.reject(
          "properties.parentCode",
          "上级代码" + parent + "与区划代码" + code + "不符",
          "parentCode " + parent + " is not the parent of " + code);
    }
  }

  private void checkGrid(JsonNode p, Check c) {
    String code = requiredId(c, "code", "单元网格编码", "grid code");
    if (code != null) {
      try {
        GridCode g = GridCode.parse(code);
        inCounty(g.countyCode(), "properties.code", c);
        String community = text(p, "communityCode");
        if (community != null && !community.equals(g.communityCode())) {
          c.reject(
              "properties.communityCode",
              "社区代码" + community + "与网格编码" + code + "不符",
              "communityCode " + community + " does not match grid code " + code);
        }
      } catch (CodeFormatException e) {
        c.reject("properties.code", e.reasonZh(), e.reasonEn());
      }
    }
    String zone = required(p, "zone", "区域类型", "zone", c);
    if (zone != null && parseZone(zone) == null) {
      c.reject(
          "properties.zone",
          "区域类型" + zone + "无效，应为URBAN城区/FRINGE城乡结合部/OTHER其他",
          "zone " + zone + " is not URBAN, FRINGE or OTHER");
    }
    LocalDate from = date(p, "effectiveFrom", "生效日期", "effective date", true, c);
    LocalDate to = date(p, "effectiveTo", "失效日期", "end date", false, c);
    if (from != null && to != null && to.isBefore(from)) {
      c.reject(
          "properties.effectiveTo",
          "失效日期" + to + "早于生效日期" + from,
          "effectiveTo " + to + " is before effectiveFrom " + from);
    }
  }

  private void checkComponent(JsonNode p, Check c) {
    String id = requiredId(c, "id", "部件标识码", "component id");
    String classCode = required(p, "classCode", "部件类别代码", "class code", c);
    ComponentId cid = null;
    if (id != null) {
      try {
        cid = ComponentId.parse(id);
        inCounty(cid.adminCode(), "properties.id", c);
      } catch (CodeFormatException e) {
        c.reject("properties.id", e.reasonZh(), e.reasonEn());
      }
    }
    if (classCode != null) {
      if (!rules.catalogue().contains(classCode)) {
        c.reject(
            "properties.classCode",
            "部件类别代码" + classCode + "不在分类目录中（未知类别）",
            "unknown class code " + classCode + " (not in the catalogue)");
      } else if (cid != null && !cid.classCode().equals(classCode)) {
        c.reject(
            "properties.classCode",
            "部件类别代码" + classCode + "与标识码" + id + "中的类别" + cid.classCode() + "不一致",
            "class code "
                + classCode
                + " differs from the class "
                + cid.classCode()
                + " in id "
                + id);
      }
    } else if (cid != null && !rules.catalogue().contains(cid.classCode())) {
      c.reject(
          "properties.id",
          "标识码中的部件类别" + cid.classCode() + "不在分类目录中（未知类别）",
          "unknown class code " + cid.classCode() + " in id " + id);
    }
    required(p, "name", "部件名称", "name", c);
    String state = required(p, "state", "部件状态", "state", c);
    if (state != null) {
      try {
        ComponentState.parse(state);
      } catch (CodeFormatException e) {
        c.reject("properties.state", e.reasonZh(), e.reasonEn());
      }
    }
    required(p, "department", "主管部门", "competent department", c);
    required(p, "owner", "权属单位", "owner", c);
    required(p, "maintainer", "养护单位", "maintainer", c);
    required(p, "dataSource", "数据来源", "data source", c);
    optionalGridCode(p, c);
    date(p, "surveyDate", "采集日期", "survey date", true, c);
    date(p, "updatedOn", "更新日期", "update date", false, c);
  }

  private void checkPipe(JsonNode p, Check c) {
    String id = requiredId(c, "id", "管线编号", "pipe id");
    idLength(id, c);
    String type = required(p, "type", "管线类型", "pipe type", c);
    if (type != null) {
      try {
        PipeType.parse(type);
      } catch (CodeFormatException e) {
        c.reject(
            "properties.type",
            e.reasonZh() + "，应为WATER_SUPPLY/DRAINAGE/RAINWATER/SEWAGE/GAS/HEAT/POWER/TELECOM等",
            e.reasonEn()
                + " (WATER_SUPPLY, DRAINAGE, RAINWATER, SEWAGE, GAS, HEAT, POWER, TELECOM, ...)");
      }
    }
    required(p, "owner", "权属单位", "owner", c);
    number(p, "depthM", "埋深（米）", "depth (m)", 0, 100, true, c);
    number(p, "diameterMm", "管径（毫米）", "diameter (mm)", 1, 10_000, false, c);
  }

  private void checkCamera(JsonNode p, Check c) {
    String id = requiredId(c, "id", "监控点编号", "camera id");
    idLength(id, c);
    optionalGridCode(p, c);
    JsonNode view = p.get("view");
    if (view != null && !view.isNull()) {
      checkGeometry(view, Set.of("Polygon"), "properties.view", c);
    }
  }

  // ---------------------------------------------------------------- geometry

  private static Set<String> allowedGeometry(FeatureKind kind) {
    return switch (kind) {
      case AREA, GRID -> Set.of("Polygon", "MultiPolygon");
      case COMPONENT ->
          Set.of("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon");
      case PIPE -> Set.of("LineString", "MultiLineString");
      case CAMERA -> Set.of("Point");
    };
  }

  private void checkGeometry(JsonNode g, Set<String> allowed, String field, Check c) {
    if (g == null || g.isNull()) {
      c.reject(field, "缺少几何图形", "geometry is missing");
      return;
    }
    String type = text(g, "type");
    if (type == null || !allowed.contains(type)) {
      c.reject(
          field + ".type",
          "几何类型应为" + sorted(allowed) + "，实际为" + type,
          "geometry type must be one of " + sorted(allowed) + ", was " + type);
      return;
    }
    JsonNode coords = g.get("coordinates");
    if (coords == null || !coords.isArray()) {
      c.reject(field + ".coordinates", "缺少坐标数组", "coordinates are missing");
      return;
    }
    String path = field + ".coordinates";
    boolean ok =
        switch (type) {
          case "Point" -> position(coords, path, c);
          case "MultiPoint" -> parts(coords, path, c, (n, pth) -> position(n, pth, c));
          case "LineString" -> line(coords, path, c);
          case "MultiLineString" -> parts(coords, path, c, (n, pth) -> line(n, pth, c));
          case "Polygon" -> polygon(coords, path, c);
          default -> parts(coords, path, c, (n, pth) -> polygon(n, pth, c));
        };
    if (ok) {
      Optional<String> deep = rules.geometryCheck().invalidReason(g);
      deep.ifPresent(reason -> c.reject(field, "几何图形无效：" + reason, "invalid geometry: " + reason));
    }
  }

  private interface PartCheck {
    boolean check(JsonNode node, String path);
  }

  private static boolean parts(JsonNode arr, String path, Check c, PartCheck each) {
    if (arr.isEmpty()) {
      c.reject(path, "多部件几何为空", "multi-part geometry has no parts");
      return false;
    }
    for (int i = 0; i < arr.size(); i++) {
      if (!arr.get(i).isArray()) {
        c.reject(path + "[" + i + "]", "坐标结构错误", "malformed coordinates");
        return false;
      }
      if (!each.check(arr.get(i), path + "[" + i + "]")) {
        return false;
      }
    }
    return true;
  }

  private boolean line(JsonNode arr, String path, Check c) {
    if (!positions(arr, path, c)) {
      return false;
    }
    if (distinct(arr) < 2) {
      c.reject(path, "线至少需要2个不同的点", "a line needs at least 2 distinct points");
      return false;
    }
    return true;
  }

  private boolean polygon(JsonNode rings, String path, Check c) {
    if (rings.isEmpty()) {
      c.reject(path, "面没有环", "polygon has no ring");
      return false;
    }
    for (int r = 0; r < rings.size(); r++) {
      JsonNode ring = rings.get(r);
      String rp = path + "[" + r + "]";
      if (!ring.isArray()) {
        c.reject(rp, "坐标结构错误", "malformed coordinates");
        return false;
      }
      if (!positions(ring, rp, c)) {
        return false;
      }
      if (ring.size() < 4) {
        c.reject(
            rp,
            "环至少需要4个点（首尾相同），实际" + ring.size() + "个",
            "a ring needs at least 4 positions (first = last), has " + ring.size());
        return false;
      }
      JsonNode first = ring.get(0);
      JsonNode last = ring.get(ring.size() - 1);
      if (first.get(0).asDouble() != last.get(0).asDouble()
          || first.get(1).asDouble() != last.get(1).asDouble()) {
        c.reject(rp, "环未闭合（首尾坐标不同）", "ring is not closed (first and last positions differ)");
        return false;
      }
      if (distinct(ring) < 3) {
        c.reject(rp, "环至少需要3个不同的点", "a ring needs at least 3 distinct positions");
        return false;
      }
    }
    return true;
  }

  private boolean positions(JsonNode arr, String path, Check c) {
    for (int i = 0; i < arr.size(); i++) {
      if (!position(arr.get(i), path + "[" + i + "]", c)) {
        return false;
      }
    }
    return true;
  }

  private boolean position(JsonNode pos, String path, Check c) {
    if (pos == null
        || !pos.isArray()
        || pos.size() < 2
        || pos.size() > 3
        || !pos.get(0).isNumber()
        || !pos.get(1).isNumber()
        || (pos.size() == 3 && !pos.get(2).isNumber())) {
      c.reject(path, "坐标应为[经度,纬度]数字数组", "a position must be [lon, lat] numbers");
      return false;
    }
    double lon = pos.get(0).asDouble();
    double lat = pos.get(1).asDouble();
    if (!Double.isFinite(lon)
        || !Double.isFinite(lat)
        || Math.abs(lon) > 180
        || Math.abs(lat) > 90) {
      c.reject(
          path,
          "坐标无效：经度" + lon + "，纬度" + lat + "（经度应在±180，纬度应在±90之内）",
          "invalid coordinate lon " + lon + ", lat " + lat + " (lon within ±180, lat within ±90)");
      return false;
    }
    if (!rules.bbox().contains(lon, lat)) {
      c.reject(
          path,
          "坐标超出县域范围" + rules.bbox() + "：" + lon + "," + lat + "（是否经纬度颠倒或未转换为WGS84？）",
          "coordinate "
              + lon
              + ","
              + lat
              + " is outside the county "
              + rules.bbox()
              + " (lon/lat swapped or not WGS84?)");
      return false;
    }
    return true;
  }

  private static int distinct(JsonNode arr) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (JsonNode p : arr) {
      seen.add(p.get(0).asDouble() + "," + p.get(1).asDouble());
      if (seen.size() >= 3) {
        break;
      }
    }
    return seen.size();
  }

  // ---------------------------------------------------------------- properties

  private static String idField(FeatureKind kind) {
    return kind == FeatureKind.AREA || kind == FeatureKind.GRID ? "code" : "id";
  }

  /** properties.{idField}, else the Feature's top-level id. */
  private static String featureId(JsonNode f, String idField) {
    if (f == null || !f.isObject()) {
      return null;
    }
    String id = text(f.get("properties"), idField);
    if (id == null) {
      JsonNode top = f.get("id");
      if (top != null && (top.isTextual() || top.isNumber()) && !top.asText().isBlank()) {
        id = top.asText().trim();
      }
    }
    return id;
  }

  private static String text(JsonNode n, String field) {
    if (n == null || !n.isObject()) {
      return null;
    }
    JsonNode v = n.get(field);
    if (v == null || v.isNull() || !(v.isTextual() || v.isNumber())) {
      return null;
    }
    String s = v.asText().trim();
    return s.isEmpty() ? null : s;
  }

  private static String required(JsonNode p, String field, String zh, String en, Check c) {
    String v = text(p, field);
    if (v == null) {
      c.reject(
          "properties." + field,
          "缺少必填属性" + field + "（" + zh + "）",
          "required property " + field + " (" + en + ") is missing");
    }
    return v;
  }

  /** The feature's id (properties.{field}, else the Feature id); rejected when absent. */
  private static String requiredId(Check c, String field, String zh, String en) {
    if (c.id == null) {
      c.reject(
          "properties." + field,
          "缺少必填属性" + field + "（" + zh + "）",
          "required property " + field + " (" + en + ") is missing");
    }
    return c.id;
  }

  private void inCounty(String countyCode, String field, Check c) {
    if (!countyCode.equals(rules.countyCode())) {
      c.reject(
          field,
          "行政区划代码" + countyCode + "不属于本县（" + rules.countyCode() + "）",
          "administrative code " + countyCode + " is not this county (" + rules.countyCode() + ")");
    }
  }

  private static void optionalGridCode(JsonNode p, Check c) {
    String grid = text(p, "gridCode");
    if (grid != null) {
      try {
        GridCode.parse(grid);
      } catch (CodeFormatException e) {
        c.reject("properties.gridCode", e.reasonZh(), e.reasonEn());
      }
    }
  }

  private static void idLength(String id, Check c) {
    if (id != null && id.length() > MAX_ID_LENGTH) {
      c.reject(
          "properties.id",
          "编号过长（最多" + MAX_ID_LENGTH + "个字符）",
          "id is longer than " + MAX_ID_LENGTH + " characters");
    }
  }

  private static LocalDate date(
      JsonNode p, String field, String zh, String en, boolean mandatory, Check c) {
    String v = mandatory ? required(p, field, zh, en, c) : text(p, field);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(v).toLocalDate();
      } catch (DateTimeParseException e2) {
        c.reject(
            "properties." + field,
            zh + v + "不是ISO-8601日期（如2026-01-31）",
            en + " " + v + " is not an ISO-8601 date (e.g. 2026-01-31)");
        return null;
      }
    }
  }

  private static void number(
      JsonNode p,
      String field,
      String zh,
      String en,
      double min,
      double max,
      boolean mandatory,
      Check c) {
    JsonNode v = p == null ? null : p.get(field);
    if (v == null || v.isNull()) {
      if (mandatory) {
        c.reject(
            "properties." + field,
            "缺少必填属性" + field + "（" + zh + "）",
            "required property " + field + " (" + en + ") is missing");
      }
      return;
    }
    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
      c.reject("properties." + field, zh + "应为数字", en + " must be a number");
      return;
    }
    double d = v.asDouble();
    if (d < min || d > max) {
      c.reject(
          "properties." + field,
          zh + d + "超出范围[" + min + "," + max + "]",
          en + " " + d + " is outside [" + min + ", " + max + "]");
    }
  }

  /** Reads a zone from URBAN/FRINGE/OTHER (any case) or 城区/城乡结合部/其他; null if unknown. */
  public static Zone parseZone(String text) {
    if (text == null) {
      return null;
    }
    String t = text.trim();
    return switch (t.toUpperCase(Locale.ROOT)) {
      case "URBAN", "城区" -> Zone.URBAN;
      case "FRINGE", "城乡结合部" -> Zone.FRINGE;
      case "OTHER", "其他" -> Zone.OTHER;
      default -> null;
    };
  }

  private static Optional<String> crsProblem(JsonNode crs) {
    if (crs == null || crs.isNull()) {
      return Optional.empty();
    }
    String name = crs.path("properties").path("name").asText("");
    if (name.isEmpty()) {
      // linked CRS (type "link") or anything we cannot read: refuse rather than guess
      name = crs.toString();
    }
    return ACCEPTED_CRS.contains(name.trim().toLowerCase(Locale.ROOT))
        ? Optional.empty()
        : Optional.of(name);
  }

  private static String wrongCrsZh(String name) {
    return "坐标系错误（SRID不是4326）：声明为"
        + name
        + "，应为WGS84（EPSG:4326/CRS84），请用ogr2ogr -t_srs EPSG:4326转换";
  }

  private static String wrongCrsEn(String name) {
    return "wrong SRID: declared CRS "
        + name
        + ", expected WGS84 (EPSG:4326 / CRS84); convert with ogr2ogr -t_srs EPSG:4326";
  }

  private static String sorted(Set<String> s) {
    return new java.util.TreeSet<>(s).toString();
  }

  /** Problems found for one feature. */
  private static final class Check {
    final int index;
    final String id;
    final List<Rejection> problems = new ArrayList<>(2);

    Check(int index, String id) {
      this.index = index;
      this.id = id;
    }

    void reject(String field, String zh, String en) {
      problems.add(new Rejection(index, id, field, zh, en));
    }
  }
}
