package cn.szcg.intake.infra;

import cn.szcg.intake.domain.CaseHolding;
import cn.szcg.platform.security.Caller;
import cn.szcg.platform.security.Roles;
import cn.szcg.platform.web.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * What the caller of this request may see and touch beyond its roles (docs/security.md):
 *
 * <ul>
 *   <li>the center's roles ({@link Roles#CENTER_ROLES}) see every report, the reporter's name and
 *       phone included;
 *   <li>a collector sees only the reports they submitted, the attachments of those and of the
 *       verification tasks given to them, and their own tasks (plus the open, unassigned ones any
 *       eligible collector may take) — anything else answers 404, as if it did not exist;
 *   <li>a unit user (unit roles, {@code unit_id}) whose unit holds or held an order of the case, or
 *       a department (下属部门) with a sub-order on it, and a collector ordered to check it (核查), read
 *       the report (what, where, category) and every attachment of it — while they hold it and
 *       afterwards ({@link CaseHolders}, R-13, R-14, R-15); not its history; any other unit or
 *       collector gets 404, as for a report that does not exist;
 *   <li>a machine client (hotline platform, county systems) attaches files only to the reports it
 *       registered itself;
 *   <li>nobody but the center ever gets the reporter's name or phone.
 * </ul>
 */
@RequestScoped
public class ReportAccess {

  @Inject Caller caller;
  @Inject CurrentActor current;
  @Inject CaseHolders holders;

  /** May see the public reporter's name and phone. */
  public boolean seesReporter() {
    return caller.isCenter();
  }

  /** Sees every report (no per-report check). */
  public boolean seesAll() {
    return caller.isCenter();
  }

  /**
   * Oversees the record (效能办 efficiency office, 县政府 county government; ): reads every
   * report with its photos and history, as a case's holder reads it — the problem, never the
   * reporter — and takes no step.
   */
  public boolean oversees() {
    return caller.hasAny(List.of(Roles.EFFICIENCY_OFFICE, Roles.COUNTY_GOVERNMENT));
  }

  /** Decides on reports (受理员, 值班长): the steps allowed now are shown to them. */
  public boolean decides() {
    return caller.has(Roles.OPERATOR) || caller.has(Roles.SHIFT_LEAD);
  }

  /** The collector id a collector-only caller is limited to, or null when not limited. */
  public String collectorScope() {
    if (seesAll()) {
      return null;
    }
    String c = caller.collectorId();
    // a collector token without its collector_id claim owns nothing
    return c == null ? "!no-collector" : c; // "!" never occurs in a collector id
  }

  /** The collector's own report (they submitted it). */
  public boolean isOwnReport(Report r) {
    String c = caller.collectorId();
    return caller.has(Roles.COLLECTOR) && c != null && c.equals(r.collectorId);
  }

  /**
   * The caller's unit holds or held an order or sub-order of case {@code caseId}, or the caller is
   * the collector ordered to check it (the case id is the report id).
   */
  public boolean holdsCase(UUID caseId) {
    String unit = caller.unit();
    if (unit != null
        && caller.hasAny(Roles.UNIT_ROLES)
        && holders.holds(
            caseId, unit, EnumSet.of(CaseHolding.Kind.UNIT, CaseHolding.Kind.DEPARTMENT))) {
      return true;
    }
    String c = caller.collectorId();
    return c != null
        && caller.has(Roles.COLLECTOR)
        && holders.holds(caseId, c, EnumSet.of(CaseHolding.Kind.COLLECTOR));
  }

  /**
   * May read the report and its attachments: the center, the overseers, its collector, a holder of
   * its case.
   */
  public boolean mayRead(Report r) {
    return seesAll() || oversees() || isOwnReport(r) || holdsCase(r.id);
  }

  /** The report, if the caller may read it; 404 otherwise (another's report does not exist). */
  public Report readable(UUID id) {
    Report r = Report.findById(id);
    if (r == null || !mayRead(r)) {
      throw ProblemException.notFound("report", id.toString());
    }
    return r;
  }

  /**
   * The report with its history (who did what): the center, the overseers and the collector who
   * submitted it only — a holder of the case reads the report, not the center's record of its work
   * (404).
   */
  public Report readableWithHistory(UUID id) {
    Report r = Report.findById(id);
    if (r == null || !(seesAll() || oversees() || isOwnReport(r))) {
      throw ProblemException.notFound("report", id.toString());
    }
    return r;
  }

  public boolean mayRead(VerificationTask t) {
    if (seesAll()) {
      return true;
    }
    String c = caller.collectorId();
    if (!caller.has(Roles.COLLECTOR) || c == null) {
      return false;
    }
    return c.equals(t.collectorId)
        || (t.collectorId == null && VerificationTask.PENDING.equals(t.status));
  }

  /** An attachment of {@code reportId} (and of task {@code taskId}, if any). */
  public boolean mayReadAttachment(UUID reportId, UUID taskId) {
    if (seesAll()) {
      return true;
    }
    Report r = Report.findById(reportId);
    if (r != null && mayRead(r)) {
      return true;
    }
    if (taskId == null) {
      return false;
    }
    VerificationTask t = VerificationTask.findById(taskId);
    String c = caller.collectorId();
    return t != null && caller.has(Roles.COLLECTOR) && c != null && c.equals(t.collectorId);
  }

  /**
   * Checks that the caller may attach a file to report {@code id} (404 otherwise): the center's
   * operators and shift leads to any report; a collector to their own report, or with the task id
   * of a pending verification task given to them (or still unassigned) of that report; a machine
   * client to a report it registered.
   */
  public void requireMayAttach(UUID id, UUID taskId) {
    if (decides()) {
      return;
    }
    Report r = Report.findById(id);
    if (r == null) {
      throw ProblemException.notFound("report", id.toString());
    }
    String c = caller.collectorId();
    if (caller.has(Roles.COLLECTOR) && c != null) {
      if (c.equals(r.collectorId)) {
        return;
      }
      if (taskId != null) {
        VerificationTask t = VerificationTask.findById(taskId);
        if (t != null
            && id.equals(t.reportId)
            && (c.equals(t.collectorId)
                || (t.collectorId == null && VerificationTask.PENDING.equals(t.status)))) {
          return;
        }
      }
    }
    if (current.isMachine() && current.idempotencyScope().equals(r.clientId)) {
      return;
    }
    throw ProblemException.notFound("report", id.toString());
  }
}
