package cn.szcg.intake.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Whether a collector may report at an instant (R-09, Art 16 and 20). Checks, in this order, and
 * answers with the first failure: deactivated (停用) → not in that unit → unit contract not started /
 * ended or terminated → no certificate (未培训合格) → certificate not yet valid → certificate expired.
 * Dates are compared as calendar days in Asia/Shanghai, bounds inclusive.
 */
public final class CollectorEligibility {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private CollectorEligibility() {}

  public static Eligibility eligibility(Collector collector, CollectionUnit unit, Instant at) {
    LocalDate day = at.atZone(ZONE).toLocalDate();
    String who = collector.name() == null ? collector.id() : collector.name();
    if (collector.deactivated()) {
      return Eligibility.refused(
          Eligibility.Reason.DEACTIVATED,
          "信息采集员 " + who + " 已停用，不得上报",
          "collector " + who + " is deactivated and may not report");
    }
    if (unit == null || !unit.id().equals(collector.unitId())) {
      return Eligibility.refused(
          Eligibility.Reason.UNIT_MISMATCH,
          "信息采集员 " + who + " 不属于信息采集单位 " + (unit == null ? "（无）" : unit.name()),
          "collector "
              + who
              + " does not belong to collection unit "
              + (unit == null ? "(none)" : unit.name()));
    }
    if (day.isBefore(unit.contractFrom())) {
      return Eligibility.refused(
          Eligibility.Reason.UNIT_CONTRACT_NOT_STARTED,
          "信息采集单位 " + unit.name() + " 的合同自 " + unit.contractFrom() + " 起生效，尚未生效",
          "the contract of collection unit " + unit.name() + " starts on " + unit.contractFrom());
    }
    if (unit.terminated() || (unit.contractTo() != null && day.isAfter(unit.contractTo()))) {
      return Eligibility.refused(
          Eligibility.Reason.UNIT_CONTRACT_ENDED,
          "信息采集单位 "
              + unit.name()
              + " 的合同"
              + (unit.terminated() ? "已终止" : "已于 " + unit.contractTo() + " 到期"),
          "the contract of collection unit "
              + unit.name()
              + (unit.terminated() ? " was terminated" : " ended on " + unit.contractTo()));
    }
    Certificate cert = collector.certificate();
    if (cert == null) {
      return Eligibility.refused(
          Eligibility.Reason.UNCERTIFIED,
          "信息采集员 " + who + " 未取得培训合格证，不得从事信息采集（第十六条）",
          "collector " + who + " has not passed training and may not collect (Art 16)");
    }
    if (day.isBefore(cert.validFrom())) {
      return Eligibility.refused(
          Eligibility.Reason.CERTIFICATE_NOT_YET_VALID,
          "培训合格证 " + cert.number() + " 自 " + cert.validFrom() + " 起生效",
          "certificate " + cert.number() + " is valid only from " + cert.validFrom());
    }
    if (cert.validTo() != null && day.isAfter(cert.validTo())) {
      return Eligibility.refused(
          Eligibility.Reason.CERTIFICATE_EXPIRED,
          "培训合格证 " + cert.number() + " 已于 " + cert.validTo() + " 过期",
          "certificate " + cert.number() + " expired on " + cert.validTo());
    }
    return Eligibility.allowedToReport();
  }
}
