package cn.szcg.gis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.szcg.testsupport.arch.FourRooms;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * gis-service keeps its four rooms (docs/architecture.md "Four rooms"; issue 20). Its domain may
 * use Jackson's tree: the import rules check GeoJSON as parsed JSON (the parsing itself, and the
 * component class catalogue's file, are read in infra/).
 */
class FourRoomsTest {

  @Test
  void everyRoomKeepsItsRule() {
    assertEquals(
        List.of(),
        FourRooms.violations(Path.of("src/main/java/cn/szcg/gis"), "com.fasterxml.jackson."),
        "violations");
  }
}
