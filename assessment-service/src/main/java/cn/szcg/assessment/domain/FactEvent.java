package cn.szcg.assessment.domain;

import cn.szcg.assessment.domain.Figures.Counter;
import java.time.Instant;
import java.util.Objects;

/**
 * A small domain fact about one dispatch order of a responsible unit, mapped by the service from
 * the Kafka events ({@code cases}, {@code clocks}). Each fact knows its own {@link #delta()}; a
 * fact never reads other facts, so the figures are a pure fold. The few flags a fact carries
 * (attempt number, expired before, first extension) come from the order's small state, kept by
 * {@link OrderTrack} — use it to produce the facts rather than setting flags by hand.
 *
 * <p>All facts of an order are counted in the period of {@link OrderRef#receivedAt()} (see {@link
 * OrderRef}).
 */
public sealed interface FactEvent {
  /** Unique id of the fact (derive it from the source event id, e.g. "evt-123:handled"). */
  String factId();

  OrderRef ref();

  /** When it happened (for the record; attribution uses {@code ref().receivedAt()}). */
  Instant at();

  /** What this fact adds to the figures of its cells (may subtract, to move an order). */
  Figures delta();

  private static void require(String factId, OrderRef ref, Instant at) {
    Objects.requireNonNull(factId, "factId");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(at, "at");
  }

  /** The unit received a dispatch order (批办件): 收到 +1. */
  record OrderReceived(String factId, OrderRef ref, Instant at) implements FactEvent {
    public OrderReceived {
      require(factId, ref, at);
    }

    @Override
    public Figures delta() {
      return Figures.of(Counter.RECEIVED, 1);
    }
  }

  /**
   * The unit read and received the order (查阅接收, R-13); on time = within 1 working hour. Every
   * sign-for counts, including that of a re-dispatch after a failed check: {@code round} = 1 for
   * the first dispatch, 2 after one failed check, and so on.
   */
  record SignedFor(String factId, OrderRef ref, Instant at, boolean onTime, int round)
      implements FactEvent {
    public SignedFor {
      require(factId, ref, at);
      if (round < 1) {
        throw new IllegalArgumentException("round starts at 1");
      }
    }

    @Override
    public Figures delta() {
      return Figures.of(onTime ? Counter.SIGNED_ON_TIME : Counter.SIGNED_LATE, 1);
    }
  }

  /** The unit asked to return the order (申请回退, R-16). */
  record ReturnRequested(String factId, OrderRef ref, Instant at) implements FactEvent {
    public ReturnRequested {
      require(factId, ref, at);
    }

    @Override
    public Figures delta() {
      return Figures.of(Counter.RETURNS_REQUESTED, 1);
    }
  }

  /** The center approved the return: the order leaves the unit (应办 −1). */
  record ReturnApproved(String factId, OrderRef ref, Instant at) implements FactEvent {
    public ReturnApproved {
      require(factId, ref, at);
    }

    @Override
    public Figures delta() {
      return Figures.of(Counter.RETURNS_APPROVED, 1);
    }
  }

  /**
   * The return asked was refused (驳回回退, R-16; for a sub-order by the township body, Art 25): the
   * order stays with the unit (department), which goes on.
   */
  record ReturnRefused(String factId, OrderRef ref, Instant at) implements FactEvent {
    public ReturnRefused {
      require(factId, ref, at);
    }

    @Override
    public Figures delta() {
      return Figures.of(Counter.RETURNS_REFUSED, 1);
    }
  }

  /** An extension of the handling limit was granted (批准延期). */
  record ExtensionGranted(String factId, OrderRef ref, Instant at, boolean firstForOrder)
      implements FactEvent {
    public ExtensionGranted {
      require(factId, ref, at);
    }

    @Override
    public Figures delta() {
      Figures d = Figures.of(Counter.EXTENSIONS_GRANTED, 1);
      return firstForOrder ? d.add(Counter.EXTENDED_ORDERS, 1) : d;
    }
  }

  /**
   * The handling limit passed with no accepted handling (clock breached): 过期未处置 +1 — unless the
   * order is already overdue by two failed checks ({@code failedChecksBefore >= 2}), then nothing.
   */
  record Expired(String factId, OrderRef ref, Instant at, int failedChecksBefore)
      implements FactEvent {
    public Expired {
      require(factId, ref, at);
    }

    @Override
    public Figures delta() {
      return failedChecksBefore >= 2 ? Figures.ZERO : Figures.of(Counter.EXPIRED_UNHANDLED, 1);
    }
  }

