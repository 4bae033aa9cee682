package cn.szcg.dispatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The accountable people carried by DISPATCH / SIGN_FOR events. */
class AccountablePeopleTest {

  static final ContactPerson WU = new ContactPerson("p-wu", "吴海燕", null, "wu");
  static final ContactPerson LIN = new ContactPerson("p-lin", "林晓东", null, "lin");
  static final ContactPerson CHEN = new ContactPerson("p-chen", "陈建华", null, null);
  static final ContactPerson HUANG = new ContactPerson("p-huang", "黄志强", null, null);

  static Accountability acc(ContactPerson leader, ContactPerson head, List<ContactPerson> rcv) {
    return new Accountability(null, Instant.EPOCH, leader, head, rcv);
  }

  @Test
  void everyoneKnownIsNamed() {
    assertEquals(
        Map.of(
            "personOnDutyId", "p-wu",
            "personOnDutyName", "吴海燕",
            "leaderInChargeId", "p-chen",
            "leaderInChargeName", "陈建华",
            "headId", "p-huang",
            "headName", "黄志强"),
        AccountablePeople.of(acc(CHEN, HUANG, List.of(WU, LIN)), null));
  }

  @Test
  void theSigningReceiverIsThePersonOnDutyOtherwiseTheLongestOnDuty() {
    assertEquals(
        "p-lin",
        AccountablePeople.of(acc(null, null, List.of(WU, LIN)), "lin").get("personOnDutyId"));
    // a leader signing is not a receiver: the receiver on duty longest is named
    assertEquals(
        "p-wu",
        AccountablePeople.of(acc(null, null, List.of(WU, LIN)), "leader").get("personOnDutyId"));
  }

  @Test
  void unknownRolesAreOmitted() {
    Map<String, String> m = AccountablePeople.of(acc(CHEN, null, List.of()), "lin");
    assertEquals(Map.of("leaderInChargeId", "p-chen", "leaderInChargeName", "陈建华"), m);
    assertTrue(AccountablePeople.of(acc(null, null, List.of()), null).isEmpty());
  }
}
