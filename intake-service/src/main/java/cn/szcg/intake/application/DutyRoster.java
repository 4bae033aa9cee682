package cn.szcg.intake.application;

import cn.szcg.contracts.events.CollectorDutyRecorded;
import cn.szcg.intake.domain.BilingualText;
import cn.szcg.intake.domain.DomainValidationException;
import cn.szcg.intake.domain.DutyRosterRules;
import cn.szcg.intake.domain.DutyShift;
import cn.szcg.intake.domain.FieldViolation;
import cn.szcg.intake.infra.DutyShifts;
import cn.szcg.intake.infra.DutyShifts.Stored;
import cn.szcg.platform.outbox.Outbox;
import cn.szcg.platform.web.Problem;
import cn.szcg.platform.web.ProblemException;
import cn.szcg.platform.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Use cases of the collectors' duty roster (排班, issue 7): record, correct and cancel shifts under
 * {@link DutyRosterRules}, one transaction each, and publish every change as {@link
 * CollectorDutyRecorded} through the outbox in that transaction (key = shift id). A collector's
 * shifts are changed under a row lock on the collector ({@link DutyShifts#lockCollector}), so two
 * concurrent requests cannot both pass the overlap check. The rows are {@link DutyShifts}'.
 */
@ApplicationScoped
public class DutyRoster {

  @Inject DutyShifts shifts;
  @Inject Outbox outbox;

  final DutyRosterRules rules = DutyRosterRules.minqingDefaults();

  @Transactional
  public Stored record(
      String collectorId, List<String> grids, Instant start, Instant end, String by) {
    Instant now = now();
    String unit = shifts.lockCollector(collectorId);
    check(unit != null, grids, start, end, now);
    refuseOverlap(collectorId, start, end, null);
    String id = UUID.randomUUID().toString();
    shifts.insert(id, collectorId, unit, grids, start, end, now, by);
    Stored s = shifts.find(id);
    changed(s, "RECORDED", null, now, by);
    return s;
  }

  @Transactional
  public Stored correct(
      String shiftId, List<String> grids, Instant start, Instant end, String reason, String by) {
    Instant now = now();
    Stored before = require(shiftId);
    String unit = shifts.lockCollector(before.shift().collectorId());
    before = require(shiftId);
    refuseUnchangeable(before.shift(), now);
    check(unit != null, grids, start, end, now);
    refuseOverlap(before.shift().collectorId(), start, end, shiftId);
    shifts.correct(shiftId, grids, start, end, reason, now, by);
    Stored s = shifts.find(shiftId);
    changed(s, "CORRECTED", reason, now, by);
    return s;
  }

  @Transactional
  public Stored cancel(String shiftId, String reason, String by) {
    Instant now = now();
    Stored before = require(shiftId);
    shifts.lockCollector(before.shift().collectorId());
    before = require(shiftId);
    refuseUnchangeable(before.shift(), now);
    shifts.cancel(shiftId, reason, now, by);
    Stored s = shifts.find(shiftId);
    changed(s, "CANCELLED", reason, now, by);
    return s;
  }

  /** The change goes into the shift's history and out as {@link CollectorDutyRecorded}. */
  private void changed(Stored s, String action, String reason, Instant at, String by) {
    shifts.recordChange(s, action, reason, at, by);
    outbox.publish(
        s.shift().shiftId(),
        new CollectorDutyRecorded(
            s.shift().shiftId(),
            s.revision(),
            s.shift().collectorId(),
            s.collectionUnitId(),
            s.shift().gridCodes(),
            s.shift().start(),
            s.shift().end(),
            s.shift().cancelled(),
            reason,
            at,
            by),
        at);
  }

  private void check(boolean known, List<String> grids, Instant start, Instant end, Instant now) {
    List<FieldViolation> v = rules.validate(known, grids, start, end, now);
    if (!v.isEmpty()) {
      throw new DomainValidationException("班次无效", "invalid shift", v);
    }
  }

  private void refuseOverlap(String collectorId, Instant start, Instant end, String except) {
    List<DutyShift> mine =
        shifts.list(collectorId, start, end, 0, 1000).stream().map(Stored::shift).toList();
    List<DutyShift> clash = rules.overlapping(mine, start, end, except);
    if (!clash.isEmpty()) {
      DutyShift c = clash.get(0);
      String msg =
          "与该采集员的班次 "
              + c.shiftId()
              + "（"
              + c.start()
              + " – "
              + c.end()
              + "）重叠 / overlaps the collector's shift "
              + c.shiftId();
      throw new ProblemException(
          409,
          "conflict",
          Problems.TITLE_CONFLICT,
          msg,
          List.of(new Problem.FieldError("start", "overlaps", msg)));
    }
  }

  private void refuseUnchangeable(DutyShift s, Instant now) {
    BilingualText why = rules.changeable(s, now);
    if (why != null) {
      throw ProblemException.conflict(why + " (" + s.shiftId() + ")");
    }
  }

  private Stored require(String shiftId) {
    Stored s = shifts.find(shiftId);
    if (s == null) {
      throw ProblemException.notFound("duty shift", shiftId);
    }
    return s;
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
