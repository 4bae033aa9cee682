package cn.szcg.contracts.events;

/** Kind of an arrival: report (举报), complaint (投诉) or consultation (咨询). */
public enum ReportKind {
  REPORT,
  COMPLAINT,
  /** Answered and closed by the operator, never filed. */
  CONSULTATION
}
