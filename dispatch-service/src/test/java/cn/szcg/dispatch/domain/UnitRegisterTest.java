package cn.szcg.dispatch.domain;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The unit register with history (R-27, Art 36): who answered for a unit on a given day. */
class UnitRegisterTest {

  static final Instant JAN1 = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant MAR1 = Instant.parse("2026-03-01T00:00:00Z");
  static final Instant JUN1 = Instant.parse("2026-06-01T00:00:00Z");
  static final Instant SEP1 = Instant.parse("2026-09-01T00:00:00Z");

  static final ContactPerson WANG = new ContactPerson("p-wang", "王伟", "13800000001", "wangwei");
  static final ContactPerson LI = new ContactPerson("p-li", "李娜", "13800000002", "lina");
  static final ContactPerson ZHANG = new ContactPerson("p-zhang", "张强", "13800000003", null);
  static final ContactPerson CHEN = new ContactPerson("p-chen", "陈静", "13800000004", "chenjing");

  static final Unit WATER = new Unit("U-WATER", "闽清县自来水公司", UnitKind.UTILITY, null, null, true);
  static final Unit MEICHENG =
      new Unit("U-MEICHENG", "梅城镇数字城管工作站", UnitKind.TOWNSHIP_BODY, null, "350124100", true);
  static final Unit MEICHENG_CM =
      new Unit("U-MEICHENG-CM", "梅城镇城管办", UnitKind.SUB_DEPARTMENT, "U-MEICHENG", "350124100", true);

  static UnitRecord water() {
    return UnitRecord.register(WATER, JAN1, JAN1, "admin")
        .assign(ContactRole.LEADER_IN_CHARGE, WANG, JAN1, JAN1, "admin")
        .assign(ContactRole.HEAD_OF_HANDLING_ORGAN, ZHANG, JAN1, JAN1, "admin")
        .assign(ContactRole.DAILY_RECEIVER, LI, JAN1, JAN1, "admin")
        // receiver Chen joins in March, Li leaves in June; leader changes in June
        .assign(ContactRole.DAILY_RECEIVER, CHEN, MAR1, MAR1, "admin")
        .end(ContactRole.DAILY_RECEIVER, "p-li", JUN1)
        .assign(ContactRole.LEADER_IN_CHARGE, LI, JUN1, JUN1.plusSeconds(86400), "admin");
  }

  @Test
  @DisplayName("receiver on a given day")
  void receiverOnAGivenDay() {
    UnitRecord r = water();
    assertEquals(List.of(LI), r.receiversAt(Instant.parse("2026-02-10T02:00:00Z")));
    assertEquals(List.of(LI, CHEN), r.receiversAt(Instant.parse("2026-04-10T02:00:00Z")));
    assertEquals(List.of(CHEN), r.receiversAt(Instant.parse("2026-07-10T02:00:00Z")));
    assertEquals(List.of(CHEN), r.receiversAt(JUN1), "end instant is exclusive");
    assertEquals(List.of(), r.receiversAt(Instant.parse("2025-12-31T00:00:00Z")));
  }

  @Test
  @DisplayName("leader in charge at an instant; the previous term ends when the next begins")
  void leaderHistory() {
    UnitRecord r = water();
    assertEquals(WANG, r.leaderInChargeAt(Instant.parse("2026-05-31T23:59:59Z")).orElseThrow());
    assertEquals(LI, r.leaderInChargeAt(JUN1).orElseThrow());
    List<ContactAssignment> h = r.history(ContactRole.LEADER_IN_CHARGE);
    assertEquals(2, h.size());
    assertEquals(JUN1, h.get(0).validTo());
    assertNull(h.get(1).validTo());
    assertEquals(ZHANG, r.headOfHandlingOrganAt(SEP1).orElseThrow());
  }

