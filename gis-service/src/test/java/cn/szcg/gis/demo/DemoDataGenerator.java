package cn.szcg.gis.demo;

import cn.szcg.contracts.events.Zone;
import cn.szcg.gis.domain.ComponentClass;
import cn.szcg.gis.domain.ComponentClassCatalogue;
import cn.szcg.gis.domain.ComponentId;
import cn.szcg.gis.domain.ComponentState;
import cn.szcg.gis.domain.GeometryKind;
import cn.szcg.gis.domain.PipeType;
import cn.szcg.gis.domain.imports.FeatureKind;
import cn.szcg.gis.infra.ComponentClassesJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic demo data for Minqing County (闽清县): areas (county, 16 townships, communities), unit
 * grids (万米单元网格, about 100 m × 100 m) around the county seat 梅城镇 — URBAN in the core, FRINGE
 * (城乡结合部) around it — components (部件) of every catalogued class, underground pipes (地下管网) along the
 * street lines, and cameras (视频监控) at intersections.
 *
 * <p>Same {@link Options} → byte-identical output. Each feature kind draws from its own random
 * stream, so changing the number of components does not move the grids. All output is GeoJSON in
 * WGS84 (CRS84), coordinates rounded to 1e-7° (about 1 cm), and passes {@link
 * cn.szcg.gis.domain.imports.ImportValidator} with {@link
 * cn.szcg.gis.domain.imports.ImportRules#minqing()}.
 *
 * <p>Demo and test data, not product: it lives beside gis-service's tests (the fixture of the
 * {@code @QuarkusTest}s, {@code DemoFixture}) and stays out of the service image; gis-service's
 * test-jar carries it to the {@code tools} module, whose command-line program {@code
 * cn.szcg.tools.GisDemoData <outDir> [--grids N] [--components N] [--pipes N] [--cameras N] [--seed
 * S]} writes {@code areas.geojson}, {@code grids.geojson}, {@code components.geojson}, {@code
 * pipes.geojson}, {@code cameras.geojson} with {@link #writeTo} ({@code
 * deploy/local/demo-data.sh}).
 */
public final class DemoDataGenerator {

  /**
   * Generation parameters.
   *
   * @param seed random seed; same seed and sizes give identical output
   * @param grids number of unit grids (1..300,000 tested; 100,000 is the benchmark size; a
   *     community holds at most 9,999 grids, communities grow with the grid count)
   * @param components number of components
   * @param pipes number of pipe features
   * @param cameras number of cameras
   */
  public record Options(long seed, int grids, int components, int pipes, int cameras) {

    public static final long DEFAULT_SEED = 350124L;

    public Options {
      if (grids < 1 || components < 0 || pipes < 0 || cameras < 0) {
        throw new IllegalArgumentException(
            "grids must be >= 1 and the other counts >= 0: "
                + grids
                + ","
                + components
                + ","
                + pipes
                + ","
                + cameras);
      }
    }

    /** 2,000 grids, 30,000 components, 300 pipes, 100 cameras, seed 350124. */
    public static Options defaults() {
      return new Options(DEFAULT_SEED, 2000, 30_000, 300, 100);
    }

    public Options withSeed(long s) {
      return new Options(s, grids, components, pipes, cameras);
    }

    public Options withGrids(int n) {
      return new Options(seed, n, components, pipes, cameras);
    }

    public Options withComponents(int n) {
      return new Options(seed, grids, n, pipes, cameras);
    }

    public Options withPipes(int n) {
      return new Options(seed, grids, components, n, cameras);
    }

    public Options withCameras(int n) {
      return new Options(seed, grids, components, pipes, n);
    }
  }

  /** Receives generated features, kind by kind in the order AREA, GRID, COMPONENT, PIPE, CAMERA. */
  @FunctionalInterface
  public interface FeatureSink {
    void accept(FeatureKind kind, ObjectNode feature);
  }

  /** Grid cell size in degrees: 0.001° lon × 0.0009° lat ≈ 99.9 m × 99.5 m at 26.2° N. */
  public static final double GRID_DLON = 0.001;

  public static final double GRID_DLAT = 0.0009;

  /** Share of the grids (nearest the seat) that are URBAN; the rest are FRINGE. */
  public static final double URBAN_SHARE = 0.7;

  /** Community codes: 001–199 urban communities (居委会), 200–999 villages (村委会). */
  static final int MAX_URBAN_COMMUNITIES = 199;

  static final int MAX_VILLAGES = 800;

  /** Every street line is this many grid cells apart. */
  static final int STREET_EVERY = 4;

  static final String CRS84 = "urn:ogc:def:crs:OGC:1.3:CRS84";
  private static final double M_PER_DEG_LAT = 110_574.0;
  private static final double M_PER_DEG_LON = 111_320.0 * ConvexPolygons.K;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Options options;
  private final ComponentClassCatalogue catalogue;
  private final double lon0;
  private final double lat0;
  private final int half;

