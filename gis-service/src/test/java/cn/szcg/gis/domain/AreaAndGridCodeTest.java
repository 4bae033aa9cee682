package cn.szcg.gis.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Area codes (区划代码) and the unit grid code scheme (万米单元网格编码), R-12/R-15 zones hang on grids. */
class AreaAndGridCodeTest {

  @Test
  void areaCodeLevelFollowsItsLength() {
    assertEquals(AreaLevel.COUNTY, AreaCode.parse("350124").level());
    assertEquals(AreaLevel.TOWNSHIP, AreaCode.parse("350124100").level());
    AreaCode community = AreaCode.parse("350124100001");
    assertEquals(AreaLevel.COMMUNITY, community.level());
    assertEquals("350124100", community.parent().value());
    assertEquals("350124", community.parent().parent().value());
    assertNull(community.parent().parent().parent());
    assertEquals("350124100", community.townshipCode());
    assertTrue(AreaCode.parse("350124").contains(community));
    assertFalse(AreaCode.parse("350125").contains(community));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "3501241       | 应为6位（县）、9位（乡镇）或12位（社区/村）数字，实际7位 | has 7",
        "35012410000   | 实际11位                          | has 11",
        "35012A        | （第6位）                          | at position 6",
        "000000        | 县级代码不能为000000                | county part 000000",
        "350124000     | 乡镇段不能为000                    | township segment 000",
        "350124100000  | 社区/村段不能为000                  | community segment 000",
      })
  void badAreaCodesAreNamed(String text, String zh, String en) {
    CodeFormatException e = assertThrows(CodeFormatException.class, () -> AreaCode.parse(text));
    assertTrue(e.reasonZh().contains(zh), e.reasonZh());
    assertTrue(e.reasonEn().contains(en), e.reasonEn());
  }

  @Test
  void gridCodeIsCommunityCodePlusFourDigitSequence() {
    GridCode g = GridCode.parse("3501241000010007");
    assertEquals("350124100001", g.communityCode());
    assertEquals("350124100", g.townshipCode());
    assertEquals("350124", g.countyCode());
    assertEquals(7, g.sequence());
    assertEquals("3501241000010007", g.format());
    assertEquals(g, GridCode.of("350124100001", 7));
    assertEquals("3501242032019999", GridCode.of("350124203201", 9999).format());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "350124100001007    | 应为16位数字，实际15位 | must have 16 digits, has 15",
        "35012410000100071  | 实际17位            | has 17",
        "350124100001000x   | （第16位）           | at position 16",
        "3501241000010000   | 顺序码应在0001至9999之间 | between 0001 and 9999",
        "3501241000000001   | 社区/村段不能为000    | community segment 000",
        "3501240000010001   | 乡镇段不能为000       | township segment 000",
      })
  void badGridCodesAreNamed(String text, String zh, String en) {
    CodeFormatException e = assertThrows(CodeFormatException.class, () -> GridCode.parse(text));
    assertTrue(e.reasonZh().contains(zh), e.reasonZh());
    assertTrue(e.reasonEn().contains(en), e.reasonEn());
    assertFalse(GridCode.isValid(text));
  }

  @Test
  void gridMustHangUnderACommunityNotATownship() {
    CodeFormatException e =
        assertThrows(CodeFormatException.class, () -> GridCode.of("350124100", 1));
    assertTrue(e.reasonZh().contains("社区/村代码"), e.reasonZh());
    assertThrows(CodeFormatException.class, () -> GridCode.of("350124100001", 10_000));
  }

  @Test
  void statesAndPipeTypesParseFromCodeOrChinese() {
    assertEquals(ComponentState.DAMAGED, ComponentState.parse("damaged"));
    assertEquals(ComponentState.MISSING, ComponentState.parse("丢失"));
    assertEquals(ComponentState.OCCUPIED, ComponentState.parse(" OCCUPIED "));
    assertEquals("完好", ComponentState.INTACT.nameZh());
    assertThrows(CodeFormatException.class, () -> ComponentState.parse("BROKEN"));
    assertEquals(PipeType.GAS, PipeType.parse("燃气"));
    assertEquals(PipeType.WATER_SUPPLY, PipeType.parse("water_supply"));
    assertThrows(CodeFormatException.class, () -> PipeType.parse("OIL"));
  }
}
