package cn.szcg.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.szcg.testsupport.arch.FourRooms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The notify part of sla-service stays a bounded part (docs/adr/0008): the clocks and the
 * notifications import nothing of each other, their SQL names none of the other's tables, and the
 * notify part keeps the four rooms itself — so that it can be lifted into its own deployment.
 */
class NotifyBoundaryTest {

  static final Path ROOT = Path.of("src/main/java/cn/szcg/sla");
  static final Path NOTIFY = ROOT.resolve("notify");
  static final Pattern NOTIFY_TABLES =
      Pattern.compile("notify_contact|notify_delivery|(TABLE|ON|FROM|INTO|JOIN) notification\\b");
  static final Pattern CLOCK_TABLES =
      Pattern.compile("\\b(stage_clock|clock_[a-z_]+|case_clock_info|calendar_[a-z_]+)\\b");

  @Test
  void theNotifyPartKeepsItsFourRooms() {
    assertEquals(List.of(), FourRooms.violations(NOTIFY), "violations");
  }

  @Test
  void theClocksImportNothingOfTheNotifyPartNorNameItsTables() {
    List<String> out = new ArrayList<>();
    for (Path f : files(ROOT)) {
      if (f.startsWith(NOTIFY)) {
        continue;
      }
      String src = read(f);
      if (src.contains("import cn.szcg.sla.notify.")) {
        out.add(f + ": imports the notify part");
      }
      if (src.contains("INSERT INTO notif")
          || src.contains("FROM notif")
          || src.contains("notify_")) {
        out.add(f + ": names a notify table");
      }
    }
    assertEquals(List.of(), out);
  }

  @Test
  void theNotifyPartImportsNothingOfTheClocksNorNamesTheirTables() {
    List<String> out = new ArrayList<>();
    for (Path f : files(NOTIFY)) {
      String src = read(f);
      for (String room : List.of("api", "application", "domain", "infra")) {
        if (src.contains("import cn.szcg.sla." + room + ".")) {
          out.add(f + ": imports the clocks' " + room);
        }
      }
      if (CLOCK_TABLES.matcher(src).find()) {
        out.add(f + ": names a clock table");
      }
    }
    assertEquals(List.of(), out);
  }

  @Test
  void theNotifyMigrationsTouchOnlyNotifyTables() {
    List<String> out = new ArrayList<>();
    for (Path f : files(Path.of("src/main/resources/db/migration"))) {
      String name = f.getFileName().toString();
      int version = Integer.parseInt(name.substring(1, name.indexOf("__")));
      String sql = read(f);
      if (version >= 20 && CLOCK_TABLES.matcher(sql).find()) {
        out.add(name + ": a notify migration names a clock table");
      }
      if (version < 20 && NOTIFY_TABLES.matcher(sql).find()) {
        out.add(name + ": a clock migration names a notify table");
      }
    }
    assertEquals(List.of(), out);
  }

  static List<Path> files(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
