package cn.szcg.assessment.domain;

import java.util.Map;

/**
 * The unit's people known for an order track, as dispatch-service named them (R-27, Art 36: the
 * unit registers its leader in charge 分管领导, its head 单位主要负责人 and its daily receivers 责任人 on duty);
 * the people an accountability notice names. Ids and names may each be null.
 */
public record OrderPeople(
    String onDutyId,
    String onDutyName,
    String leaderId,
    String leaderName,
    String headId,
    String headName) {

  /** Nobody known yet. */
  public static final OrderPeople NONE = new OrderPeople(null, null, null, null, null, null);

  /** The people as a notice names them. */
  public UnitContacts contacts() {
    return new UnitContacts(
        person(onDutyId, onDutyName), person(leaderId, leaderName), person(headId, headName));
  }

  private static PersonRef person(String id, String name) {
    return id == null ? null : new PersonRef(id, name);
  }

  /**
   * The register as an event names it ({@code personOnDutyId/Name}, {@code leaderInChargeId/Name},
   * {@code headId/Name} of a DISPATCH or SIGN_FOR, each may be absent): leader in charge and head
   * when given; the person on duty from {@code actor} (the user who signed for the order, R-13) or
   * else the data's receiver on duty — the latter only when no one is named yet (a sign-for's
   * person keeps precedence).
   */
  public OrderPeople named(Map<String, String> data, String actor, boolean signFor) {
    Map<String, String> d = data == null ? Map.of() : data;
    String dataOnDuty = blankToNull(d.get("personOnDutyId"));
    String dataOnDutyName = blankToNull(d.get("personOnDutyName"));
    String id = onDutyId;
    String name = onDutyName;
    String candidate = signFor ? (actor != null ? actor : dataOnDuty) : dataOnDuty;
    if (candidate != null && (signFor || onDutyId == null)) {
      if (!candidate.equals(onDutyId)) {
        name = null;
      }
      id = candidate;
      if (candidate.equals(dataOnDuty) && dataOnDutyName != null) {
        name = dataOnDutyName;
      }
    }
    String lid = blankToNull(d.get("leaderInChargeId"));
    String hid = blankToNull(d.get("headId"));
    return new OrderPeople(
        id,
        name,
        lid != null ? lid : leaderId,
        lid != null ? blankToNull(d.get("leaderInChargeName")) : leaderName,
        hid != null ? hid : headId,
        hid != null ? blankToNull(d.get("headName")) : headName);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