  private final List<TownshipArea> townships = new ArrayList<>();
  private final List<Grid> grids = new ArrayList<>();
  private final Map<Long, Grid> gridsByCell = new HashMap<>();

  private static final class TownshipArea {
    final MinqingGazetteer.Township t;
    final List<double[]> poly;
    final List<Community> communities = new ArrayList<>();

    TownshipArea(MinqingGazetteer.Township t, List<double[]> poly) {
      this.t = t;
      this.poly = poly;
    }
  }

  private static final class Community {
    final String code;
    final String name;
    final boolean urban;
    final TownshipArea township;
    List<double[]> poly;
    int gridSeq;

    Community(String code, String name, boolean urban, TownshipArea township) {
      this.code = code;
      this.name = name;
      this.urban = urban;
      this.township = township;
    }
  }

  private record Grid(String code, int i, int j, Zone zone, Community community) {}

  public DemoDataGenerator(Options options) {
    this(options, ComponentClassesJson.loadDefault());
  }

  public DemoDataGenerator(Options options, ComponentClassCatalogue catalogue) {
    this.options = options;
    this.catalogue = catalogue;
    MinqingGazetteer.Township seat = MinqingGazetteer.TOWNSHIPS.get(0);
    this.lon0 = seat.seatLon() - GRID_DLON / 2;
    this.lat0 = seat.seatLat() - GRID_DLAT / 2;
    this.half = Math.max(STREET_EVERY, (int) Math.ceil(Math.sqrt(options.grids())) / 2 + 1);
    layoutAreas();
    layoutGrids();
  }

  public Options options() {
    return options;
  }

  // ------------------------------------------------------------------ layout

  private void layoutAreas() {
    List<double[]> seats = new ArrayList<>();
    for (MinqingGazetteer.Township t : MinqingGazetteer.TOWNSHIPS) {
      seats.add(new double[] {t.seatLon(), t.seatLat()});
    }
    for (int i = 0; i < seats.size(); i++) {
      townships.add(
          new TownshipArea(
              MinqingGazetteer.TOWNSHIPS.get(i),
              ConvexPolygons.voronoiCell(MinqingGazetteer.COUNTY_OUTLINE, seats, i)));
    }
    Random r = new Random(options.seed() * 31 + 1);
    Map<TownshipArea, List<double[]>> urbanSeeds = new HashMap<>();
    Map<TownshipArea, List<double[]>> ruralSeeds = new HashMap<>();
    int urban = 6 + options.grids() / 400;
    double extLon = half * GRID_DLON;
    double extLat = half * GRID_DLAT;
    MinqingGazetteer.Township seat = MinqingGazetteer.TOWNSHIPS.get(0);
    for (int k = 0; k < urban; k++) {
      double lon = seat.seatLon() + (r.nextDouble() * 2 - 1) * extLon;
      double lat = seat.seatLat() + (r.nextDouble() * 2 - 1) * extLat;
      TownshipArea t = townshipAt(lon, lat);
      List<double[]> seeds =
          t == null ? null : urbanSeeds.computeIfAbsent(t, x -> new ArrayList<>());
      // urban community codes are 001–199 (200+ are villages): a township holds at most 199
      if (seeds != null && seeds.size() < MAX_URBAN_COMMUNITIES) {
        seeds.add(new double[] {lon, lat});
      }
    }
    for (TownshipArea t : townships) {
      // village codes are 200–999: at most 800 villages per township
      int n = Math.min(MAX_VILLAGES, 3 + r.nextInt(4) + options.grids() / 5000);
      double[] b = ConvexPolygons.bounds(t.poly);
      List<double[]> list = ruralSeeds.computeIfAbsent(t, x -> new ArrayList<>());
      for (int tries = 0; list.size() < n; tries++) {
        double lon = b[0] + r.nextDouble() * (b[2] - b[0]);
        double lat = b[1] + r.nextDouble() * (b[3] - b[1]);
        // villages lie outside the urban square (unless the township has no room left there)
        boolean inUrbanSquare =
            Math.abs(lon - seat.seatLon()) <= extLon && Math.abs(lat - seat.seatLat()) <= extLat;
        if (ConvexPolygons.contains(t.poly, lon, lat) && (!inUrbanSquare || tries > 10_000)) {
          list.add(new double[] {lon, lat});
        }
      }
    }
    for (TownshipArea t : townships) {
      List<double[]> us = urbanSeeds.getOrDefault(t, List.of());
      List<double[]> rs = ruralSeeds.get(t);
      List<double[]> all = new ArrayList<>(us);
      all.addAll(rs);
      for (int k = 0; k < all.size(); k++) {
        boolean isUrban = k < us.size();
        int idx = isUrban ? k : k - us.size();
        String code = t.t.code() + String.format("%03d", isUrban ? 1 + idx : 200 + idx);
        List<String> names =
            isUrban ? MinqingGazetteer.URBAN_COMMUNITY_NAMES : MinqingGazetteer.VILLAGE_NAMES;
        int rot = Math.floorMod(t.t.code().hashCode(), names.size());
        String base = names.get((idx + rot) % names.size());
        int round = idx / names.size();
        String name = base + (round == 0 ? "" : String.valueOf(round + 1)) + (isUrban ? "社区" : "村");
        Community c = new Community(code, name, isUrban, t);
        c.poly = ConvexPolygons.voronoiCell(t.poly, all, k);
        if (c.poly.size() >= 3) {
          t.communities.add(c);
        }
      }
    }
  }

