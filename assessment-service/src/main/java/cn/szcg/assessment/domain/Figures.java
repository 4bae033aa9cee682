package cn.szcg.assessment.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The counters of one subject (a responsible unit, or whatever {@link FiguresBook} keys by) in one
 * cell (period × category × township). A mergeable counter record: {@link #plus} is associative and
 * commutative with {@link #ZERO} as identity, and {@link #apply} adds a fact's {@link
 * FactEvent#delta() delta} — so figures maintained incrementally from events equal figures
 * recomputed from the full history, in any order and any grouping.
 *
 * <p>Per order the classes are exclusive: once due, an order is exactly one of handled on time,
 * overdue, or expired-not-handled; hence 应处置 = 按期处置 + 逾期处置 + 过期未处置 ({@link #toHandle()}).
 *
 * @param received orders received (收到批办件): dispatch orders sent to the unit
 * @param signedOnTime signed for on time (按时签收): read and received within 1 working hour
 * @param signedLate signed for late (超时签收)
 * @param returnsRequested returns asked (申请回退, R-16)
 * @param returnsApproved returns approved (批准回退): the order left the unit
 * @param returnsRefused returns refused (驳回回退): the unit (or department) had to go on
 * @param handled handled (已处置): the unit's handling passed the on-site check
 * @param handledOnTime handled on time (按期处置): passed the check, finished within the limit, at most
 *     one failed check before
 * @param overdueHandling overdue handling (逾期处置): finished after the limit, or failed the on-site
 *     check twice (Art 33(2)); at most once per order
 * @param expiredUnhandled expired and not handled (过期未处置): limit passed, no accepted handling yet
 *     and not already overdue; an order leaves this count when it becomes overdue
 * @param checked to be closed (应结案): orders whose handling got a first on-site check result
 * @param reworked not to standard (返工): orders whose first on-site check failed
 * @param checksFailed failed on-site checks in total (核查不通过次数)
 * @param extensionsGranted extensions granted in total (批准延期次数)
 * @param extendedOrders orders with at least one extension (延期件)
 * @param satisfied public satisfaction: satisfied (满意)
 * @param basicallySatisfied public satisfaction: basically satisfied (基本满意)
 * @param dissatisfied public satisfaction: dissatisfied (不满意)
 */
public record Figures(
    long received,
    long signedOnTime,
    long signedLate,
    long returnsRequested,
    long returnsApproved,
    long returnsRefused,
    long handled,
    long handledOnTime,
    long overdueHandling,
    long expiredUnhandled,
    long checked,
    long reworked,
    long checksFailed,
    long extensionsGranted,
    long extendedOrders,
    long satisfied,
    long basicallySatisfied,
    long dissatisfied) {

  /** The identity of {@link #plus}. */
  public static final Figures ZERO =
      new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** The names of the counters, for building deltas. */
  public enum Counter {
    RECEIVED,
    SIGNED_ON_TIME,
    SIGNED_LATE,
    RETURNS_REQUESTED,
    RETURNS_APPROVED,
    RETURNS_REFUSED,
    HANDLED,
    HANDLED_ON_TIME,
    OVERDUE_HANDLING,
    EXPIRED_UNHANDLED,
    CHECKED,
    REWORKED,
    CHECKS_FAILED,
    EXTENSIONS_GRANTED,
    EXTENDED_ORDERS,
    SATISFIED,
    BASICALLY_SATISFIED,
    DISSATISFIED
  }

  /** A figures record with one counter set to {@code amount} (may be negative in a delta). */
  public static Figures of(Counter counter, long amount) {
    long[] v = new long[Counter.values().length];
    v[counter.ordinal()] = amount;
    return fromArray(v);
  }

  /** This plus {@code amount} on one counter. */
  public Figures add(Counter counter, long amount) {
    return plus(of(counter, amount));
  }

  public long get(Counter counter) {
    return switch (counter) {
      case RECEIVED -> received;
      case SIGNED_ON_TIME -> signedOnTime;
      case SIGNED_LATE -> signedLate;
      case RETURNS_REQUESTED -> returnsRequested;
      case RETURNS_APPROVED -> returnsApproved;
      case RETURNS_REFUSED -> returnsRefused;
      case HANDLED -> handled;
      case HANDLED_ON_TIME -> handledOnTime;
      case OVERDUE_HANDLING -> overdueHandling;
      case EXPIRED_UNHANDLED -> expiredUnhandled;
      case CHECKED -> checked;
      case REWORKED -> reworked;
      case CHECKS_FAILED -> checksFailed;
      case EXTENSIONS_GRANTED -> extensionsGranted;
      case EXTENDED_ORDERS -> extendedOrders;
      case SATISFIED -> satisfied;
      case BASICALLY_SATISFIED -> basicallySatisfied;
      case DISSATISFIED -> dissatisfied;
    };
  }

  /** Component-wise sum: associative, commutative, {@link #ZERO} is the identity. */
  public Figures plus(Figures o) {
    return new Figures(
        received + o.received,
        signedOnTime + o.signedOnTime,
        signedLate + o.signedLate,
        returnsRequested + o.returnsRequested,
        returnsApproved + o.returnsApproved,
        returnsRefused + o.returnsRefused,
        handled + o.handled,
        handledOnTime + o.handledOnTime,
        overdueHandling + o.overdueHandling,
        expiredUnhandled + o.expiredUnhandled,
        checked + o.checked,
        reworked + o.reworked,
        checksFailed + o.checksFailed,
        extensionsGranted + o.extensionsGranted,
        extendedOrders + o.extendedOrders,
        satisfied + o.satisfied,
        basicallySatisfied + o.basicallySatisfied,
        dissatisfied + o.dissatisfied);
  }

  /** The pure incremental step: {@code figures.plus(fact.delta())}. */
  public static Figures apply(Figures figures, FactEvent fact) {
    return figures.plus(fact.delta());
  }

  /** Recomputation from a full history: the fold of {@link #apply} from {@link #ZERO}. */
  public static Figures recompute(Iterable<? extends FactEvent> facts) {
    Figures f = ZERO;
    for (FactEvent e : facts) {
      f = apply(f, e);
    }
    return f;
  }

  private static Figures fromArray(long[] v) {
    return new Figures(
        v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13],
        v[14], v[15], v[16], v[17]);
  }

  /** 应处置 (to be handled): orders that are due = 按期处置 + 逾期处置 + 过期未处置. */
  public long toHandle() {
    return handledOnTime + overdueHandling + expiredUnhandled;
  }

  /** 应办 (assigned): orders received and not returned = received − returns approved. */
  public long assigned() {
    return received - returnsApproved;
  }

  /** 在办未到期 (pending): assigned orders not yet due (inside their limit, not yet accepted). */
  public long pending() {
    return assigned() - toHandle();
  }

  /** 签收 (signed for) = on time + late. */
  public long signedFor() {
    return signedOnTime + signedLate;
  }

  /** Satisfaction responses (回访评价数) = 满意 + 基本满意 + 不满意. */
  public long responses() {
    return satisfied + basicallySatisfied + dissatisfied;
  }

  /**
   * Invariant violations (empty when consistent): negative counters, more handled than due, more
   * reworked than checked, and the like — symptoms of missing or double-booked facts.
   */
  public List<String> inconsistencies() {
    List<String> out = new ArrayList<>();
    for (Counter c : Counter.values()) {
      if (get(c) < 0) {
        out.add(c + " < 0");
      }
    }
    if (handled > toHandle()) {
      out.add("handled > toHandle");
    }
    if (handled < handledOnTime) {
      out.add("handled < handledOnTime");
    }
    if (reworked > checked) {
      out.add("reworked > checked");
    }
    if (toHandle() > assigned()) {
      out.add("toHandle > assigned");
    }
    if (extendedOrders > extensionsGranted) {
      out.add("extendedOrders > extensionsGranted");
    }
    if (returnsApproved + returnsRefused > returnsRequested) {
      out.add("returnsApproved + returnsRefused > returnsRequested");
    }
    return out;
  }
}
