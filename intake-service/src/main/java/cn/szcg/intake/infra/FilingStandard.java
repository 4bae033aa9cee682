package cn.szcg.intake.infra;

import cn.szcg.intake.domain.Catalogue;
import cn.szcg.intake.domain.CatalogueHistory;
import cn.szcg.intake.domain.CatalogueJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The filing standard (《立案、结案规范》, R-05) in force. Starts from the shipped Minqing default; versions
 * published through the API are kept as history (a case keeps its version).
 */
@ApplicationScoped
public class FilingStandard {

  private volatile CatalogueHistory history = CatalogueHistory.of(CatalogueJson.loadDefault());

  /** The version in force at {@code at}; before the first version took effect, the first one. */
  public Catalogue inForce(Instant at) {
    Catalogue first = history.versions().get(0);
    return at.isBefore(first.effectiveFrom()) ? first : history.inForceAt(at);
  }

  public Catalogue latest() {
    return history.latest();
  }
}