  /**
   * An on-site check of the unit's handling failed (核查不通过, R-15). Attempt 1: 应结案 +1 and 返工 +1.
   * Attempt 2: 逾期处置 +1 (Art 33(2) "再次处置仍不符合规范要求"), moving the order out of 过期未处置 if it had expired.
   * Every attempt: 核查不通过次数 +1.
   */
  record CheckFailed(String factId, OrderRef ref, Instant at, int attempt, boolean expiredBefore)
      implements FactEvent {
    public CheckFailed {
      require(factId, ref, at);
      if (attempt < 1) {
        throw new IllegalArgumentException("attempt starts at 1");
      }
    }

    @Override
    public Figures delta() {
      Figures d = Figures.of(Counter.CHECKS_FAILED, 1);
      if (attempt == 1) {
        d = d.add(Counter.CHECKED, 1).add(Counter.REWORKED, 1);
      } else if (attempt == 2) {
        d = d.add(Counter.OVERDUE_HANDLING, 1);
        if (expiredBefore) {
          d = d.add(Counter.EXPIRED_UNHANDLED, -1);
        }
      }
      return d;
    }
  }

  /**
   * The unit's handling passed the on-site check (核查通过): 已处置 +1. {@code attempt} is the number of
   * this (passing) check, 1 = first check; {@code onTime} = the handling was finished within the
   * limit (including granted extensions). If {@code attempt >= 3} the order was already counted
   * overdue at its second failed check and only 已处置 moves. Otherwise: expired before → moves from
   * 过期未处置 to 逾期处置; on time → 按期处置 +1; late → 逾期处置 +1. Attempt 1 also counts 应结案 +1.
   */
  record Handled(
      String factId, OrderRef ref, Instant at, boolean onTime, int attempt, boolean expiredBefore)
      implements FactEvent {
    public Handled {
      require(factId, ref, at);
      if (attempt < 1) {
        throw new IllegalArgumentException("attempt starts at 1");
      }
    }

    @Override
    public Figures delta() {
      Figures d = Figures.of(Counter.HANDLED, 1);
      if (attempt == 1) {
        d = d.add(Counter.CHECKED, 1);
      }
      if (attempt >= 3) {
        return d;
      }
      if (expiredBefore) {
        return d.add(Counter.EXPIRED_UNHANDLED, -1).add(Counter.OVERDUE_HANDLING, 1);
      }
      return d.add(onTime ? Counter.HANDLED_ON_TIME : Counter.OVERDUE_HANDLING, 1);
    }
  }

  /**
   * A department reported its sub-order (二级批办件) back to its township body (二级反馈, R-02, Art 25): 已处置
   * +1. A sub-order has no on-site check of its own (the collector checks the township body's
   * order), so it never counts 应结案 or 返工. {@code onTime} = the feedback came within the sub-order's
   * handling limit (its {@code SUB_HANDLING} clock stopped on time). Expired before → moves from
   * 过期未处置 to 逾期处置; else on time → 按期处置 +1, late → 逾期处置 +1.
   */
  record SubOrderHandled(
      String factId, OrderRef ref, Instant at, boolean onTime, boolean expiredBefore)
      implements FactEvent {
    public SubOrderHandled {
      require(factId, ref, at);
    }

    @Override
    public Figures delta() {
      Figures d = Figures.of(Counter.HANDLED, 1);
      if (expiredBefore) {
        return d.add(Counter.EXPIRED_UNHANDLED, -1).add(Counter.OVERDUE_HANDLING, 1);
      }
      return d.add(onTime ? Counter.HANDLED_ON_TIME : Counter.OVERDUE_HANDLING, 1);
    }
  }

  /** The public's satisfaction with the handling was recorded (回访评价). */
  record SatisfactionRecorded(String factId, OrderRef ref, Instant at, Satisfaction level)
      implements FactEvent {
    public SatisfactionRecorded {
      require(factId, ref, at);
      Objects.requireNonNull(level, "level");
    }

    @Override
    public Figures delta() {
      return Figures.of(
          switch (level) {
            case SATISFIED -> Counter.SATISFIED;
            case BASICALLY_SATISFIED -> Counter.BASICALLY_SATISFIED;
            case DISSATISFIED -> Counter.DISSATISFIED;
          },
          1);
    }
  }
}