  @Test
  @DisplayName("a change of phone number keeps the old number in history")
  void contactDetailsChange() {
    ContactPerson wangNewPhone = new ContactPerson("p-wang", "王伟", "13900000009", "wangwei");
    UnitRecord r =
        UnitRecord.register(WATER, JAN1, JAN1, "admin")
            .assign(ContactRole.DAILY_RECEIVER, WANG, JAN1, JAN1, "admin")
            .assign(ContactRole.DAILY_RECEIVER, wangNewPhone, MAR1, MAR1, "admin");
    assertEquals(
        "13800000001", r.receiversAt(Instant.parse("2026-02-01T00:00:00Z")).get(0).phone());
    assertEquals(List.of(wangNewPhone), r.receiversAt(JUN1));
  }

  @Test
  void backdatedOrUnknownChangesRefused() {
    UnitRecord r = water();
    UnitRegisterException e =
        assertThrows(
            UnitRegisterException.class,
            () -> r.assign(ContactRole.LEADER_IN_CHARGE, ZHANG, MAR1, SEP1, "admin"));
    assertEquals("NOT_AFTER_LAST_CHANGE", e.code());
    assertEquals(
        "NO_SUCH_HOLDER",
        assertThrows(
                UnitRegisterException.class, () -> r.end(ContactRole.DAILY_RECEIVER, "p-li", SEP1))
            .code());
  }

  @Test
  @DisplayName("accountability: the unit as it was and who answered for it then")
  void accountableAt() {
    UnitRecord renamed =
        water()
            .changeUnit(
                new Unit("U-WATER", "闽清县供水有限公司", UnitKind.UTILITY, null, null, true),
                SEP1,
                SEP1,
                "admin");
    UnitRegister reg = UnitRegister.empty().with(renamed);
    Accountability a = reg.accountableAt("U-WATER", Instant.parse("2026-04-01T03:00:00Z"));
    assertEquals("闽清县自来水公司", a.unit().name());
    assertEquals(WANG, a.leaderInCharge());
    assertEquals(ZHANG, a.headOfHandlingOrgan());
    assertEquals(List.of(LI, CHEN), a.receivers());
    assertEquals("闽清县供水有限公司", reg.accountableAt("U-WATER", SEP1).unit().name());
    assertEquals(
        "NOT_YET_REGISTERED",
        assertThrows(
                UnitRegisterException.class,
                () -> reg.accountableAt("U-WATER", Instant.parse("2025-01-01T00:00:00Z")))
            .code());
    assertEquals(
        "UNKNOWN_UNIT",
        assertThrows(UnitRegisterException.class, () -> reg.accountableAt("U-X", SEP1)).code());
  }

  @Test
  @DisplayName("R-02 two levels: a sub-department belongs to a registered township body")
  void twoLevels() {
    UnitRegister reg =
        UnitRegister.empty()
            .register(WATER, JAN1, JAN1, "admin")
            .register(MEICHENG, JAN1, JAN1, "admin")
            .register(MEICHENG_CM, JAN1, JAN1, "admin");
    assertEquals(List.of(MEICHENG_CM), reg.subUnitsOf("U-MEICHENG"));
    assertEquals(List.of(), reg.subUnitsOf("U-WATER"));
    assertTrue(MEICHENG.kind().mayRedispatch());
    assertFalse(WATER.kind().mayRedispatch());
    Unit underUtility = new Unit("U-X", "x", UnitKind.SUB_DEPARTMENT, "U-WATER", null, true);
    assertEquals(
        "INVALID_PARENT",
        assertThrows(
                UnitRegisterException.class, () -> reg.register(underUtility, JAN1, JAN1, "admin"))
            .code());
    assertEquals(
        "DUPLICATE_UNIT",
        assertThrows(UnitRegisterException.class, () -> reg.register(WATER, SEP1, SEP1, "admin"))
            .code());
    assertThrows(
        IllegalArgumentException.class,
        () -> new Unit("U-Y", "y", UnitKind.SUB_DEPARTMENT, null, null, true));
  }
}
