package cn.szcg.assessment.application;

import cn.szcg.assessment.infra.IntakeFigureStore;
import cn.szcg.assessment.infra.IntakeFigureStore.AssessedCase;
import cn.szcg.assessment.infra.IntakeFigureStore.IntakeFigure;
import cn.szcg.platform.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Reading the intake figures (受理统计, R-04 channels) and what assessment counted of a case. */
@ApplicationScoped
public class IntakeFiguresQueries {

  @Inject IntakeFigureStore store;

  /** Registrations and filings per channel of a month (yyyy-MM, Asia/Shanghai). */
  public List<IntakeFigure> ofMonth(String month) {
    return store.ofMonth(month);
  }

  /** The case as assessment counted it; 404 when it has not seen it. */
  public AssessedCase assessedCase(String caseId) {
    return store.assessedCase(caseId).orElseThrow(() -> ProblemException.notFound("case", caseId));
  }
}
