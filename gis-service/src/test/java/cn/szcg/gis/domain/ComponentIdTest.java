package cn.szcg.gis.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.gis.infra.ComponentClassesJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** the component id (部件标识码) = admin code 6 + major 2 + minor 2 + serial 6. */
class ComponentIdTest {

  @Test
  void parsesTheFourSegmentsOfAWaterSupplyManholeCoverInMinqing() {
    ComponentId id = ComponentId.parse("3501240101000001");
    assertEquals("350124", id.adminCode());
    assertEquals("01", id.majorCode());
    assertEquals("01", id.minorCode());
    assertEquals(1, id.serial());
    assertEquals("0101", id.classCode());
    assertEquals("3501240101000001", id.format());
    assertEquals("上水井盖", ComponentClassesJson.loadDefault().require(id).nameZh());
  }

  @Test
  void formatsWithZeroPaddedSerialAndRoundTrips() {
    ComponentId id = ComponentId.of("350124", "0402", 12345);
    assertEquals("3501240402012345", id.toString());
    assertEquals(id, ComponentId.parse(id.format()));
    assertEquals("3501240402999999", ComponentId.of("350124", "0402", 999_999).format());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                 | 部件标识码为空                | component id is missing",
        "'   '              | 部件标识码为空                | component id is missing",
        "350124010100000A   | 含非数字字符                  | at position 16",
        "3501240101 000001  | （第11位）                    | at position 11",
        "350124010100001    | 应为16位数字，实际15位         | must have 16 digits, has 15",
        "35012401010000012  | 应为16位数字，实际17位         | must have 16 digits, has 17",
        "0000000101000001   | 行政区划代码不能为000000       | administrative code must not be 000000",
        "3501240001000001   | 部件大类代码不能为00           | major class code must not be 00",
        "3501240100000001   | 部件小类代码不能为00           | minor class code must not be 00",
        "3501240101000000   | 部件流水号应在000001至999999之间 | serial must be between 000001 and 999999",
      })
  void rejectsEachMalformedIdWithABilingualReason(String text, String zh, String en) {
    CodeFormatException e = assertThrows(CodeFormatException.class, () -> ComponentId.parse(text));
    assertTrue(e.reasonZh().contains(zh), e.reasonZh());
    assertTrue(e.reasonEn().contains(en), e.reasonEn());
    assertTrue(e.getMessage().startsWith(e.reasonZh() + " / "), "Chinese first, then English");
    assertFalse(ComponentId.isValid(text));
  }

  @Test
  void nullIsRejected() {
    assertThrows(CodeFormatException.class, () -> ComponentId.parse(null));
  }

  @Test
  void structurallyValidIdWithUncataloguedClassIsRefusedByTheCatalogue() {
    ComponentClassCatalogue cat = ComponentClassesJson.loadDefault();
    CodeFormatException minor =
        assertThrows(
            CodeFormatException.class, () -> cat.require(ComponentId.parse("3501240199000001")));
    assertTrue(minor.reasonZh().contains("0199"));
    CodeFormatException major =
        assertThrows(
            CodeFormatException.class, () -> cat.require(ComponentId.parse("3501249901000001")));
    assertTrue(major.reasonEn().contains("major class 99"));
  }

  @Test
  void serialOutOfRangeIsRefusedWhenBuilding() {
    assertThrows(CodeFormatException.class, () -> ComponentId.of("350124", "0101", 1_000_000));
    assertThrows(CodeFormatException.class, () -> ComponentId.of("350124", "010", 1));
  }
}
