package cn.szcg.dispatch.domain;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The responsibility matrix (责任矩阵, R-02/R-17): most specific rule wins. */
class ResponsibilityMatrixTest {

  static final String MANHOLE = "010101"; // 井盖 (component)
  static final String GARBAGE = "020301"; // 暴露垃圾 (event)
  static final String MEICHENG = "350124100";
  static final String XIAOQIAO = "350124100001";
  static final String GRID = "G-0001";
  static final AreaRef CASE_AREA = AreaRef.grid(MEICHENG, XIAOQIAO, GRID);

  static final ResponsibilityMatrix MATRIX =
      new ResponsibilityMatrix(
          List.of(
              new ResponsibilityRule("R-ANY", "*", AreaRef.COUNTY, "U-CENTER-DEFAULT", "兜底"),
              new ResponsibilityRule("R-TWN", "*", AreaRef.township(MEICHENG), "U-MEICHENG", "属地"),
              new ResponsibilityRule("R-GARB-CTY", GARBAGE, AreaRef.COUNTY, "U-SANITATION", "环卫处"),
              new ResponsibilityRule(
                  "R-GARB-TWN", GARBAGE, AreaRef.township(MEICHENG), "U-MEICHENG", "镇区保洁"),
              new ResponsibilityRule(
                  "R-GARB-COM",
                  GARBAGE,
                  AreaRef.community(MEICHENG, XIAOQIAO),
                  "U-XIAOQIAO-PROPERTY",
                  "小区物业"),
              new ResponsibilityRule(
                  "R-GARB-GRID",
                  GARBAGE,
                  AreaRef.grid(MEICHENG, XIAOQIAO, GRID),
                  "U-MARKET",
                  "农贸市场"),
              new ResponsibilityRule("R-01", "01*", AreaRef.COUNTY, "U-ROADS", "部件大类 01"),
              new ResponsibilityRule("R-0101", "0101*", AreaRef.COUNTY, "U-WATER", "井盖类")));

  static DispatchProposal.UnitFound found(DispatchProposal p) {
    return assertInstanceOf(DispatchProposal.UnitFound.class, p, () -> p.explanationEn());
  }

  @Test
  @DisplayName("area specificity: grid > community > township > county")
  void areaSpecificity() {
    assertEquals(
        "R-GARB-GRID", found(MATRIX.resolve(DispatchQuery.of(GARBAGE, CASE_AREA))).ruleId());
    assertEquals(
        "R-GARB-COM",
        found(MATRIX.resolve(DispatchQuery.of(GARBAGE, AreaRef.grid(MEICHENG, XIAOQIAO, "G-9"))))
            .ruleId());
    assertEquals(
        "R-GARB-TWN",
        found(MATRIX.resolve(DispatchQuery.of(GARBAGE, AreaRef.grid(MEICHENG, "C-9", "G-9"))))
            .ruleId());
    DispatchProposal.UnitFound county =
        found(MATRIX.resolve(DispatchQuery.of(GARBAGE, AreaRef.grid("350124101", "C", "G"))));
    assertEquals("R-GARB-CTY", county.ruleId());
    assertEquals("U-SANITATION", county.unitId());
  }

  @Test
  @DisplayName("category first: exact code > longer prefix > shorter prefix > wildcard")
  void categorySpecificity() {
    // a category rule for the whole county beats a wildcard rule for the township
    DispatchProposal.UnitFound manhole =
        found(MATRIX.resolve(DispatchQuery.of(MANHOLE, CASE_AREA)));
    assertEquals("R-0101", manhole.ruleId());
    assertEquals("U-WATER", manhole.unitId());
    assertTrue(manhole.explanationZh().contains("R-0101"), manhole.explanationZh());
    assertTrue(manhole.explanationZh().contains("类别前缀 0101*"), manhole.explanationZh());
    assertEquals("R-01", found(MATRIX.resolve(DispatchQuery.of("010201", CASE_AREA))).ruleId());
    // unknown category: wildcard, most specific area
    assertEquals("R-TWN", found(MATRIX.resolve(DispatchQuery.of("990101", CASE_AREA))).ruleId());
    assertEquals(
        "R-ANY",
        found(MATRIX.resolve(DispatchQuery.of("990101", AreaRef.township("350124199")))).ruleId());
  }

