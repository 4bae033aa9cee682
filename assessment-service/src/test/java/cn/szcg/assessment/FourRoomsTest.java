package cn.szcg.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.szcg.testsupport.arch.FourRooms;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** assessment-service keeps its four rooms (docs/architecture.md "Four rooms"; issue 20). */
class FourRoomsTest {

  @Test
  void everyRoomKeepsItsRule() {
    assertEquals(
        List.of(), FourRooms.violations(Path.of("src/main/java/cn/szcg/assessment")), "violations");
  }
}
