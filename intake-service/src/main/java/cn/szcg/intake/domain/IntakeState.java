package cn.szcg.intake.domain;

/** States of an arrival in intake (R-03 steps 1–2: collection, verification and filing). */
public enum IntakeState {
  /** 已登记: registered with a number and a timestamp. */
  REGISTERED("已登记", "registered", false),
  /** 待核实: a collector was asked to verify a public report on site. */
  VERIFICATION_PENDING("待核实", "verification pending", false),
  /** 核实属实: the collector confirmed the problem. */
  VERIFIED("核实属实", "verified", false),
  /** 核实不属实: the collector found no such problem (may be re-verified or rejected). */
  REFUTED("核实不属实", "refuted", false),
  /** 已立案: filed against the filing standard; dispatch takes over. */
  FILED("已立案", "filed", true),
  /** 不予立案: not filed, with a reason. */
  REJECTED("不予立案", "rejected", true),
  /** 已合并: merged into another case as a duplicate. */
  MERGED("已合并", "merged", true),
  /** 已答复: a consultation answered and closed by the operator. */
  ANSWERED("已答复", "answered", true);

  private final String nameZh;
  private final String nameEn;
  private final boolean terminal;

  IntakeState(String nameZh, String nameEn, boolean terminal) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
    this.terminal = terminal;
  }

  public BilingualText displayName() {
    return new BilingualText(nameZh, nameEn);
  }

  /** Whether no further intake action is possible. */
  public boolean isTerminal() {
    return terminal;
  }

  /**
   * Whether a case in this state can still absorb duplicates (not rejected, merged or answered). A
   * FILED case counts until dispatch closes it; the caller passes only cases not yet closed.
   */
  public boolean acceptsDuplicates() {
    return this == REGISTERED || this == VERIFICATION_PENDING || this == VERIFIED || this == FILED;
  }
}
