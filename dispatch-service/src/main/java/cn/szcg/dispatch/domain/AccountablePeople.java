package cn.szcg.dispatch.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The people an order's unit answered with at an instant, as the {@code data} of the DISPATCH and
 * SIGN_FOR case events carries them for accountability notices. Keys (the contract
 * with assessment-service, each omitted when unknown):
 *
 * <ul>
 *   <li>{@code personOnDutyId}, {@code personOnDutyName}: a daily receiver on duty (批办件接收人员) — for
 *       SIGN_FOR the signing user when they are one of the receivers, otherwise (and for DISPATCH)
 *       the receiver on duty longest (earliest start);
 *   <li>{@code leaderInChargeId}, {@code leaderInChargeName}: 分管领导;
 *   <li>{@code headId}, {@code headName}: 处置机构负责人 (head of the handling organ).
 * </ul>
 *
 * Ids are the register's person ids (e.g. staff numbers).
 */
public final class AccountablePeople {

  public static final String PERSON_ON_DUTY_ID = "personOnDutyId";
  public static final String PERSON_ON_DUTY_NAME = "personOnDutyName";
  public static final String LEADER_IN_CHARGE_ID = "leaderInChargeId";
  public static final String LEADER_IN_CHARGE_NAME = "leaderInChargeName";
  public static final String HEAD_ID = "headId";
  public static final String HEAD_NAME = "headName";

  private AccountablePeople() {}

  /**
   * The data keys for {@code a}; {@code signingUserId} is the account of the user who signed for
   * the order (null for a dispatch).
   */
  public static Map<String, String> of(Accountability a, String signingUserId) {
    Map<String, String> out = new LinkedHashMap<>();
    ContactPerson onDuty = onDuty(a.receivers(), signingUserId);
    put(out, PERSON_ON_DUTY_ID, PERSON_ON_DUTY_NAME, onDuty);
    put(out, LEADER_IN_CHARGE_ID, LEADER_IN_CHARGE_NAME, a.leaderInCharge());
    put(out, HEAD_ID, HEAD_NAME, a.headOfHandlingOrgan());
    return out;
  }

  static ContactPerson onDuty(List<ContactPerson> receivers, String signingUserId) {
    if (signingUserId != null) {
      for (ContactPerson p : receivers) {
        if (signingUserId.equals(p.userId())) {
          return p;
        }
      }
    }
    return receivers.isEmpty() ? null : receivers.get(0);
  }

  private static void put(Map<String, String> out, String idKey, String nameKey, ContactPerson p) {
    if (p == null) {
      return;
    }
    out.put(idKey, p.personId());
    out.put(nameKey, p.name());
  }
}
