package cn.szcg.gis.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.gis.domain.ComponentClassCatalogue;
import cn.szcg.gis.domain.ComponentId;
import cn.szcg.gis.domain.GridCode;
import cn.szcg.gis.domain.imports.FeatureKind;
import cn.szcg.gis.domain.imports.ImportResult;
import cn.szcg.gis.domain.imports.ImportRules;
import cn.szcg.gis.domain.imports.ImportValidator;
import cn.szcg.gis.infra.ComponentClassesJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Minqing demo data: deterministic, plausible, and accepted by the import validator. */
class DemoDataGeneratorTest {

  private static final ObjectMapper M = new ObjectMapper();
  private static final DemoDataGenerator.Options SMALL =
      new DemoDataGenerator.Options(7L, 400, 3000, 60, 20);

  private static String hash(DemoDataGenerator.Options o) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    new DemoDataGenerator(o)
        .generate(
            (kind, f) -> {
              try {
                md.update(kind.name().getBytes(StandardCharsets.UTF_8));
                md.update(M.writeValueAsBytes(f));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    return HexFormat.of().formatHex(md.digest());
  }

  private static Map<FeatureKind, ObjectNode> collect(DemoDataGenerator.Options o) {
    Map<FeatureKind, ObjectNode> out = new EnumMap<>(FeatureKind.class);
    new DemoDataGenerator(o)
        .generate(
            (kind, f) ->
                ((ArrayNode)
                        out.computeIfAbsent(
                                kind,
                                k -> {
                                  ObjectNode fc =
                                      M.createObjectNode().put("type", "FeatureCollection");
                                  fc.putArray("features");
                                  return fc;
                                })
                            .get("features"))
                    .add(f));
    return out;
  }

  @Test
  void sameSeedGivesIdenticalOutputAndAnotherSeedDoesNot() throws Exception {
    String a = hash(SMALL);
    assertEquals(a, hash(SMALL));
    assertNotEquals(a, hash(SMALL.withSeed(8L)));
  }

  @Test
  void moreComponentsDoNotMoveTheGrids() {
    JsonNode g1 = collect(SMALL).get(FeatureKind.GRID);
    JsonNode g2 = collect(SMALL.withComponents(5000)).get(FeatureKind.GRID);
    assertEquals(g1, g2);
  }

  @Test
  void generatedDataPassesTheImportValidator() {
    ImportValidator v =
        new ImportValidator(ImportRules.minqing(ComponentClassesJson.loadDefault()));
    Map<FeatureKind, ObjectNode> data = collect(SMALL);
    for (FeatureKind kind : FeatureKind.values()) {
      ImportResult r = v.validate(kind, data.get(kind));
      assertTrue(
          r.isClean(),
          () -> kind + ": " + r.rejections().subList(0, Math.min(5, r.rejections().size())));
      assertTrue(r.total() > 0, kind + " is empty");
    }
    assertEquals(400, data.get(FeatureKind.GRID).get("features").size());
    assertEquals(3000, data.get(FeatureKind.COMPONENT).get("features").size());
    assertEquals(60, data.get(FeatureKind.PIPE).get("features").size());
    assertEquals(20, data.get(FeatureKind.CAMERA).get("features").size());
  }

  @Test
  void theCountyHasItsSixteenTownshipsAndCommunitiesWithConsistentCodes() {
    JsonNode areas = collect(SMALL).get(FeatureKind.AREA).get("features");
    Map<String, String> levelByCode = new HashMap<>();
    Set<String> townshipNames = new HashSet<>();
    for (JsonNode f : areas) {
      JsonNode p = f.get("properties");
      levelByCode.put(p.get("code").asText(), p.get("level").asText());
      if (p.get("level").asText().equals("TOWNSHIP")) {
        townshipNames.add(p.get("name").asText());
      }
    }
    assertEquals("COUNTY", levelByCode.get("350124"));
    assertEquals(16, townshipNames.size());
    assertTrue(townshipNames.containsAll(Set.of("梅城镇", "梅溪镇", "云龙乡", "下祝乡", "省璜镇")));
    long communities = levelByCode.values().stream().filter("COMMUNITY"::equals).count();
    assertTrue(communities >= 16 * 3, "a few communities per township: " + communities);
    for (JsonNode f : areas) {
      JsonNode p = f.get("properties");
      if (p.has("parentCode")) {
        assertTrue(levelByCode.containsKey(p.get("parentCode").asText()));
      }
    }
  }

  @Test
  void gridsAreUrbanNearTheSeatWithAFringeRingAndBelongToKnownCommunities() {
    Map<FeatureKind, ObjectNode> data = collect(SMALL);
    Set<String> communities = new HashSet<>();
    for (JsonNode f : data.get(FeatureKind.AREA).get("features")) {
      communities.add(f.get("properties").get("code").asText());
    }
    Set<String> codes = new HashSet<>();
    int urban = 0;
    int fringe = 0;
    double maxUrbanDist = 0;
    double minFringeDist = Double.MAX_VALUE;
    for (JsonNode f : data.get(FeatureKind.GRID).get("features")) {
      JsonNode p = f.get("properties");
      GridCode g = GridCode.parse(p.get("code").asText());
      assertTrue(codes.add(g.format()), "unique grid code");
      assertTrue(communities.contains(g.communityCode()));
      double area = p.get("areaM2").asDouble();
      assertTrue(area > 9_500 && area < 10_500, "about 10,000 m²: " + area);
      // ring number of the cell around the seat cell (Chebyshev distance in cells)
      JsonNode c0 = f.get("geometry").get("coordinates").get(0).get(0);
      double cLon = c0.get(0).asDouble() + DemoDataGenerator.GRID_DLON / 2;
      double cLat = c0.get(1).asDouble() + DemoDataGenerator.GRID_DLAT / 2;
      double d =
          Math.max(
              Math.abs(Math.round((cLon - 118.862) / DemoDataGenerator.GRID_DLON)),
              Math.abs(Math.round((cLat - 26.221) / DemoDataGenerator.GRID_DLAT)));
      if (p.get("zone").asText().equals("URBAN")) {
        urban++;
        maxUrbanDist = Math.max(maxUrbanDist, d);
      } else {
        assertEquals("FRINGE", p.get("zone").asText());
        fringe++;
        minFringeDist = Math.min(minFringeDist, d);
      }
    }
    assertEquals(280, urban);
    assertEquals(120, fringe);
    assertTrue(minFringeDist >= maxUrbanDist, "fringe lies around the urban core");
    assertTrue(maxUrbanDist >= 8, "the urban core spans several rings: " + maxUrbanDist);
  }

  @Test
  void componentsCoverEveryMajorClassWithUniqueIdsAndRealisticOwners() {
    JsonNode comps = collect(SMALL).get(FeatureKind.COMPONENT).get("features");
    ComponentClassCatalogue cat = ComponentClassesJson.loadDefault();
    Set<String> majors = new HashSet<>();
    Set<String> classes = new HashSet<>();
    Set<String> ids = new HashSet<>();
    Set<String> owners = new HashSet<>();
    int withGrid = 0;
    for (JsonNode f : comps) {
      JsonNode p = f.get("properties");
      ComponentId id = ComponentId.parse(p.get("id").asText());
      assertTrue(ids.add(id.format()));
      assertEquals(id.classCode(), p.get("classCode").asText());
      cat.require(id);
      majors.add(id.majorCode());
      classes.add(id.classCode());
      owners.add(p.get("owner").asText());
      if (p.has("gridCode")) {
        withGrid++;
      }
    }
    assertEquals(Set.of("01", "02", "03", "04", "05", "06", "07"), majors);
    assertEquals(cat.classes().size(), classes.size(), "every class appears");
    assertTrue(
        owners.containsAll(
            Set.of(
                MinqingGazetteer.WATER_COMPANY,
                MinqingGazetteer.POWER_COMPANY,
                MinqingGazetteer.GARDENS,
                MinqingGazetteer.TRAFFIC_POLICE,
                MinqingGazetteer.SANITATION)),
        owners.toString());
    assertTrue(withGrid > comps.size() * 0.8, "most components lie in a grid");
  }

  @Test
  void writesFiveGeoJsonFilesThatParseAndValidate(@TempDir Path dir) throws Exception {
    DemoDataGenerator.Options o = new DemoDataGenerator.Options(3L, 100, 500, 10, 5);
    Map<FeatureKind, Integer> counts = new DemoDataGenerator(o).writeTo(dir);
    assertEquals(100, counts.get(FeatureKind.GRID));
    ImportValidator v =
        new ImportValidator(ImportRules.minqing(ComponentClassesJson.loadDefault()));
    for (FeatureKind k : FeatureKind.values()) {
      Path file = dir.resolve(k.plural() + ".geojson");
      JsonNode root = M.readTree(Files.readString(file));
      assertEquals("urn:ogc:def:crs:OGC:1.3:CRS84", root.at("/crs/properties/name").asText());
      ImportResult r = v.validate(k, root);
      assertTrue(r.isClean(), () -> k + " " + r.rejections());
      assertEquals((int) counts.get(k), r.accepted().size());
    }
    Path again = dir.resolve("again");
    new DemoDataGenerator(o).writeTo(again);
    assertEquals(
        Files.readString(dir.resolve("components.geojson")),
        Files.readString(again.resolve("components.geojson")));
  }

  @Test
  void theTownshipSeatsLieInTheirOwnTownship() {
    JsonNode areas = collect(new DemoDataGenerator.Options(1L, 10, 0, 0, 0)).get(FeatureKind.AREA);
    for (MinqingGazetteer.Township t : MinqingGazetteer.TOWNSHIPS) {
      for (JsonNode f : areas.get("features")) {
        if (f.get("properties").get("code").asText().equals(t.code())) {
          java.util.List<double[]> ring = new java.util.ArrayList<>();
          for (JsonNode pos : f.get("geometry").get("coordinates").get(0)) {
            ring.add(new double[] {pos.get(0).asDouble(), pos.get(1).asDouble()});
          }
          ring.remove(ring.size() - 1);
          assertTrue(ConvexPolygons.contains(ring, t.seatLon(), t.seatLat()), t.name());
        }
      }
    }
  }

  /** Default size: generation and validation times. Run with -Dgroups=benchmark. */
  @Test
  @Tag("benchmark")
  void benchmarkDefaultDemoSize(@TempDir Path dir) throws Exception {
    DemoDataGenerator.Options o = DemoDataGenerator.Options.defaults();
    long t0 = System.nanoTime();
    Map<FeatureKind, Integer> counts = new DemoDataGenerator(o).writeTo(dir);
    long t1 = System.nanoTime();
    ImportValidator v =
        new ImportValidator(ImportRules.minqing(ComponentClassesJson.loadDefault()));
    long features = 0;
    for (FeatureKind k : FeatureKind.values()) {
      JsonNode root = M.readTree(dir.resolve(k.plural() + ".geojson").toFile());
      ImportResult r = v.validate(k, root);
      assertTrue(r.isClean());
      features += r.total();
    }
    long t2 = System.nanoTime();
    System.out.printf(
        "demo %s: generate+write %d ms, parse+validate %d features %d ms (%.0f features/s)%n",
        counts,
        (t1 - t0) / 1_000_000,
        features,
        (t2 - t1) / 1_000_000,
        features / ((t2 - t1) / 1e9));
  }

  @Test
  void hundredThousandGridsKeepTheGridCodeScheme() {
    // the benchmark size: 16-digit codes = 12-digit community code + 0001–9999, unique,
    // every community an imported area, urban communities 001–199 and villages 200–999
    Set<String> communities = new HashSet<>();
    Set<String> codes = new HashSet<>();
    Map<String, Integer> perCommunity = new HashMap<>();
    new DemoDataGenerator(
            new DemoDataGenerator.Options(DemoDataGenerator.Options.DEFAULT_SEED, 100_000, 0, 0, 0))
        .generate(
            (k, f) -> {
              String code = f.path("properties").path("code").asText();
              if (k == FeatureKind.AREA && code.length() == 12) {
                communities.add(code);
              } else if (k == FeatureKind.GRID) {
                assertTrue(GridCode.isValid(code), code);
                assertTrue(codes.add(code), "unique " + code);
                perCommunity.merge(code.substring(0, 12), 1, Integer::sum);
              }
            });
    assertEquals(100_000, codes.size());
    assertTrue(communities.containsAll(perCommunity.keySet()), "every grid in a known community");
    assertTrue(perCommunity.values().stream().allMatch(n -> n <= 9999));
    assertTrue(communities.stream().allMatch(c -> Integer.parseInt(c.substring(9)) >= 1));
  }
}
