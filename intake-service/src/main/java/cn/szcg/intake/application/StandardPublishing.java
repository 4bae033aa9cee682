package cn.szcg.intake.application;

import cn.szcg.intake.domain.Catalogue;
import cn.szcg.intake.domain.CatalogueDraft;
import cn.szcg.intake.domain.CatalogueHistory;
import cn.szcg.intake.infra.FilingStandard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Use case: publish a new version of the filing standard (《立案、结案规范》, R-05) from a date on. One
 * transaction: the stored history is read under the publishers' lock, {@link CatalogueHistory}
 * validates the draft against it (field-level errors as {@link
 * cn.szcg.intake.domain.DomainValidationException}) and the new version is stored.
 */
@ApplicationScoped
public class StandardPublishing {

  @Inject FilingStandard standard;

  @Transactional
  public Catalogue publish(CatalogueDraft draft, Instant effectiveFrom, String by, Instant now) {
    CatalogueHistory next = standard.lockedHistory().publish(draft, effectiveFrom);
    return standard.store(next, by, now);
  }
}
