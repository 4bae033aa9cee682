package cn.szcg.dispatch.domain;

import static org.junit.jupiter.api.Assertions.*;

import cn.szcg.dispatch.domain.UnitImport.ContactEntry;
import cn.szcg.dispatch.domain.UnitImport.Existing;
import cn.szcg.dispatch.domain.UnitImport.File;
import cn.szcg.dispatch.domain.UnitImport.Outcome;
import cn.szcg.dispatch.domain.UnitImport.RuleEntry;
import cn.szcg.dispatch.domain.UnitImport.UnitEntry;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The unit register file (责任单位导入, R-02, R-17, R-27) as a specification: validated completely
 * against the register before anything is written; every error names its row and field.
 */
class UnitImportTest {

  static final Instant NOW = Instant.parse("2027-01-04T01:00:00Z");

  static List<ContactEntry> people(String p) {
    return List.of(
        new ContactEntry("LEADER_IN_CHARGE", p + "-L", "陈建华", "0591-22330001", null),
        new ContactEntry("HEAD_OF_HANDLING_ORGAN", p + "-H", "林秀英", "0591-22330002", null),
        new ContactEntry("DAILY_RECEIVER", p + "-R1", "黄志强", "13805910001", "huangzq"),
        new ContactEntry("DAILY_RECEIVER", p + "-R2", "张丽娟", "+86 591 2233 0004", null));
  }

  static UnitEntry unit(String id, String kind, String parent) {
    return new UnitEntry(id, "单位" + id, kind, parent, "350124100", people(id));
  }

  static Outcome plan(File f, UnitRegister reg, Existing e) {
    return UnitImport.plan(f, reg, Set.of(), e, NOW, "admin1");
  }

  static Outcome plan(List<UnitEntry> units, List<RuleEntry> rules) {
    return plan(
        new File(null, null, units, rules),
        UnitRegister.empty(),
        Existing.REFUSE_UNITS_REPLACE_RULES);
  }

  static List<String> fields(Outcome o) {
    return o.errors().stream().map(UnitImport.Error::field).toList();
  }

  @Test
  @DisplayName("a valid file: units with their people from validFrom, departments, rules")
  void validFile() {
    // the department comes before its township body: order in the file does not matter
    Outcome o =
        plan(
            List.of(
                unit("T-1-ENV", "SUB_DEPARTMENT", "T-1"),
                unit("T-1", "TOWNSHIP_BODY", null),
                unit("U-W", "UTILITY", null)),
            List.of(new RuleEntry("C-0101", "C-0101", null, null, null, "U-W", "上水井盖")));
    assertTrue(o.ok(), o.errors().toString());
    assertEquals(3, o.plan().units().size());
    assertEquals(12, o.plan().contacts());
    UnitRecord w = o.plan().units().get(2);
    Accountability a = new UnitRegister(o.plan().units()).accountableAt("U-W", NOW);
    assertEquals("陈建华", a.leaderInCharge().name());
    assertEquals("林秀英", a.headOfHandlingOrgan().name());
    assertEquals(2, a.receivers().size());
    assertEquals("13805910001", a.receivers().get(0).phone());
    assertEquals(NOW, w.versions().get(0).validFrom());
    assertEquals("admin1", w.versions().get(0).recordedBy());
    assertEquals("U-W", o.plan().rules().get(0).unitId());
  }

  @Test
  @DisplayName("every error names the row and field; nothing is planned")
  void errorsNameRowAndField() {
    List<ContactEntry> bad = new ArrayList<>(people("X"));
    bad.set(0, new ContactEntry("LEADER_IN_CHARGE", "X-L", "陈建华", "call me", null));
    bad.set(2, new ContactEntry("DAILY_RECEIVER", "X-R1", " ", null, null));
    Outcome o =
        plan(
            List.of(
                unit("U-OK", "COMPANY", null),
                new UnitEntry("U-X", "坏单位", "COMPANY", null, null, bad),
                new UnitEntry("U-OK", "重复", "AGENCY", "T-9", null, people("Y")),
                new UnitEntry("D-1", "部门", "SUB_DEPARTMENT", "U-OK", null, people("Z"))),
            List.of(
                new RuleEntry("R-1", "C-01**", null, null, null, "U-NONE", null),
                new RuleEntry("R-2", "*", "350124100", null, null, "D-1", null),
                new RuleEntry("R-1", "*", null, null, null, "U-OK", null)));
    assertFalse(o.ok());
    assertNull(o.plan());
    assertEquals(
        List.of(
            "units[1].contacts[0].phone",
            "units[1].contacts[2].name",
            "units[1].contacts[2].phone",
            "units[2].unitId",
            "units[2].kind",
            "units[3].parentUnitId",
            "rules[0].categoryPattern",
            "rules[0].unitId",
            "rules[1].unitId",
            "rules[2].ruleId"),
        fields(o));
    UnitImport.Error phone = o.errors().get(0);
    assertEquals("invalid-format", phone.code());
    assertTrue(phone.message().contains("联系电话") && phone.message().contains("phone"));
    assertEquals("duplicate", o.errors().get(3).code());
    assertEquals("invalid-parent", o.errors().get(5).code());
    assertEquals("unknown-unit", o.errors().get(7).code());
    assertEquals("sub-department", o.errors().get(8).code());
  }