  @Test
  @DisplayName("component maintainer rule: a component case goes to its maintainer from gis")
  void componentMaintainer() {
    DispatchProposal.UnitFound p =
        found(MATRIX.resolve(new DispatchQuery(MANHOLE, CASE_AREA, "CMP-0001", "U-GAS", Set.of())));
    assertEquals("U-GAS", p.unitId());
    assertEquals(ResponsibilityMatrix.COMPONENT_MAINTAINER_RULE, p.ruleId());
    assertTrue(p.explanationZh().contains("CMP-0001"));
    // maintainer unknown → the matrix
    assertEquals(
        "R-0101",
        found(MATRIX.resolve(new DispatchQuery(MANHOLE, CASE_AREA, "CMP-0001", null, Set.of())))
            .ruleId());
    // an event case never uses a maintainer
    assertEquals(
        "R-0101",
        found(MATRIX.resolve(new DispatchQuery(MANHOLE, CASE_AREA, null, "U-GAS", Set.of())))
            .ruleId());
    // the maintainer returned the case → next rule
    assertEquals(
        "U-WATER",
        found(
                MATRIX.resolve(
                    new DispatchQuery(MANHOLE, CASE_AREA, "CMP-0001", "U-GAS", Set.of("U-GAS"))))
            .unitId());
  }

  @Test
  @DisplayName("excluded units fall through to the next most specific rule")
  void exclusions() {
    DispatchProposal p =
        MATRIX.resolve(
            new DispatchQuery(
                GARBAGE, CASE_AREA, null, null, Set.of("U-MARKET", "U-XIAOQIAO-PROPERTY")));
    assertEquals("R-GARB-TWN", found(p).ruleId());
  }

  @Test
  @DisplayName("no rule → no unit found (coordinate)")
  void noUnitFound() {
    ResponsibilityMatrix m =
        new ResponsibilityMatrix(
            List.of(
                new ResponsibilityRule("R-1", GARBAGE, AreaRef.township(MEICHENG), "U-1", null)));
    DispatchProposal p = m.resolve(DispatchQuery.of(GARBAGE, AreaRef.township("350124101")));
    DispatchProposal.NoUnitFound none = assertInstanceOf(DispatchProposal.NoUnitFound.class, p);
    assertTrue(none.proposedUnitId().isEmpty());
    assertTrue(none.explanationZh().contains("协调"), none.explanationZh());
    assertTrue(none.tiedUnitIds().isEmpty());
  }

  @Test
  @DisplayName("equally specific rules naming different units → responsibility unclear")
  void tieIsUnclear() {
    ResponsibilityMatrix m =
        new ResponsibilityMatrix(
            List.of(
                new ResponsibilityRule("R-A", GARBAGE, AreaRef.township(MEICHENG), "U-A", null),
                new ResponsibilityRule("R-B", GARBAGE, AreaRef.township(MEICHENG), "U-B", null),
                new ResponsibilityRule("R-C", GARBAGE, AreaRef.COUNTY, "U-C", null)));
    DispatchProposal.NoUnitFound none =
        assertInstanceOf(
            DispatchProposal.NoUnitFound.class, m.resolve(DispatchQuery.of(GARBAGE, CASE_AREA)));
    assertEquals(List.of("U-A", "U-B"), none.tiedUnitIds());
    // the same unit named twice is no conflict
    ResponsibilityMatrix same =
        new ResponsibilityMatrix(
            List.of(
                new ResponsibilityRule("R-A", GARBAGE, AreaRef.township(MEICHENG), "U-A", null),
                new ResponsibilityRule("R-B", GARBAGE, AreaRef.township(MEICHENG), "U-A", null)));
    assertEquals("U-A", found(same.resolve(DispatchQuery.of(GARBAGE, CASE_AREA))).unitId());
  }

  @Test
  void invalidRulesRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ResponsibilityRule("R", "01*01", AreaRef.COUNTY, "U", null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ResponsibilityRule("R", "01", AreaRef.COUNTY, " ", null));
    ResponsibilityRule r = new ResponsibilityRule("R", "01", null, "U", null);
    assertThrows(IllegalArgumentException.class, () -> new ResponsibilityMatrix(List.of(r, r)));
  }

  @Test
  @DisplayName("a rule's community scope covers only its own community")
  void scopeCoverage() {
    AreaRef scope = AreaRef.community(MEICHENG, XIAOQIAO);
    assertTrue(scope.covers(CASE_AREA));
    assertFalse(scope.covers(AreaRef.grid(MEICHENG, "OTHER", GRID)));
    assertFalse(scope.covers(AreaRef.township(MEICHENG)), "case without community is not covered");
    assertTrue(AreaRef.COUNTY.covers(AreaRef.COUNTY));
  }
}
