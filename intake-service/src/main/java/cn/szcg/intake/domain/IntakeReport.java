package cn.szcg.intake.domain;

import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.ReportKind;
import cn.szcg.contracts.events.TimeLimit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An arrival in intake and its lifecycle (R-03 steps 1–2, R-04, R-05, R-08, R-20). Immutable: every
 * action returns the next version of the report and appends to {@link #history()}.
 *
 * <pre>
 *                      ┌──────────── REQUEST_VERIFICATION ───────────┐
 *  REGISTERED ─────────┤                                             ▼
 *   │ │ │ │            │        VERIFICATION_PENDING ── COMPLETE ──► VERIFIED ──► FILED / REJECTED / MERGED
 *   │ │ │ └─ ANSWER ─► ANSWERED (consultations only)   └─ refuted ─► REFUTED ──► REJECTED or re-verify
 *   │ │ └── MERGE ───► MERGED
 *   │ └──── REJECT ──► REJECTED (reason; "unfounded" for false collector reports, R-08)
 *   └────── FILE ────► FILED    (category, catalogue version, emergency flag, handling limit)
 * </pre>
 *
 * <p>Guards:
 *
 * <ul>
 *   <li>A consultation (咨询) is never filed, verified or merged: only ANSWER or REJECT.
 *   <li>A public-channel report (media, website, Weibo, hotline) is filed only after verification
 *       confirmed it (VERIFIED). Override: a {@link Actor.Role#SHIFT_LEAD shift lead} (值班长) may
 *       file it from REGISTERED or VERIFICATION_PENDING with a written reason (e.g. a road collapse
 *       reported by phone cannot wait for a collector); the reason is kept on the report. A refuted
 *       report is never filed by override: re-verify it instead.
 *   <li>Collector (patrol), video and leader reports need no verification: FILE straight from
 *       REGISTERED (an operator may still ask for verification, then FILE waits for VERIFIED unless
 *       a shift lead overrides).
 *   <li>The emergency flag (突发事件, R-20) is fixed at filing: the decision's flag or else the
 *       category's default; an emergency's handling limit is converted to natural time.
 *   <li>"Unfounded" (虚报/假报, R-08) can only be set when rejecting a collector's report.
 * </ul>
 *
 * <p>Why one type at about 400 lines: it is the aggregate of the intake lifecycle — the state
 * diagram above and each guard are one table that must be read whole; the validations of the
 * individual fields already live in {@link IntakeValidator} and {@link CatalogueValidator}.
 */
public record IntakeReport(
    String caseId,
    String reportNo,
    Channel channel,
    ReportKind kind,
    String collectorId,
    Instant registeredAt,
    IntakeState state,
    String categoryCode,
    Integer catalogueVersion,
    boolean emergency,
    TimeLimit handlingLimit,
    String overrideReason,
    String rejectionReason,
    boolean unfounded,
    String mergedInto,
    String answer,
    List<IntakeTransition> history) {

  public IntakeReport {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(registeredAt, "registeredAt");
    Objects.requireNonNull(state, "state");
    history = history == null ? List.of() : List.copyOf(history);
  }

  /** A newly registered arrival (登记). {@code categoryCode} may be null until filing. */
  public static IntakeReport register(
      String caseId,
      String reportNo,
      Channel channel,
      ReportKind kind,
      String categoryCode,
      String collectorId,
      Instant registeredAt) {
    return new IntakeReport(
        caseId,
        reportNo,
        channel,
        kind,
        collectorId,
        registeredAt,
        IntakeState.REGISTERED,
        categoryCode,
        null,
        false,
        null,
        null,
        null,
        false,
        null,
        null,
        List.of());
  }

  public boolean isConsultation() {
    return kind == ReportKind.CONSULTATION;
  }

  /** Whether verification must confirm this report before an ordinary filing (public channels). */
  public boolean needsVerification() {
    return channel.isPublic() && !isConsultation();
  }

  /** Actions allowed now for an operator (without the shift-lead override). */
  public Set<IntakeAction> allowedActions() {
    return allowedActions(false);
  }

  /** Actions allowed now; {@code shiftLead} adds FILE where the override applies. */
  public Set<IntakeAction> allowedActions(boolean shiftLead) {
    Set<IntakeAction> s = EnumSet.noneOf(IntakeAction.class);
    if (isConsultation()) {
      if (state == IntakeState.REGISTERED) {
        s.add(IntakeAction.ANSWER);
        s.add(IntakeAction.REJECT);
      }
      return s;
    }
    switch (state) {
      case REGISTERED -> {
        s.add(IntakeAction.REQUEST_VERIFICATION);
        s.add(IntakeAction.REJECT);
        s.add(IntakeAction.MERGE);
        if (!needsVerification() || shiftLead) {
          s.add(IntakeAction.FILE);
        }
      }
      case VERIFICATION_PENDING -> {
        s.add(IntakeAction.COMPLETE_VERIFICATION);
        s.add(IntakeAction.REJECT);
        s.add(IntakeAction.MERGE);
        if (shiftLead) {
          s.add(IntakeAction.FILE);
        }
      }
      case VERIFIED -> {
        s.add(IntakeAction.FILE);
        s.add(IntakeAction.REJECT);
        s.add(IntakeAction.MERGE);
      }
      case REFUTED -> {
        s.add(IntakeAction.REQUEST_VERIFICATION);
        s.add(IntakeAction.REJECT);
      }
      default -> {
        // terminal
      }
    }
    return s;
  }

  /** 派发核实: a collector is asked to verify on site. */
  public IntakeReport requestVerification(Actor actor, Instant at) {
    guard(IntakeAction.REQUEST_VERIFICATION, actor);
    return next(
            IntakeState.VERIFICATION_PENDING, IntakeAction.REQUEST_VERIFICATION, actor, at, null)
        .build();
  }

  /** 核实反馈: the collector confirms ({@code VERIFIED}) or refutes ({@code REFUTED}). */
  public IntakeReport completeVerification(boolean confirmed, Actor collector, Instant at) {
    guard(IntakeAction.COMPLETE_VERIFICATION, collector);
    return next(
            confirmed ? IntakeState.VERIFIED : IntakeState.REFUTED,
            IntakeAction.COMPLETE_VERIFICATION,
            collector,
            at,
            confirmed ? "属实 confirmed" : "不属实 refuted")
        .build();
  }

  /**
   * 立案: files the report under the catalogue in force. Records the category, the catalogue version,
   * the emergency flag and the handling limit (natural time for emergencies, R-20).
   *
   * @throws IllegalIntakeTransitionException if the state, kind or role does not allow filing
   * @throws DomainValidationException if the category is missing or not in the catalogue, or an
   *     override has no reason
   */
  public IntakeReport file(FilingDecision decision, Catalogue catalogue, Actor actor, Instant at) {
    boolean shiftLead = actor.role() == Actor.Role.SHIFT_LEAD;
    guard(IntakeAction.FILE, actor);
    boolean override =
        (needsVerification() && state == IntakeState.REGISTERED)
            || state == IntakeState.VERIFICATION_PENDING;
    List<FieldViolation> v = new ArrayList<>();
    if (override && shiftLead && isBlank(decision.overrideReason())) {
      v.add(
          FieldViolation.of(
              "overrideReason",
              "required",
              "值班长未经核实立案须说明理由",
              "a shift lead filing before verification must give a reason"));
    }
    String code = isBlank(decision.categoryCode()) ? categoryCode : decision.categoryCode();
    Category category = null;
    if (isBlank(code)) {
      v.add(FieldViolation.of("categoryCode", "required", "立案必须选择问题分类", "filing needs a category"));
    } else {
      category = catalogue.find(code).orElse(null);
      if (category == null) {
        v.add(
            FieldViolation.of(
                "categoryCode",
                "unknown_category",
                "立案、结案规范第 " + catalogue.version() + " 版中没有分类 " + code,
                "category " + code + " is not in filing standard version " + catalogue.version()));
      }
    }
    if (!v.isEmpty()) {
      throw new DomainValidationException("无法立案", "cannot file", v);
    }
    boolean isEmergency =
        decision.emergency() != null ? decision.emergency() : category.emergency();
    TimeLimit limit =
        isEmergency
            ? TimeLimits.naturalEquivalent(category.handlingLimit())
            : category.handlingLimit();
    Builder b =
        next(
            IntakeState.FILED,
            IntakeAction.FILE,
            actor,
            at,
            override ? "值班长越权立案 shift-lead override: " + decision.overrideReason() : null);
    b.categoryCode = code;
    b.catalogueVersion = catalogue.version();
    b.emergency = isEmergency;
    b.handlingLimit = limit;
    b.overrideReason = override ? decision.overrideReason() : null;
    return b.build();
  }

  /**
   * 不予立案 with a reason. {@code unfounded} marks a false or unfounded collector report (虚报、假报,
   * R-08), counted against the collector and the collection unit.
   */
  public IntakeReport reject(String reason, boolean unfounded, Actor actor, Instant at) {
    guard(IntakeAction.REJECT, actor);
    List<FieldViolation> v = new ArrayList<>();
    if (isBlank(reason)) {
      v.add(FieldViolation.of("reason", "required", "不予立案须说明理由", "a rejection needs a reason"));
    }
    if (unfounded && collectorId == null) {
      v.add(
          FieldViolation.of(
              "unfounded",
              "not_collector_report",
              "只有信息采集员的上报才能认定为虚报、假报",
              "only a collector's report can be marked unfounded"));
    }
    if (!v.isEmpty()) {
      throw new DomainValidationException("无法不予立案", "cannot reject", v);
    }
    Builder b = next(IntakeState.REJECTED, IntakeAction.REJECT, actor, at, reason);
    b.rejectionReason = reason;
    b.unfounded = unfounded;
    return b.build();
  }

  /** 合并: a duplicate merged into another open case; its reporter still gets the outcome. */
  public IntakeReport merge(String intoCaseId, Actor actor, Instant at) {
    guard(IntakeAction.MERGE, actor);
    if (isBlank(intoCaseId) || intoCaseId.equals(caseId)) {
      throw new DomainValidationException(
          "无法合并",
          "cannot merge",
          List.of(
              FieldViolation.of(
                  "intoCaseId",
                  isBlank(intoCaseId) ? "required" : "self",
                  "必须指定另一个案件作为合并目标",
                  "another case must be given as the merge target")));
    }
    Builder b = next(IntakeState.MERGED, IntakeAction.MERGE, actor, at, intoCaseId);
    b.mergedInto = intoCaseId;
    return b.build();
  }

  /** 答复: a consultation answered and closed by the operator; never filed. */
  public IntakeReport answer(String answerText, Actor actor, Instant at) {
    guard(IntakeAction.ANSWER, actor);
    if (isBlank(answerText)) {
      throw new DomainValidationException(
          "无法答复",
          "cannot answer",
          List.of(FieldViolation.of("answer", "required", "必须填写答复内容", "an answer is required")));
    }
    Builder b = next(IntakeState.ANSWERED, IntakeAction.ANSWER, actor, at, null);
    b.answer = answerText;
    return b.build();
  }

  private void guard(IntakeAction action, Actor actor) {
    Objects.requireNonNull(actor, "actor");
    boolean shiftLead = actor.role() == Actor.Role.SHIFT_LEAD;
    Set<IntakeAction> allowed = allowedActions(shiftLead);
    if (allowed.contains(action)) {
      return;
    }
    throw new IllegalIntakeTransitionException(state, action, allowed, why(action, shiftLead));
  }

  private BilingualText why(IntakeAction action, boolean shiftLead) {
    if (state.isTerminal()) {
      return new BilingualText("已办结，不能再操作", "the report is already closed in intake");
    }
    if (isConsultation() && action != IntakeAction.ANSWER && action != IntakeAction.REJECT) {
      return new BilingualText(
          "咨询件只能答复或不予受理，不能核实、立案或合并",
          "a consultation can only be answered or rejected, never verified, filed or merged");
    }
    if (!isConsultation() && action == IntakeAction.ANSWER) {
      return new BilingualText("只有咨询件可以直接答复", "only consultations are answered");
    }
    if (action == IntakeAction.FILE && state == IntakeState.REFUTED) {
      return new BilingualText(
          "核实不属实的上报不能立案，请重新派发核实或不予立案", "a refuted report cannot be filed; re-verify or reject it");
    }
    if (action == IntakeAction.FILE && !shiftLead) {
      return new BilingualText(
          "公众诉求须经现场核实属实后才能立案（值班长可说明理由越权立案）",
          "a public report is filed only after verification confirms it (a shift lead may override"
              + " with a reason)");
    }
    if (action == IntakeAction.COMPLETE_VERIFICATION) {
      return new BilingualText("尚未派发核实", "no verification is pending");
    }
    return new BilingualText("当前状态不允许该操作", "not allowed in this state");
  }

  private Builder next(IntakeState to, IntakeAction action, Actor actor, Instant at, String note) {
    Objects.requireNonNull(at, "at");
    Builder b = new Builder(this);
    b.state = to;
    List<IntakeTransition> h = new ArrayList<>(history);
    h.add(new IntakeTransition(state, to, action, actor.id(), at, note));
    b.history = h;
    return b;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static final class Builder {
    private final IntakeReport r;
    IntakeState state;
    String categoryCode;
    Integer catalogueVersion;
    boolean emergency;
    TimeLimit handlingLimit;
    String overrideReason;
    String rejectionReason;
    boolean unfounded;
    String mergedInto;
    String answer;
    List<IntakeTransition> history;

    Builder(IntakeReport r) {
      this.r = r;
      state = r.state;
      categoryCode = r.categoryCode;
      catalogueVersion = r.catalogueVersion;
      emergency = r.emergency;
      handlingLimit = r.handlingLimit;
      overrideReason = r.overrideReason;
      rejectionReason = r.rejectionReason;
      unfounded = r.unfounded;
      mergedInto = r.mergedInto;
      answer = r.answer;
      history = r.history;
    }

    IntakeReport build() {
      return new IntakeReport(
          r.caseId,
          r.reportNo,
          r.channel,
          r.kind,
          r.collectorId,
          r.registeredAt,
          state,
          categoryCode,
          catalogueVersion,
          emergency,
          handlingLimit,
          overrideReason,
          rejectionReason,
          unfounded,
          mergedInto,
          answer,
          history);
    }
  }
}
