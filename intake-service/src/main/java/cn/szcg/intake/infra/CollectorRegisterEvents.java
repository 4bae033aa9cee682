package cn.szcg.intake.infra;

import cn.szcg.contracts.events.CollectorRegistered;
import cn.szcg.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Publishes every change of the collector register (信息采集员: created, changed, deactivated,
 * reactivated) as {@link CollectorRegistered} through the outbox, in the transaction that makes the
 * change, keyed by the collector id: assessment-service books a collector's figures under the
 * collection unit (信息采集单位) the collector belongs to (R-11, issue 7).
 */
@ApplicationScoped
public class CollectorRegisterEvents {

  /** What happened to the collector ({@link CollectorRegistered#change()}). */
  public enum Change {
    CREATED,
    CHANGED,
    DEACTIVATED,
    REACTIVATED
  }

  @Inject Outbox outbox;

  /** Publishes the collector's register entry as it is now (after {@code change}). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void changed(CollectorEntity c, Change change) {
    outbox.publish(
        c.id,
        new CollectorRegistered(
            c.id,
            c.unitId,
            c.name,
            !c.deactivated,
            change.name(),
            c.certNumber,
            c.certValidFrom,
            c.certValidTo,
            c.updatedAt,
            c.updatedBy),
        c.updatedAt);
  }
}