  private TownshipArea townshipAt(double lon, double lat) {
    for (TownshipArea t : townships) {
      if (ConvexPolygons.contains(t.poly, lon, lat)) {
        return t;
      }
    }
    return null;
  }

  private Community communityAt(double lon, double lat) {
    TownshipArea t = townshipAt(lon, lat);
    if (t == null) {
      return null;
    }
    for (Community c : t.communities) {
      if (ConvexPolygons.contains(c.poly, lon, lat)) {
        return c;
      }
    }
    return null;
  }

  private void layoutGrids() {
    int target = options.grids();
    int urban = (int) Math.round(target * URBAN_SHARE);
    for (int k = 0; grids.size() < target; k++) {
      if (k > 2000) {
        throw new IllegalArgumentException("too many grids for the county: " + target);
      }
      for (int j = -k; j <= k && grids.size() < target; j++) {
        for (int i = -k; i <= k && grids.size() < target; i++) {
          if (Math.max(Math.abs(i), Math.abs(j)) != k) {
            continue;
          }
          double cLon = lon0 + (i + 0.5) * GRID_DLON;
          double cLat = lat0 + (j + 0.5) * GRID_DLAT;
          Community c = communityAt(cLon, cLat);
          if (c == null) {
            continue;
          }
          c.gridSeq++;
          if (c.gridSeq > 9999) {
            throw new IllegalArgumentException(
                "社区"
                    + c.code
                    + "网格超过9999个 / community "
                    + c.code
                    + " would hold more than 9,999 grids; use fewer grids");
          }
          Grid g =
              new Grid(
                  c.code + String.format("%04d", c.gridSeq),
                  i,
                  j,
                  grids.size() < urban ? Zone.URBAN : Zone.FRINGE,
                  c);
          grids.add(g);
          gridsByCell.put(cellKey(i, j), g);
        }
      }
    }
  }

  private static long cellKey(int i, int j) {
    return ((long) i << 32) ^ (j & 0xffffffffL);
  }

  private Grid gridAt(double lon, double lat) {
    int i = (int) Math.floor((lon - lon0) / GRID_DLON);
    int j = (int) Math.floor((lat - lat0) / GRID_DLAT);
    return gridsByCell.get(cellKey(i, j));
  }

  // ------------------------------------------------------------------ generation

  /**
   * Emits every feature to {@code sink}; returns the number of features per kind.
   *
   * @throws UncheckedIOException if the sink throws it
   */
  public Map<FeatureKind, Integer> generate(FeatureSink sink) {
    Map<FeatureKind, Integer> counts = new EnumMap<>(FeatureKind.class);
    FeatureSink counting =
        (kind, f) -> {
          counts.merge(kind, 1, Integer::sum);
          sink.accept(kind, f);
        };
    emitAreas(counting);
    emitGrids(counting);
    emitComponents(counting);
    emitPipes(counting);
    emitCameras(counting);
    return counts;
  }

