package cn.szcg.gis.domain.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.gis.domain.BoundingBox;
import cn.szcg.gis.domain.Gcj02;
import cn.szcg.gis.infra.ComponentClassesJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** validation rules of GeoJSON imports, one test per rejection path. */
class ImportValidatorTest {

  private static final ObjectMapper M = new ObjectMapper();
  private final ImportValidator validator =
      new ImportValidator(ImportRules.minqing(ComponentClassesJson.loadDefault()));

  // ------------------------------------------------------------ valid samples

  static ObjectNode json(String s) {
    try {
      return (ObjectNode) M.readTree(s.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(s, e);
    }
  }

  static final String SQUARE =
      "{'type':'Polygon','coordinates':[[[118.861,26.220],[118.862,26.220],[118.862,26.2209],"
          + "[118.861,26.2209],[118.861,26.220]]]}";

  static ObjectNode area() {
    return json(
        "{'type':'Feature','geometry':"
            + SQUARE
            + ",'properties':{'code':'350124100001','name':'东门社区','level':'COMMUNITY',"
            + "'parentCode':'350124100'}}");
  }

  static ObjectNode grid() {
    return json(
        "{'type':'Feature','geometry':"
            + SQUARE
            + ",'properties':{'code':'3501241000010001','zone':'URBAN','effectiveFrom':'2026-01-01',"
            + "'communityCode':'350124100001'}}");
  }

  static ObjectNode component() {
    return json(
        "{'type':'Feature','id':'3501240101000001','geometry':{'type':'Point',"
            + "'coordinates':[118.8615,26.2205]},'properties':{'id':'3501240101000001',"
            + "'classCode':'0101','name':'上水井盖','state':'INTACT','department':'县住房和城乡建设局',"
            + "'owner':'闽清县自来水公司','maintainer':'闽清县自来水公司','gridCode':'3501241000010001',"
            + "'dataSource':'2025年部件普查','surveyDate':'2025-06-01'}}");
  }

  static ObjectNode pipe() {
    return json(
        "{'type':'Feature','geometry':{'type':'LineString','coordinates':[[118.861,26.220],"
            + "[118.863,26.220]]},'properties':{'id':'GX-JS-000001','type':'WATER_SUPPLY',"
            + "'owner':'闽清县自来水公司','depthM':1.2,'diameterMm':300}}");
  }

  static ObjectNode camera() {
    return json(
        "{'type':'Feature','geometry':{'type':'Point','coordinates':[118.8615,26.2205]},"
            + "'properties':{'id':'35012400001320000001','view':"
            + SQUARE
            + "}}");
  }

  static ObjectNode collection(JsonNode... features) {
    ObjectNode fc = json("{'type':'FeatureCollection','features':[]}");
    for (JsonNode f : features) {
      ((ArrayNode) fc.get("features")).add(f);
    }
    return fc;
  }

  private ImportResult one(FeatureKind kind, ObjectNode feature) {
    return validator.validate(kind, collection(feature));
  }

  private ImportResult mutated(FeatureKind kind, ObjectNode feature, Consumer<ObjectNode> change) {
    change.accept(feature);
    return one(kind, feature);
  }

  private static ObjectNode props(ObjectNode f) {
    return (ObjectNode) f.get("properties");
  }

  private static Rejection only(ImportResult r) {
    assertEquals(1, r.rejections().size(), () -> r.rejections().toString());
    assertTrue(r.accepted().isEmpty());
    return r.rejections().get(0);
  }

  private static void assertRejected(ImportResult r, String field, String zhPart, String enPart) {
    assertTrue(r.accepted().isEmpty(), "feature should not be accepted");
    Rejection x =
        r.rejections().stream()
            .filter(j -> j.field().equals(field))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no rejection on " + field + ": " + r.rejections()));
    assertTrue(x.reasonZh().contains(zhPart), x.reasonZh());
    assertTrue(x.reasonEn().contains(enPart), x.reasonEn());
  }

  // ------------------------------------------------------------ accepted

  @Test
  void aValidFeatureOfEachKindIsAccepted() {
    assertTrue(one(FeatureKind.AREA, area()).isClean());
    assertTrue(one(FeatureKind.GRID, grid()).isClean());
    assertTrue(one(FeatureKind.COMPONENT, component()).isClean());
    assertTrue(one(FeatureKind.PIPE, pipe()).isClean());
    ImportResult cam = one(FeatureKind.CAMERA, camera());
    assertTrue(cam.isClean(), cam.rejections()::toString);
    assertEquals("35012400001320000001", cam.accepted().get(0).id());
    assertEquals(0, cam.accepted().get(0).featureIndex());
    assertEquals("Point", cam.accepted().get(0).geometry().get("type").asText());
  }

  @Test
  void goodAndBadFeaturesAreSeparatedWithTheirIndex() {
    ObjectNode bad = component();
    props(bad).remove("owner");
    bad.put("id", "3501240101000002");
    props(bad).put("id", "3501240101000002");
    ImportResult r =
        validator.validate(FeatureKind.COMPONENT, collection(component(), bad, pipe()));
    assertEquals(3, r.total());
    assertEquals(1, r.accepted().size());
    assertEquals(2, r.rejectedFeatureCount());
    assertEquals(1, r.rejections().get(0).featureIndex());
    assertEquals("3501240101000002", r.rejections().get(0).featureId());
    assertEquals("properties.owner", r.rejections().get(0).field());
    assertFalse(r.isClean());
  }

  // ------------------------------------------------------------ file level and CRS

  @Test
  void notAFeatureCollectionIsAFileLevelRejection() {
    Rejection x = only(validator.validate(FeatureKind.AREA, area()));
    assertTrue(x.isFileLevel());
    assertEquals("type", x.field());
    assertTrue(x.reasonEn().contains("FeatureCollection"));
    Rejection y = only(validator.validate(FeatureKind.AREA, json("{'type':'FeatureCollection'}")));
    assertEquals("features", y.field());
    assertTrue(only(validator.validate(FeatureKind.AREA, null)).isFileLevel());
  }

  @Test
  void aDeclaredCrsOtherThanWgs84RejectsTheWholeFileAsWrongSrid() {
    for (String crs : List.of("EPSG:3857", "EPSG:4490", "urn:ogc:def:crs:EPSG::4547")) {
      ObjectNode fc = collection(component(), component());
      fc.set("crs", json("{'type':'name','properties':{'name':'" + crs + "'}}"));
      ImportResult r = validator.validate(FeatureKind.COMPONENT, fc);
      assertEquals(2, r.total());
      Rejection x = only(r);
      assertTrue(x.isFileLevel());
      assertEquals("crs", x.field());
      assertTrue(x.reasonZh().contains("SRID") && x.reasonZh().contains(crs), x.reasonZh());
      assertTrue(x.reasonEn().contains("wrong SRID"), x.reasonEn());
    }
  }

  @Test
  void wgs84AndCrs84DeclarationsAreAccepted() {
    for (String crs :
        List.of("urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:4326", "urn:ogc:def:crs:EPSG::4326")) {
      ObjectNode fc = collection(component());
      fc.set("crs", json("{'type':'name','properties':{'name':'" + crs + "'}}"));
      assertTrue(validator.validate(FeatureKind.COMPONENT, fc).isClean(), crs);
    }
  }

  @Test
  void aFeatureLevelCrsIsCheckedToo() {
    ImportResult r =
        mutated(
            FeatureKind.COMPONENT,
            component(),
            f -> f.set("crs", json("{'type':'name','properties':{'name':'EPSG:2385'}}")));
    assertRejected(r, "crs", "SRID", "wrong SRID");
  }

  // ------------------------------------------------------------ duplicates

  @Test
  void everyOccurrenceOfADuplicateIdIsRejected() {
    ImportResult r =
        validator.validate(FeatureKind.COMPONENT, collection(component(), pipe(), component()));
    assertEquals(0, r.accepted().size());
    List<Integer> at = new ArrayList<>();
    for (Rejection x : r.rejections()) {
      if (x.reasonEn().contains("duplicate id")) {
        at.add(x.featureIndex());
        assertEquals("3501240101000001", x.featureId());
      }
    }
    assertEquals(List.of(0, 2), at);
  }

  @Test
  void duplicateGridCodesAreRejected() {
    ImportResult r = validator.validate(FeatureKind.GRID, collection(grid(), grid()));
    assertEquals(2, r.rejections().size());
    assertTrue(r.rejections().get(0).reasonZh().contains("重复"));
  }

  @Test
  void batchesCarryTheFileIndexAndLeaveDuplicatesToTheCaller() {
    ArrayNode batch = M.createArrayNode().add(component()).add(pipe()).add(component());
    ImportResult r = validator.validateBatch(FeatureKind.COMPONENT, batch, 4000);
    assertEquals(
        List.of(4000, 4002), r.accepted().stream().map(AcceptedFeature::featureIndex).toList());
    assertTrue(r.rejections().stream().allMatch(x -> x.featureIndex() == 4001));
    assertEquals("3501240101000001", ImportValidator.featureId(FeatureKind.COMPONENT, component()));
    // the caller's duplicate rejection reads like the whole-file validator's
    ImportResult whole =
        validator.validate(FeatureKind.COMPONENT, collection(component(), pipe(), component()));
    Rejection expected =
        whole.rejections().stream()
            .filter(x -> x.reasonEn().contains("duplicate") && x.featureIndex() == 2)
            .findFirst()
            .orElseThrow();
    assertEquals(
        expected,
        ImportValidator.duplicateRejection(
            FeatureKind.COMPONENT, 2, "3501240101000001", List.of(0)));
    assertTrue(
        ImportValidator.fileCrsRejection(
                json("{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:4549\"}}"))
            .isPresent());
    assertFalse(
        ImportValidator.fileCrsRejection(
                json("{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:4326\"}}"))
            .isPresent());
  }

  @Test
  void featureIdMustAgreeWithThePropertyId() {
    ImportResult r =
        mutated(FeatureKind.COMPONENT, component(), f -> f.put("id", "3501240101000009"));
    assertRejected(r, "id", "不一致", "differs");
  }

  // ------------------------------------------------------------ missing fields

  @Test
  void eachRequiredComponentPropertyIsNamedWhenMissing() {
    for (String field :
        List.of(
            "classCode",
            "name",
            "state",
            "department",
            "owner",
            "maintainer",
            "dataSource",
            "surveyDate")) {
      ImportResult r = mutated(FeatureKind.COMPONENT, component(), f -> props(f).remove(field));
      assertRejected(r, "properties." + field, "缺少必填属性" + field, "required property " + field);
    }
    // blank counts as missing
    assertRejected(
        mutated(FeatureKind.COMPONENT, component(), f -> props(f).put("owner", "  ")),
        "properties.owner",
        "权属单位",
        "owner");
  }

  @Test
  void componentIdFallsBackToTheFeatureIdButMustExistSomewhere() {
    assertTrue(mutated(FeatureKind.COMPONENT, component(), f -> props(f).remove("id")).isClean());
    ImportResult r =
        mutated(
            FeatureKind.COMPONENT,
            component(),
            f -> {
              props(f).remove("id");
              f.remove("id");
            });
    assertRejected(r, "properties.id", "部件标识码", "component id");
    assertNull(r.rejections().get(0).featureId());
  }

  @Test
  void requiredPropertiesOfTheOtherKinds() {
    assertRejected(
        mutated(FeatureKind.AREA, area(), f -> props(f).remove("name")),
        "properties.name",
        "名称",
        "name");
    assertRejected(
        mutated(FeatureKind.GRID, grid(), f -> props(f).remove("zone")),
        "properties.zone",
        "区域类型",
        "zone");
    assertRejected(
        mutated(FeatureKind.GRID, grid(), f -> props(f).remove("effectiveFrom")),
        "properties.effectiveFrom",
        "生效日期",
        "effective date");
    assertRejected(
        mutated(FeatureKind.PIPE, pipe(), f -> props(f).remove("depthM")),
        "properties.depthM",
        "埋深",
        "depth");
    assertRejected(
        mutated(FeatureKind.PIPE, pipe(), f -> props(f).remove("owner")),
        "properties.owner",
        "权属单位",
        "owner");
    assertTrue(mutated(FeatureKind.PIPE, pipe(), f -> props(f).remove("diameterMm")).isClean());
    assertRejected(
        mutated(FeatureKind.CAMERA, camera(), f -> props(f).remove("id")),
        "properties.id",
        "监控点编号",
        "camera id");
    assertTrue(mutated(FeatureKind.CAMERA, camera(), f -> props(f).remove("view")).isClean());
    assertRejected(
        mutated(FeatureKind.COMPONENT, component(), f -> f.remove("properties")),
        "properties",
        "缺少properties",
        "properties are missing");
  }

  // ------------------------------------------------------------ codes and values

  @Test
  void unknownClassCodeIsRejected() {
    ImportResult r =
        mutated(
            FeatureKind.COMPONENT,
            component(),
            f -> {
              f.put("id", "3501240199000001");
              props(f).put("id", "3501240199000001").put("classCode", "0199");
            });
    assertRejected(r, "properties.classCode", "不在分类目录中", "unknown class code 0199");
  }

  @Test
  void classCodeMustMatchTheIdAndTheIdMustBeWellFormed() {
    assertRejected(
        mutated(FeatureKind.COMPONENT, component(), f -> props(f).put("classCode", "0102")),
        "properties.classCode",
        "不一致",
        "differs from the class 0101");
    assertRejected(
        mutated(
            FeatureKind.COMPONENT,
            component(),
            f -> {
              f.remove("id");
              props(f).put("id", "35012401010001");
            }),
        "properties.id",
        "应为16位数字",
        "must have 16 digits");
  }

  @Test
  void codesOfAnotherCountyAreRejected() {
    assertRejected(
        mutated(
            FeatureKind.COMPONENT,
            component(),
            f -> {
              f.put("id", "3501250101000001");
              props(f).put("id", "3501250101000001");
            }),
        "properties.id",
        "不属于本县",
        "not this county (350124)");
    assertRejected(
        mutated(
            FeatureKind.AREA,
            area(),
            f -> props(f).put("code", "350125100001").put("parentCode", "350125100")),
        "properties.code",
        "不属于本县",
        "not this county");
    assertRejected(
        mutated(
            FeatureKind.GRID,
            grid(),
            f -> props(f).put("code", "3501811000010001").remove("communityCode")),
        "properties.code",
        "不属于本县",
        "not this county");
  }

  @Test
  void badValuesAreRejectedWithTheirField() {
    assertRejected(
        mutated(FeatureKind.COMPONENT, component(), f -> props(f).put("state", "BROKEN")),
        "properties.state",
        "部件状态",
        "INTACT");
    assertRejected(
        mutated(
            FeatureKind.COMPONENT, component(), f -> props(f).put("gridCode", "35012410000100")),
        "properties.gridCode",
        "应为16位数字",
        "16 digits");
    assertRejected(
        mutated(FeatureKind.COMPONENT, component(), f -> props(f).put("surveyDate", "2025/06/01")),
        "properties.surveyDate",
        "不是ISO-8601日期",
        "not an ISO-8601 date");
    assertRejected(
        mutated(FeatureKind.GRID, grid(), f -> props(f).put("zone", "SUBURB")),
        "properties.zone",
        "区域类型",
        "URBAN, FRINGE or OTHER");
    assertTrue(mutated(FeatureKind.GRID, grid(), f -> props(f).put("zone", "城乡结合部")).isClean());
    assertRejected(
        mutated(FeatureKind.GRID, grid(), f -> props(f).put("effectiveTo", "2025-12-31")),
        "properties.effectiveTo",
        "早于生效日期",
        "before effectiveFrom");
    assertRejected(
        mutated(FeatureKind.GRID, grid(), f -> props(f).put("communityCode", "350124100002")),
        "properties.communityCode",
        "不符",
        "does not match");
    assertRejected(
        mutated(FeatureKind.AREA, area(), f -> props(f).put("level", "TOWNSHIP")),
        "properties.level",
        "不符",
        "does not match");
    assertRejected(
        mutated(FeatureKind.AREA, area(), f -> props(f).put("parentCode", "350124101")),
        "properties.parentCode",
        "不符",
        "not the parent");
    assertRejected(
        mutated(FeatureKind.PIPE, pipe(), f -> props(f).put("type", "OIL")),
        "properties.type",
        "管线类型",
        "pipe type");
    assertRejected(
        mutated(FeatureKind.PIPE, pipe(), f -> props(f).put("depthM", -0.5)),
        "properties.depthM",
        "超出范围",
        "outside");
    assertRejected(
        mutated(FeatureKind.PIPE, pipe(), f -> props(f).put("diameterMm", "DN300")),
        "properties.diameterMm",
        "应为数字",
        "must be a number");
    assertTrue(mutated(FeatureKind.PIPE, pipe(), f -> props(f).put("type", "燃气")).isClean());
  }

  // ------------------------------------------------------------ geometry

  private static ObjectNode withGeometry(ObjectNode f, String geometry) {
    f.set("geometry", geometry == null ? null : json(geometry));
    return f;
  }

  @Test
  void missingGeometryIsRejected() {
    ImportResult r = one(FeatureKind.COMPONENT, withGeometry(component(), null));
    assertRejected(r, "geometry", "缺少几何图形", "geometry is missing");
  }

  @Test
  void wrongGeometryTypeForTheKindIsRejected() {
    assertRejected(
        one(
            FeatureKind.PIPE,
            withGeometry(pipe(), "{'type':'Point','coordinates':[118.86,26.22]}")),
        "geometry.type",
        "几何类型应为",
        "was Point");
    assertRejected(
        one(
            FeatureKind.GRID,
            withGeometry(
                grid(),
                "{'type':'LineString','coordinates':" + "[[118.86,26.22],[118.87,26.22]]}")),
        "geometry.type",
        "几何类型应为",
        "Polygon");
    assertRejected(
        one(
            FeatureKind.CAMERA,
            withGeometry(camera(), "{'type':'GeometryCollection','geometries':[]}")),
        "geometry.type",
        "几何类型应为",
        "GeometryCollection");
  }

  @Test
  void componentsMayBePointsLinesOrPolygons() {
    assertTrue(
        one(
                FeatureKind.COMPONENT,
                withGeometry(
                    component(),
                    "{'type':'LineString','coordinates':[[118.86,26.22],[118.8605,26.2203]]}"))
            .isClean());
    assertTrue(one(FeatureKind.COMPONENT, withGeometry(component(), SQUARE)).isClean());
    assertTrue(
        one(
                FeatureKind.COMPONENT,
                withGeometry(
                    component(),
                    "{'type':'MultiPoint','coordinates':[[118.86,26.22],[118.8605,26.2203]]}"))
            .isClean());
  }

  @Test
  void ringThatIsNotClosedIsRejected() {
    ImportResult r =
        one(
            FeatureKind.GRID,
            withGeometry(
                grid(),
                "{'type':'Polygon','coordinates':[[[118.861,26.220],[118.862,26.220],"
                    + "[118.862,26.2209],[118.861,26.2209],[118.861,26.2201]]]}"));
    assertRejected(r, "geometry.coordinates[0]", "环未闭合", "not closed");
  }

  @Test
  void ringWithTooFewPointsIsRejected() {
    ImportResult r =
        one(
            FeatureKind.AREA,
            withGeometry(
                area(),
                "{'type':'Polygon','coordinates':[[[118.861,26.220],[118.862,26.220],"
                    + "[118.861,26.220]]]}"));
    assertRejected(r, "geometry.coordinates[0]", "至少需要4个点", "at least 4 positions");
    ImportResult flat =
        one(
            FeatureKind.AREA,
            withGeometry(
                area(),
                "{'type':'Polygon','coordinates':[[[118.861,26.220],[118.862,26.220],"
                    + "[118.862,26.220],[118.861,26.220]]]}"));
    assertRejected(flat, "geometry.coordinates[0]", "3个不同的点", "3 distinct");
    assertRejected(
        one(FeatureKind.AREA, withGeometry(area(), "{'type':'Polygon','coordinates':[]}")),
        "geometry.coordinates",
        "没有环",
        "no ring");
  }

  @Test
  void holeRingsAndMultiPolygonsAreCheckedPartByPart() {
    ImportResult r =
        one(
            FeatureKind.AREA,
            withGeometry(
                area(),
                "{'type':'MultiPolygon','coordinates':[[[[118.861,26.220],[118.862,26.220],"
                    + "[118.862,26.2209],[118.861,26.220]]],[[[118.87,26.23],[118.871,26.23],"
                    + "[118.871,26.231],[118.87,26.2305]]]]}"));
    assertRejected(r, "geometry.coordinates[1][0]", "环未闭合", "not closed");
  }

  @Test
  void degenerateLineIsRejected() {
    ImportResult r =
        one(
            FeatureKind.PIPE,
            withGeometry(
                pipe(), "{'type':'LineString','coordinates':[[118.861,26.22],[118.861,26.22]]}"));
    assertRejected(r, "geometry.coordinates", "2个不同的点", "2 distinct points");
    assertRejected(
        one(FeatureKind.PIPE, withGeometry(pipe(), "{'type':'MultiLineString','coordinates':[]}")),
        "geometry.coordinates",
        "多部件几何为空",
        "no parts");
  }

  @Test
  void coordinatesOutsideTheCountyAreRejected() {
    // Fuzhou city centre: a real place, but not Minqing
    assertRejected(
        one(
            FeatureKind.COMPONENT,
            withGeometry(component(), "{'type':'Point','coordinates':[119.30,26.08]}")),
        "geometry.coordinates",
        "超出县域范围",
        "outside the county");
    // lat/lon swapped
    assertRejected(
        one(
            FeatureKind.COMPONENT,
            withGeometry(component(), "{'type':'Point','coordinates':[26.22,118.86]}")),
        "geometry.coordinates",
        "坐标无效",
        "invalid coordinate");
    assertRejected(
        one(
            FeatureKind.PIPE,
            withGeometry(
                pipe(), "{'type':'LineString','coordinates':[[118.86,26.22],[118.86,27.5]]}")),
        "geometry.coordinates[1]",
        "超出县域范围",
        "outside the county");
  }

  @Test
  void theCountyBoundingBoxIsConfigurable() {
    ImportValidator wide =
        new ImportValidator(
            ImportRules.minqing(ComponentClassesJson.loadDefault())
                .withBbox(new BoundingBox(118.0, 25.5, 119.6, 26.9)));
    assertTrue(
        wide.validate(
                FeatureKind.COMPONENT,
                collection(
                    withGeometry(component(), "{'type':'Point','coordinates':[119.30,26.08]}")))
            .isClean());
  }

  @Test
  void malformedPositionsAreRejected() {
    for (String coords : List.of("['118.86','26.22']", "[118.86]", "[118.86,26.22,10,5]", "[]")) {
      ImportResult r =
          one(
              FeatureKind.COMPONENT,
              withGeometry(component(), "{'type':'Point','coordinates':" + coords + "}"));
      assertRejected(r, "geometry.coordinates", "数字数组", "[lon, lat] numbers");
    }
    assertRejected(
        one(FeatureKind.COMPONENT, withGeometry(component(), "{'type':'Point'}")),
        "geometry.coordinates",
        "缺少坐标数组",
        "coordinates are missing");
    // height is allowed
    assertTrue(
        one(
                FeatureKind.COMPONENT,
                withGeometry(component(), "{'type':'Point','coordinates':[118.86,26.22,12.5]}"))
            .isClean());
  }

  @Test
  void cameraViewPolygonIsValidatedLikeAGeometry() {
    ImportResult r =
        mutated(
            FeatureKind.CAMERA,
            camera(),
            f ->
                props(f)
                    .set(
                        "view",
                        json(
                            "{'type':'Polygon','coordinates':[[[118.861,26.220],[118.862,26.220],"
                                + "[118.862,26.2209],[118.861,26.2209]]]}")));
    assertRejected(r, "properties.view.coordinates[0]", "环未闭合", "not closed");
  }

  @Test
  void theDeepValidityHookRejectsWhatPostgisWouldRefuse() {
    List<JsonNode> seen = new ArrayList<>();
    GeometryCheck selfIntersection =
        g -> {
          seen.add(g);
          return g.get("type").asText().equals("Polygon")
              ? Optional.of("Self-intersection[118.8615 26.22045]")
              : Optional.empty();
        };
    ImportValidator v =
        new ImportValidator(
            ImportRules.minqing(ComponentClassesJson.loadDefault())
                .withGeometryCheck(selfIntersection));
    ImportResult r = v.validate(FeatureKind.GRID, collection(grid()));
    assertRejected(r, "geometry", "几何图形无效：Self-intersection", "invalid geometry: Self");
    assertEquals(1, seen.size());
    // not called for structurally broken geometry
    v.validate(FeatureKind.COMPONENT, collection(withGeometry(component(), "{'type':'Point'}")));
    assertEquals(1, seen.size());
    assertTrue(v.validate(FeatureKind.COMPONENT, collection(component())).isClean());
  }

  @Test
  void kindsParseFromNamesAndPlurals() {
    assertEquals(FeatureKind.COMPONENT, FeatureKind.parse("components"));
    assertEquals(FeatureKind.GRID, FeatureKind.parse("GRID"));
    assertEquals(FeatureKind.AREA, FeatureKind.parse("area"));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> FeatureKind.parse("roads"));
  }

  @Test
  void gcj02GeometriesCanBeConvertedBeforeValidation() {
    double[] gcj = Gcj02.fromWgs84(118.8615, 26.2205);
    ObjectNode f =
        withGeometry(
            component(), "{'type':'Point','coordinates':[" + gcj[0] + "," + gcj[1] + ",3.0]}");
    JsonNode converted = GeoJsonGeometries.gcj02ToWgs84(f);
    JsonNode c = converted.get("geometry").get("coordinates");
    assertEquals(118.8615, c.get(0).asDouble(), 1e-7);
    assertEquals(26.2205, c.get(1).asDouble(), 1e-7);
    assertEquals(3.0, c.get(2).asDouble(), 0);
    assertEquals(
        gcj[0], f.get("geometry").get("coordinates").get(0).asDouble(), 0, "input untouched");
    assertEquals("上水井盖", converted.get("properties").get("name").asText());
    JsonNode back = GeoJsonGeometries.wgs84ToGcj02(converted);
    assertEquals(gcj[0], back.get("geometry").get("coordinates").get(0).asDouble(), 1e-7);
  }
}
