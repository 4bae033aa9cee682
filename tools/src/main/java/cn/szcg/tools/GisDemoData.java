package cn.szcg.tools;

import cn.szcg.gis.demo.DemoDataGenerator;
import cn.szcg.gis.demo.DemoDataGenerator.Options;
import cn.szcg.gis.domain.imports.FeatureKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Minqing (闽清县) demo map as GeoJSON files for gis-service's import API: {@code GisDemoData
 * <outDir> [--grids N] [--components N] [--pipes N] [--cameras N] [--seed S]} writes {@code
 * areas.geojson}, {@code grids.geojson}, {@code components.geojson}, {@code pipes.geojson}, {@code
 * cameras.geojson} (deterministic: same seed and sizes give byte-identical files). {@code
 * deploy/local/demo-data.sh} runs it and imports the files; docs/gis.md "Demo data".
 *
 * <p>A tool, not product: it lives in the {@code tools} module, never in a service image.
 */
public final class GisDemoData {

  private GisDemoData() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args[0].startsWith("--")) {
      System.err.println(
          "usage: GisDemoData <outDir> [--grids N] [--components N] [--pipes N]"
              + " [--cameras N] [--seed S]");
      System.exit(2);
    }
    long t0 = System.nanoTime();
    Path dir = Path.of(args[0]);
    Map<FeatureKind, Integer> counts = write(dir, options(args));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.println("闽清县演示数据 Minqing demo data -> " + dir.toAbsolutePath() + " (" + ms + " ms)");
    counts.forEach(
        (k, v) -> System.out.println("  " + k.plural() + ".geojson: " + v + " features"));
  }

  /** The generation options of a command line (after {@code <outDir>}); the defaults otherwise. */
  static Options options(String[] args) {
    Options o = Options.defaults();
    for (int k = 1; k < args.length; k += 2) {
      if (k + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + args[k]);
      }
      String v = args[k + 1];
      o =
          switch (args[k]) {
            case "--grids" -> o.withGrids(Integer.parseInt(v));
            case "--components" -> o.withComponents(Integer.parseInt(v));
            case "--pipes" -> o.withPipes(Integer.parseInt(v));
            case "--cameras" -> o.withCameras(Integer.parseInt(v));
            case "--seed" -> o.withSeed(Long.parseLong(v));
            default -> throw new IllegalArgumentException("unknown option " + args[k]);
          };
    }
    return o;
  }

  /** Writes the five files into {@code dir}; the number of features per kind. */
  static Map<FeatureKind, Integer> write(Path dir, Options o) throws IOException {
    return new DemoDataGenerator(o).writeTo(dir);
  }
}