  /**
   * Writes {@code <kind plural>.geojson} (areas, grids, components, pipes, cameras) into {@code
   * dir}, streaming one feature per line; returns the number of features per kind.
   */
  public Map<FeatureKind, Integer> writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    Map<FeatureKind, Writer> writers = new EnumMap<>(FeatureKind.class);
    Map<FeatureKind, Boolean> first = new EnumMap<>(FeatureKind.class);
    try {
      for (FeatureKind k : FeatureKind.values()) {
        BufferedWriter w =
            Files.newBufferedWriter(dir.resolve(k.plural() + ".geojson"), StandardCharsets.UTF_8);
        writers.put(k, w);
        first.put(k, true);
        w.write(
            "{\"type\":\"FeatureCollection\",\"name\":\""
                + k.plural()
                + "\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\""
                + CRS84
                + "\"}},\"features\":[\n");
      }
      Map<FeatureKind, Integer> counts =
          generate(
              (kind, f) -> {
                try {
                  Writer w = writers.get(kind);
                  if (!first.put(kind, false)) {
                    w.write(",\n");
                  }
                  w.write(MAPPER.writeValueAsString(f));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      for (Writer w : writers.values()) {
        w.write("\n]}\n");
      }
      return counts;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      for (Writer w : writers.values()) {
        w.close();
      }
    }
  }

  private void emitAreas(FeatureSink sink) {
    ObjectNode county =
        feature(MinqingGazetteer.COUNTY_CODE, polygon(MinqingGazetteer.COUNTY_OUTLINE));
    props(county)
        .put("code", MinqingGazetteer.COUNTY_CODE)
        .put("name", MinqingGazetteer.COUNTY_NAME)
        .put("level", "COUNTY");
    sink.accept(FeatureKind.AREA, county);
    for (TownshipArea t : townships) {
      ObjectNode f = feature(t.t.code(), polygon(t.poly));
      ObjectNode p =
          props(f)
              .put("code", t.t.code())
              .put("name", t.t.name())
              .put("level", "TOWNSHIP")
              .put("parentCode", MinqingGazetteer.COUNTY_CODE);
      p.putArray("seat").add(round(t.t.seatLon())).add(round(t.t.seatLat()));
      sink.accept(FeatureKind.AREA, f);
    }
    for (TownshipArea t : townships) {
      for (Community c : t.communities) {
        ObjectNode f = feature(c.code, polygon(c.poly));
        props(f)
            .put("code", c.code)
            .put("name", c.name)
            .put("level", "COMMUNITY")
            .put("parentCode", t.t.code())
            .put("kind", c.urban ? "社区居委会" : "村委会");
        sink.accept(FeatureKind.AREA, f);
      }
    }
  }

  private void emitGrids(FeatureSink sink) {
    double areaM2 = Math.round(GRID_DLON * M_PER_DEG_LON * GRID_DLAT * M_PER_DEG_LAT);
    for (Grid g : grids) {
      double w = lon0 + g.i * GRID_DLON;
      double s = lat0 + g.j * GRID_DLAT;
      double e = lon0 + (g.i + 1) * GRID_DLON;
      double n = lat0 + (g.j + 1) * GRID_DLAT;
      ObjectNode f =
          feature(
              g.code,
              polygon(
                  List.of(
                      new double[] {w, s},
                      new double[] {e, s},
                      new double[] {e, n},
                      new double[] {w, n})));
      props(f)
          .put("code", g.code)
          .put(
              "name",
              g.community.township.t.name()
                  + g.community.name
                  + "第"
                  + Integer.parseInt(g.code.substring(12))
                  + "网格")
          .put("communityCode", g.community.code)
          .put("townshipCode", g.community.township.t.code())
          .put("zone", g.zone.name())
          .put("areaM2", areaM2)
          .put("effectiveFrom", "2026-01-01");
      sink.accept(FeatureKind.GRID, f);
    }
  }

  private static final Map<String, Double> CLASS_WEIGHTS =
      Map.ofEntries(
          Map.entry("0101", 6.0),
          Map.entry("0102", 6.0),
          Map.entry("0103", 6.0),
          Map.entry("0104", 5.0),
          Map.entry("0105", 4.0),
          Map.entry("0107", 4.0),
          Map.entry("0109", 0.1),
          Map.entry("0112", 0.5),
          Map.entry("0117", 10.0),
          Map.entry("0208", 3.0),
          Map.entry("0211", 2.0),
          Map.entry("0302", 6.0),
          Map.entry("0305", 4.0),
          Map.entry("0401", 0.3),
          Map.entry("0402", 12.0),
          Map.entry("0601", 0.2));

  private void emitComponents(FeatureSink sink) {
    Random r = new Random(options.seed() * 31 + 3);
    List<ComponentClass> classes = catalogue.classes();
    double[] cumulative = new double[classes.size()];
    double total = 0;
    for (int k = 0; k < classes.size(); k++) {
      total += CLASS_WEIGHTS.getOrDefault(classes.get(k).code(), 1.0);
      cumulative[k] = total;
    }
    Map<String, Integer> serials = new HashMap<>();
    LocalDate surveyBase = LocalDate.of(2025, 3, 1);
    for (int n = 0; n < options.components(); n++) {
      // the first components walk the catalogue so that every class appears
      ComponentClass cls;
      if (n < classes.size()) {
        cls = classes.get(n);
      } else {
        double x = r.nextDouble() * total;
        int k = 0;
        while (cumulative[k] < x && k < cumulative.length - 1) {
          k++;
        }
        cls = classes.get(k);
      }
      int serial = serials.merge(cls.code(), 1, Integer::sum);
      ComponentId id = ComponentId.of(MinqingGazetteer.COUNTY_CODE, cls.code(), serial);
      double lon;
      double lat;
      Grid grid = null;
      TownshipArea township;
      if (r.nextDouble() < 0.85) {
        grid = grids.get(r.nextInt(grids.size()));
        lon = lon0 + (grid.i + 0.1 + 0.8 * r.nextDouble()) * GRID_DLON;
        lat = lat0 + (grid.j + 0.1 + 0.8 * r.nextDouble()) * GRID_DLAT;
        township = grid.community.township;
      } else {
        township = townships.get(r.nextInt(townships.size()));
        lon = township.t.seatLon();
        lat = township.t.seatLat();
        for (int tries = 0; tries < 20; tries++) {
          double cl = township.t.seatLon() + r.nextGaussian() * 0.01;
          double ca = township.t.seatLat() + r.nextGaussian() * 0.01;
          if (ConvexPolygons.contains(township.poly, cl, ca)) {
            lon = cl;
            lat = ca;
            break;
          }
        }
        grid = gridAt(lon, lat);
      }
      ObjectNode geometry = componentGeometry(cls.geometry(), lon, lat, r);
      String[] resp = responsibility(cls.code(), township.t.name(), r);
      ComponentState state = state(r);
      ObjectNode f = feature(id.format(), geometry);
      ObjectNode p =
          props(f)
              .put("id", id.format())
              .put("classCode", cls.code())
              .put("className", cls.nameZh())
              .put("name", township.t.name() + cls.nameZh())
              .put("state", state.name())
              .put("department", resp[0])
              .put("owner", resp[1])
              .put("maintainer", resp[2]);
      if (grid != null) {
        p.put("gridCode", grid.code);
      }
      p.put("townshipCode", township.t.code())
          .put("dataSource", r.nextDouble() < 0.9 ? "2025年部件普查" : "巡查补录")
          .put("surveyDate", surveyBase.plusDays(r.nextInt(300)).toString());
      if (state != ComponentState.INTACT) {
        p.put("updatedOn", surveyBase.plusDays(300 + r.nextInt(200)).toString());
      }
      sink.accept(FeatureKind.COMPONENT, f);
    }
  }

  private static ComponentState state(Random r) {
    double x = r.nextDouble();
    if (x < 0.92) {
      return ComponentState.INTACT;
    } else if (x < 0.97) {
      return ComponentState.DAMAGED;
    } else if (x < 0.98) {
      return ComponentState.MISSING;
    }
    return ComponentState.OCCUPIED;
  }

  private static ObjectNode componentGeometry(GeometryKind kind, double lon, double lat, Random r) {
    switch (kind) {
      case LINE -> {
        double heading = r.nextDouble() * Math.PI;
        int vertices = 2 + r.nextInt(3);
        List<double[]> pts = new ArrayList<>();
        for (int v = 0; v < vertices; v++) {
          double d = v * (15 + r.nextDouble() * 25);
          pts.add(
              new double[] {
                lon + d * Math.cos(heading) / M_PER_DEG_LON,
                lat + d * Math.sin(heading) / M_PER_DEG_LAT
              });
        }
        return lineString(pts);
      }
      case POLYGON -> {
        double hw = (10 + r.nextDouble() * 30) / M_PER_DEG_LON;
        double hh = (10 + r.nextDouble() * 30) / M_PER_DEG_LAT;
        return polygon(
            List.of(
                new double[] {lon - hw, lat - hh},
                new double[] {lon + hw, lat - hh},
                new double[] {lon + hw, lat + hh},
                new double[] {lon - hw, lat + hh}));
      }
      default -> {
        return point(lon, lat);
      }
    }
  }

  /** {department 主管部门, owner 权属单位, maintainer 养护单位} of a class in a township. */
  static String[] responsibility(String classCode, String townshipName, Random r) {
    String town = MinqingGazetteer.townshipGovernment(townshipName);
    String telecom =
        MinqingGazetteer.TELECOM_OPERATORS.get(
            r.nextInt(MinqingGazetteer.TELECOM_OPERATORS.size()));
    String h = MinqingGazetteer.HOUSING;
    return switch (classCode) {
      case "0101", "0113" ->
          new String[] {h, MinqingGazetteer.WATER_COMPANY, MinqingGazetteer.WATER_COMPANY};
      case "0102", "0103", "0104", "0309" -> new String[] {h, h, h};
      case "0105", "0114", "0116", "0122" ->
          new String[] {h, MinqingGazetteer.POWER_COMPANY, MinqingGazetteer.POWER_COMPANY};
      case "0106", "0117", "0118" ->
          new String[] {
            MinqingGazetteer.CITY_MANAGEMENT,
            MinqingGazetteer.CITY_MANAGEMENT,
            MinqingGazetteer.CITY_MANAGEMENT
          };
      case "0107", "0115" -> new String[] {h, telecom, telecom};
      case "0108" -> new String[] {h, MinqingGazetteer.CABLE_TV, MinqingGazetteer.CABLE_TV};
      case "0109" -> new String[] {h, h, h};
      case "0110" -> new String[] {h, MinqingGazetteer.GAS_COMPANY, MinqingGazetteer.GAS_COMPANY};
      case "0111", "0121" ->
          new String[] {MinqingGazetteer.POLICE, MinqingGazetteer.POLICE, MinqingGazetteer.POLICE};
      case "0112" -> new String[] {h, MinqingGazetteer.UNKNOWN_OWNER, town};
      case "0119", "0120" ->
          new String[] {
            MinqingGazetteer.CITY_MANAGEMENT, MinqingGazetteer.POST, MinqingGazetteer.POST
          };
      case "0201", "0202", "0212" ->
          new String[] {
            MinqingGazetteer.CITY_MANAGEMENT,
            MinqingGazetteer.CITY_MANAGEMENT,
            MinqingGazetteer.CITY_MANAGEMENT
          };
      case "0203", "0204", "0205", "0206", "0207", "0215" ->
          new String[] {
            MinqingGazetteer.TRANSPORT, MinqingGazetteer.TRANSPORT, MinqingGazetteer.TRANSPORT
          };
      case "0208", "0209", "0210", "0213", "0214" ->
          new String[] {
            MinqingGazetteer.TRAFFIC_POLICE,
            MinqingGazetteer.TRAFFIC_POLICE,
            MinqingGazetteer.TRAFFIC_POLICE
          };
      case "0211" ->
          new String[] {
            MinqingGazetteer.CIVIL_AFFAIRS,
            MinqingGazetteer.CIVIL_AFFAIRS,
            MinqingGazetteer.CITY_MANAGEMENT
          };
      case "0301", "0302", "0303", "0306", "0307" ->
          new String[] {
            MinqingGazetteer.CITY_MANAGEMENT,
            MinqingGazetteer.SANITATION,
            MinqingGazetteer.SANITATION
          };
      case "0304", "0305" ->
          new String[] {
            MinqingGazetteer.CITY_MANAGEMENT, MinqingGazetteer.SHOPS, MinqingGazetteer.SHOPS
          };
      case "0308" ->
          new String[] {
            MinqingGazetteer.ECOLOGY, MinqingGazetteer.ECOLOGY, MinqingGazetteer.ECOLOGY
          };
      case "0401" -> new String[] {MinqingGazetteer.FORESTRY, town, MinqingGazetteer.GARDENS};
      case "0501" -> new String[] {town, town, town};
      case "0502" ->
          new String[] {
            MinqingGazetteer.CIVIL_AIR_DEFENCE,
            MinqingGazetteer.CIVIL_AIR_DEFENCE,
            MinqingGazetteer.CIVIL_AIR_DEFENCE
          };
      case "0503", "0504" -> new String[] {h, h, h};
      case "0505" ->
          new String[] {
            MinqingGazetteer.NATURAL_RESOURCES, MinqingGazetteer.NATURAL_RESOURCES, town
          };
      case "0601" ->
          new String[] {
            MinqingGazetteer.EMERGENCY, MinqingGazetteer.EMERGENCY, MinqingGazetteer.EMERGENCY
          };
      case "0602" -> new String[] {h, MinqingGazetteer.BUILDER, MinqingGazetteer.BUILDER};
      case "0603", "0604" ->
          new String[] {MinqingGazetteer.WATER_RESOURCES, MinqingGazetteer.WATER_RESOURCES, town};
      default -> {
        if (classCode.startsWith("04")) {
          yield new String[] {
            MinqingGazetteer.CITY_MANAGEMENT, MinqingGazetteer.GARDENS, MinqingGazetteer.GARDENS
          };
        }
        if (classCode.startsWith("07")) {
          yield new String[] {
            MinqingGazetteer.WATER_RESOURCES,
            MinqingGazetteer.WATER_RESOURCES,
            MinqingGazetteer.WATER_RESOURCES
          };
        }
        yield new String[] {town, town, town};
      }
    };
  }

  private record PipeSpec(
      PipeType type,
      String prefix,
      double weight,
      double offsetM,
      double minDepth,
      double maxDepth,
      int[] diameters,
      String[] materials) {}

  private static final List<PipeSpec> PIPE_SPECS =
      List.of(
          new PipeSpec(
              PipeType.WATER_SUPPLY,
              "JS",
              20,
              6,
              0.8,
              1.5,
              new int[] {100, 150, 200, 300, 400, 600},
              new String[] {"球墨铸铁管", "PE管"}),
          new PipeSpec(
              PipeType.RAINWATER,
              "YS",
              15,
              -4,
              1.0,
              3.0,
              new int[] {300, 400, 600, 800, 1000, 1200},
              new String[] {"钢筋混凝土管", "HDPE双壁波纹管"}),
          new PipeSpec(
              PipeType.SEWAGE,
              "WS",
              15,
              -2,
              1.5,
              4.0,
              new int[] {300, 400, 500, 600},
              new String[] {"钢筋混凝土管", "HDPE双壁波纹管"}),
          new PipeSpec(
              PipeType.GAS,
              "RQ",
              8,
              8,
              0.8,
              1.5,
              new int[] {110, 160, 200},
              new String[] {"PE管", "钢管"}),
          new PipeSpec(
              PipeType.POWER, "DL", 15, -8, 0.7, 1.5, new int[] {150, 200}, new String[] {"电缆排管"}),
          new PipeSpec(
              PipeType.TELECOM,
              "TX",
              15,
              10,
              0.6,
              1.2,
              new int[] {100, 110},
              new String[] {"PVC管", "硅芯管"}),
          new PipeSpec(
              PipeType.STREET_LIGHTING, "LD", 8, 12, 0.5, 0.8, new int[0], new String[] {"电缆"}),
          new PipeSpec(
              PipeType.TRAFFIC_SIGNAL, "XH", 4, -12, 0.5, 0.8, new int[0], new String[] {"电缆"}));

  private void emitPipes(FeatureSink sink) {
    Random r = new Random(options.seed() * 31 + 5);
    double total = PIPE_SPECS.stream().mapToDouble(PipeSpec::weight).sum();
    Map<PipeType, Integer> serials = new EnumMap<>(PipeType.class);
    int streets = 2 * (half / STREET_EVERY) + 1;
    for (int n = 0; n < options.pipes(); n++) {
      double x = r.nextDouble() * total;
      PipeSpec spec = PIPE_SPECS.get(PIPE_SPECS.size() - 1);
      for (PipeSpec s : PIPE_SPECS) {
        x -= s.weight();
        if (x < 0) {
          spec = s;
          break;
        }
      }
      int serial = serials.merge(spec.type(), 1, Integer::sum);
      String id = "GX-" + spec.prefix() + "-" + String.format("%06d", serial);
      boolean horizontal = r.nextBoolean();
      int street = (r.nextInt(streets) - streets / 2) * STREET_EVERY;
      int parts = r.nextDouble() < 0.1 ? 2 : 1;
      ArrayNode lines = MAPPER.createArrayNode();
      int start = -half + r.nextInt(Math.max(1, half));
      for (int part = 0; part < parts; part++) {
        int len = 3 + r.nextInt(10);
        List<double[]> pts = new ArrayList<>();
        for (int s = start; s <= Math.min(start + len, half); s++) {
          pts.add(streetPoint(horizontal, street, s, spec.offsetM()));
        }
        lines.add(coordinates(pts));
        start = Math.min(start + len + 2, half - 2);
      }
      ObjectNode geometry = MAPPER.createObjectNode();
      if (parts == 1) {
        geometry.put("type", "LineString").set("coordinates", lines.get(0));
      } else {
        geometry.put("type", "MultiLineString").set("coordinates", lines);
      }
      String owner =
          switch (spec.type()) {
            case WATER_SUPPLY -> MinqingGazetteer.WATER_COMPANY;
            case GAS -> MinqingGazetteer.GAS_COMPANY;
            case POWER -> MinqingGazetteer.POWER_COMPANY;
            case TELECOM ->
                MinqingGazetteer.TELECOM_OPERATORS.get(
                    r.nextInt(MinqingGazetteer.TELECOM_OPERATORS.size()));
            case STREET_LIGHTING -> MinqingGazetteer.CITY_MANAGEMENT;
            case TRAFFIC_SIGNAL -> MinqingGazetteer.TRAFFIC_POLICE;
            default -> MinqingGazetteer.HOUSING;
          };
      ObjectNode f = feature(id, geometry);
      ObjectNode p =
          props(f)
              .put("id", id)
              .put("type", spec.type().name())
              .put("typeName", spec.type().nameZh())
              .put("owner", owner)
              .put(
                  "depthM",
                  Math.round(
                          (spec.minDepth() + r.nextDouble() * (spec.maxDepth() - spec.minDepth()))
                              * 100)
                      / 100.0);
      if (spec.diameters().length > 0) {
        p.put("diameterMm", spec.diameters()[r.nextInt(spec.diameters().length)]);
      }
      p.put("material", spec.materials()[r.nextInt(spec.materials().length)])
          .put("builtYear", 1995 + r.nextInt(31))
          .put("dataSource", "2024年地下管线普查");
      sink.accept(FeatureKind.PIPE, f);
    }
  }

  /** A point on a street line, {@code offsetM} metres to one side of its centre line. */
  private double[] streetPoint(boolean horizontal, int street, int along, double offsetM) {
    if (horizontal) {
      return new double[] {
        lon0 + along * GRID_DLON, lat0 + street * GRID_DLAT + offsetM / M_PER_DEG_LAT
      };
    }
    return new double[] {
      lon0 + street * GRID_DLON + offsetM / M_PER_DEG_LON, lat0 + along * GRID_DLAT
    };
  }

  private void emitCameras(FeatureSink sink) {
    Random r = new Random(options.seed() * 31 + 7);
    int streets = 2 * (half / STREET_EVERY) + 1;
    for (int n = 0; n < options.cameras(); n++) {
      int si = (r.nextInt(streets) - streets / 2) * STREET_EVERY;
      int sj = (r.nextInt(streets) - streets / 2) * STREET_EVERY;
      double lon = lon0 + si * GRID_DLON + (r.nextDouble() * 2 - 1) * 8 / M_PER_DEG_LON;
      double lat = lat0 + sj * GRID_DLAT + (r.nextDouble() * 2 - 1) * 8 / M_PER_DEG_LAT;
      // GB/T 28181-style 20-digit device code: 8 centre + 2 industry + 3 type (132 IPC) + 1 + 6
      String id = "35012400" + "00" + "132" + "0" + String.format("%06d", n + 1);
      boolean police = r.nextDouble() < 0.7;
      double heading = r.nextDouble() * 2 * Math.PI;
      double depth = 60 + r.nextDouble() * 60;
      double halfAngle = Math.toRadians(30);
      List<double[]> view = new ArrayList<>();
      view.add(new double[] {lon, lat});
      for (double a : new double[] {heading - halfAngle, heading + halfAngle}) {
        view.add(
            new double[] {
              lon + depth * Math.cos(a) / M_PER_DEG_LON, lat + depth * Math.sin(a) / M_PER_DEG_LAT
            });
      }
      ObjectNode f = feature(id, point(lon, lat));
      Grid grid = gridAt(lon, lat);
      TownshipArea t = townshipAt(lon, lat);
      ObjectNode p =
          props(f)
              .put("id", id)
              .put("name", (t == null ? "" : t.t.name()) + "监控点" + (n + 1))
              .put("owner", police ? MinqingGazetteer.POLICE : MinqingGazetteer.CITY_MANAGEMENT)
              .put("purpose", police ? "治安监控" : "数字城管视频巡查")
              .put("headingDeg", Math.round(Math.toDegrees(heading)) % 360);
      if (grid != null) {
        p.put("gridCode", grid.code);
      }
      p.set("view", polygon(view));
      sink.accept(FeatureKind.CAMERA, f);
    }
  }

  // ------------------------------------------------------------------ GeoJSON helpers

  private static ObjectNode feature(String id, ObjectNode geometry) {
    ObjectNode f = MAPPER.createObjectNode();
    f.put("type", "Feature");
    f.put("id", id);
    f.set("geometry", geometry);
    f.putObject("properties");
    return f;
  }

  private static ObjectNode props(ObjectNode feature) {
    return (ObjectNode) feature.get("properties");
  }

  static double round(double v) {
    return Math.round(v * 1e7) / 1e7;
  }

  private static ObjectNode point(double lon, double lat) {
    ObjectNode g = MAPPER.createObjectNode().put("type", "Point");
    g.putArray("coordinates").add(round(lon)).add(round(lat));
    return g;
  }

  private static ObjectNode lineString(List<double[]> pts) {
    ObjectNode g = MAPPER.createObjectNode().put("type", "LineString");
    g.set("coordinates", coordinates(pts));
    return g;
  }

  private static ArrayNode coordinates(List<double[]> pts) {
    ArrayNode a = MAPPER.createArrayNode();
    for (double[] p : pts) {
      a.addArray().add(round(p[0])).add(round(p[1]));
    }
    return a;
  }

  /** A polygon from an open ring; consecutive vertices equal after rounding are dropped. */
  private static ObjectNode polygon(List<double[]> openRing) {
    List<double[]> ring = new ArrayList<>();
    for (double[] p : openRing) {
      double[] q = {round(p[0]), round(p[1])};
      if (ring.isEmpty() || !sameXy(ring.get(ring.size() - 1), q)) {
        ring.add(q);
      }
    }
    if (ring.size() > 1 && sameXy(ring.get(0), ring.get(ring.size() - 1))) {
      ring.remove(ring.size() - 1);
    }
    ring.add(ring.get(0));
    ObjectNode g = MAPPER.createObjectNode().put("type", "Polygon");
    g.putArray("coordinates").add(coordinates(ring));
    return g;
  }

  private static boolean sameXy(double[] a, double[] b) {
    return a[0] == b[0] && a[1] == b[1];
  }
}
