package cn.szcg.intake.application;

import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.GeoPoint;
import cn.szcg.contracts.events.ReportKind;
import cn.szcg.contracts.events.Zone;
import cn.szcg.intake.domain.Actor;
import cn.szcg.intake.domain.Catalogue;
import cn.szcg.intake.domain.Category;
import cn.szcg.intake.domain.FilingDecision;
import cn.szcg.intake.domain.IntakeReport;
import cn.szcg.intake.infra.FilingStandard;
import cn.szcg.intake.infra.IntakeLedger;
import cn.szcg.intake.infra.Report;
import cn.szcg.intake.infra.ReportRows;
import cn.szcg.platform.outbox.Outbox;
import cn.szcg.platform.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Use case filing (立案, R-05/R-12), one transaction: the rules of {@link IntakeReport} decide, this
 * service loads and stores the report and writes the {@code case-filed} event in the same
 * transaction. The event carries everything downstream needs (category, catalogue version, time
 * limit, zone, emergency flag, location context).
 */
@ApplicationScoped
public class FilingService {

  @Inject Outbox outbox;
  @Inject FilingStandard standard;
  @Inject IntakeLedger ledger;

  @Transactional
  public Report file(UUID id, FilingDecision decision, Actor actor, Instant now) {
    Report r = Report.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (r == null) {
      throw ProblemException.notFound("report", id.toString());
    }
    Catalogue catalogue = standard.inForce(now);
    IntakeReport filed = ReportRows.toDomain(r).file(decision, catalogue, actor, now);
    Category category = catalogue.require(filed.categoryCode());
    r.status = filed.state().name();
    r.categoryCode = filed.categoryCode();
    r.categoryName = category.nameZh();
    r.catalogueVersion = filed.catalogueVersion();
    r.emergency = filed.emergency();
    r.limitAmount = filed.handlingLimit().amount();
    r.limitUnit = filed.handlingLimit().unit().name();
    r.decidedAt = now.truncatedTo(ChronoUnit.MICROS);
    r.decidedBy = actor.id();
    r.decisionReason = filed.overrideReason();
    IntakeActions.cancelOpenTasks(r.id, "立案 filed", r.decidedAt);
    ledger.recorded(r, filed, actor, r.decidedAt);
    outbox.publish(r.id.toString(), filedEvent(r, filed, category), r.decidedAt);
    return r;
  }

  /**
   * Until gis-service has answered, the zone is taken as urban: the stricter limit rather
   * than a doubled one the case may not be entitled to.
   *
   * <p>The unit that receives the order must see what the problem is and when it counts as fixed
   * the event carries the report's description (what was reported — never who: the
   * reporter's name and phone have no field in any event) and the category's filing condition
   * (立案条件) and closing condition (结案条件), zh and en, of the filing-standard version the case is
   * filed under ({@code category} comes from that version).
   */
  static CaseFiled filedEvent(Report r, IntakeReport filed, Category category) {
    Zone zone = r.contextResolved && r.zone != null ? Zone.valueOf(r.zone) : Zone.URBAN;
    return new CaseFiled(
        r.id.toString(),
        r.reportNo,
        Channel.valueOf(r.channel),
        ReportKind.valueOf(r.kind),
        filed.categoryCode(),
        r.categoryName,
        filed.catalogueVersion(),
        filed.handlingLimit(),
        zone,
        filed.emergency(),
        r.lon == null ? null : new GeoPoint(r.lon, r.lat),
        r.contextResolved ? ReportRows.contextOf(r) : null,
        null,
        r.collectorId,
        r.registeredAt,
        r.decidedAt,
        r.decidedBy,
        r.description == null || r.description.isBlank() ? null : r.description,
        bilingual(category.filingCondition()),
        bilingual(category.closingCondition()));
  }

  private static cn.szcg.contracts.events.BilingualText bilingual(
      cn.szcg.intake.domain.BilingualText t) {
    return t == null ? null : new cn.szcg.contracts.events.BilingualText(t.zh(), t.en());
  }
}
