package cn.szcg.gis.application;

import cn.szcg.gis.domain.InputCrs;
import cn.szcg.gis.domain.imports.FeatureKind;
import cn.szcg.gis.domain.imports.Rejection;
import cn.szcg.gis.infra.ImportStaging;
import cn.szcg.platform.security.CurrentActor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/**
 * Use case: import one GeoJSON FeatureCollection of a kind (导入: areas, grids, components 部件, pipes,
 * cameras; R-01). All of it is one database transaction ({@link ImportStaging} streams, checks and
 * upserts inside it): a crash, a malformed body or a file-level rejection (not a FeatureCollection,
 * a CRS other than WGS84) leaves nothing loaded. The answer is the import's report.
 */
@ApplicationScoped
public class MapImports {

  /** The answer to an import. */
  public record ImportReport(
      String kind,
      String crs,
      int total,
      int accepted,
      int rejectedFeatures,
      List<RejectionView> rejected,
      long elapsedMs) {}

  /** One rejection; {@code index} −1 means the whole file. */
  public record RejectionView(
      int index, String id, String field, String reasonZh, String reasonEn) {
    static RejectionView of(Rejection r) {
      return new RejectionView(
          r.featureIndex(), r.featureId(), r.field(), r.reasonZh(), r.reasonEn());
    }
  }

  @Inject ImportStaging staging;
  @Inject CurrentActor actor;

  @Transactional
  @TransactionConfiguration(timeout = 1800)
  public ImportReport importFeatures(FeatureKind kind, InputStream body, InputCrs crs) {
    long t0 = System.nanoTime();
    ImportStaging.Staged staged = staging.load(kind, body, crs, Instant.now(), actor.userId());
    if (staged.fileRefused()) {
      QuarkusTransaction.setRollbackOnly();
    }
    return report(kind, crs, staged.total(), staged.accepted(), staged.rejections(), t0);
  }

  private static ImportReport report(
      FeatureKind kind, InputCrs crs, int total, int accepted, List<Rejection> rs, long t0) {
    int rejectedFeatures =
        (int)
            rs.stream()
                .filter(r -> !r.isFileLevel())
                .mapToInt(Rejection::featureIndex)
                .distinct()
                .count();
    return new ImportReport(
        kind.plural(),
        crs.name(),
        total,
        accepted,
        rejectedFeatures,
        rs.stream().map(RejectionView::of).toList(),
        (System.nanoTime() - t0) / 1_000_000);
  }
}
