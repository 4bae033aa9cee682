package cn.szcg.assessment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * the people a notice names — the unit's registered leader in charge and head as
 * dispatch names them, the person on duty being whoever signed for the order.
 */
class OrderPeopleTest {

  static final Map<String, String> DISPATCH =
      Map.of(
          "personOnDutyId", "recv1",
          "personOnDutyName", "王接收",
          "leaderInChargeId", "lead1",
          "leaderInChargeName", "李分管",
          "headId", "head1",
          "headName", "张主任");

  @Test
  @DisplayName("a dispatch names the register's people")
  void dispatchNamesTheRegister() {
    OrderPeople p = OrderPeople.NONE.named(DISPATCH, null, false);
    assertEquals(new OrderPeople("recv1", "王接收", "lead1", "李分管", "head1", "张主任"), p);
    assertEquals("王接收", p.contacts().personOnDuty().name());
    assertEquals("lead1", p.contacts().leaderInCharge().personId());
    assertEquals("head1", p.contacts().head().personId());
  }

  @Test
  @DisplayName("the user who signed for the order becomes the person on duty (责任人)")
  void signerIsThePersonOnDuty() {
    OrderPeople p = OrderPeople.NONE.named(DISPATCH, null, false).named(Map.of(), "u7", true);
    assertEquals("u7", p.onDutyId());
    assertNull(p.onDutyName(), "the receiver's name is not the signer's");
    assertEquals("lead1", p.leaderId(), "leaders stay as registered");
  }

  @Test
  @DisplayName("a later dispatch's receiver does not replace the person who signed")
  void signerKeepsPrecedence() {
    OrderPeople signed = OrderPeople.NONE.named(Map.of(), "u7", true);
    OrderPeople p = signed.named(DISPATCH, null, false);
    assertEquals("u7", p.onDutyId());
    assertEquals("lead1", p.leaderId());
  }

  @Test
  @DisplayName("blank ids are no one; nobody named: no contacts")
  void blankIsNobody() {
    OrderPeople p =
        OrderPeople.NONE.named(Map.of("headId", " ", "leaderInChargeId", ""), null, false);
    assertEquals(OrderPeople.NONE, p);
    assertNull(p.contacts().personOnDuty());
    assertNull(p.contacts().head());
  }
}