  @Test
  @DisplayName("R-27: one leader in charge, one head, at least one daily receiver, with phones")
  void theRegisteredPeople() {
    Outcome o =
        plan(
            List.of(
                new UnitEntry("U-1", "无接收人", "COMPANY", null, null, people("A").subList(0, 2)),
                new UnitEntry(
                    "U-2",
                    "两名领导",
                    "COMPANY",
                    null,
                    null,
                    List.of(
                        people("B").get(0),
                        new ContactEntry("LEADER_IN_CHARGE", "B-L2", "王明辉", "abc", null),
                        people("B").get(1),
                        people("B").get(2)))),
            List.of());
    assertEquals(
        List.of("units[0].contacts", "units[1].contacts[1].phone", "units[1].contacts"), fields(o));
    assertEquals("missing-daily-receiver", o.errors().get(0).code());
    assertEquals("several-leader-in-charge", o.errors().get(2).code());
  }

  @Test
  @DisplayName("a registered unit is refused by the import and kept by the demo seed")
  void existingUnitsAndRules() {
    Outcome first = plan(List.of(unit("U-W", "UTILITY", null)), List.of());
    UnitRegister reg = new UnitRegister(first.plan().units());
    File again =
        new File(
            null,
            null,
            List.of(unit("U-W", "UTILITY", null), unit("U-G", "UTILITY", null)),
            List.of(new RuleEntry("C-0107", "C-0107", null, null, null, "U-G", null)));
    Outcome refused =
        UnitImport.plan(
            again, reg, Set.of("C-0107"), Existing.REFUSE_UNITS_REPLACE_RULES, NOW, "a");
    assertEquals(List.of("units[0].unitId"), fields(refused));
    assertEquals("already-registered", refused.errors().get(0).code());
    Outcome kept = UnitImport.plan(again, reg, Set.of("C-0107"), Existing.KEEP, NOW, "seed");
    assertTrue(kept.ok(), kept.errors().toString());
    assertEquals(List.of("U-G"), kept.plan().units().stream().map(UnitRecord::unitId).toList());
    assertEquals(1, kept.plan().unitsKept());
    assertEquals(1, kept.plan().rulesKept());
    assertTrue(kept.plan().rules().isEmpty());
    // a rule may name a unit registered before
    Outcome rule =
        UnitImport.plan(
            new File(
                null,
                null,
                List.of(),
                again.rules().stream()
                    .map(
                        r ->
                            new RuleEntry(
                                r.ruleId(), r.categoryPattern(), null, null, null, "U-W", null))
                    .toList()),
            reg,
            Set.of("C-0107"),
            Existing.REFUSE_UNITS_REPLACE_RULES,
            NOW,
            "a");
    assertTrue(rule.ok(), rule.errors().toString());
    assertEquals(1, rule.plan().rules().size());
  }

  @Test
  @DisplayName("an empty file is an error")
  void empty() {
    assertEquals(List.of("units"), fields(plan(List.of(), List.of())));
  }

  @Test
  @DisplayName("the local demo's seed is a valid file of the same format")
  void theDemoSeedIsAnImportFile() throws Exception {
    File f;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("demo/units-minqing.json")) {
      f = new ObjectMapper().findAndRegisterModules().readValue(in, File.class);
    }
    Outcome o = UnitImport.plan(f, UnitRegister.empty(), Set.of(), Existing.KEEP, NOW, "seed");
    assertTrue(o.ok(), o.errors().toString());
    assertEquals(69, o.plan().units().size());
    assertEquals(52, o.plan().rules().size());
    assertEquals(Instant.parse("2026-01-01T00:00:00Z"), f.validFrom());
    assertTrue(f.description().contains("虚构"));
  }
}
