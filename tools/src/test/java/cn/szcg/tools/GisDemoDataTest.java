package cn.szcg.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.gis.demo.DemoDataGenerator.Options;
import cn.szcg.gis.domain.imports.FeatureKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo map's command line: its options, and the five files it writes. */
class GisDemoDataTest {

  @Test
  void optionsFollowTheCommandLine() {
    Options o =
        GisDemoData.options(
            new String[] {
              "/tmp/x",
              "--grids",
              "120",
              "--components",
              "900",
              "--pipes",
              "7",
              "--cameras",
              "3",
              "--seed",
              "42"
            });
    assertEquals(new Options(42L, 120, 900, 7, 3), o);
    assertEquals(Options.defaults(), GisDemoData.options(new String[] {"/tmp/x"}));
    assertThrows(
        IllegalArgumentException.class,
        () -> GisDemoData.options(new String[] {"/tmp/x", "--grids"}));
    assertThrows(
        IllegalArgumentException.class,
        () -> GisDemoData.options(new String[] {"/tmp/x", "--rivers", "3"}));
  }

  @Test
  void writesOneGeoJsonFilePerKind(@TempDir Path dir) throws Exception {
    Map<FeatureKind, Integer> counts = GisDemoData.write(dir, new Options(3L, 100, 200, 5, 4));
    for (FeatureKind k : FeatureKind.values()) {
      Path f = dir.resolve(k.plural() + ".geojson");
      assertTrue(Files.size(f) > 0, f.toString());
      assertTrue(Files.readString(f).startsWith("{\"type\":\"FeatureCollection\""), k.name());
    }
    assertEquals(100, counts.get(FeatureKind.GRID));
  }
}
