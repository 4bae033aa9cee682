package cn.szcg.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.szcg.testsupport.arch.FourRooms;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * dispatch-service keeps its four rooms (docs/architecture.md "Four rooms"; issue 20). Its domain
 * may use platform's {@code files} (pure Java: what the bytes of a file really are), which the
 * photo policy checks uploads with.
 */
class FourRoomsTest {

  @Test
  void everyRoomKeepsItsRule() {
    assertEquals(
        List.of(),
        FourRooms.violations(Path.of("src/main/java/cn/szcg/dispatch"), "cn.szcg.platform.files."),
        "violations");
  }
}
