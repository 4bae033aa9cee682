package cn.szcg.gis.application;

import cn.szcg.contracts.events.Zone;
import cn.szcg.gis.infra.GisQueries;
import cn.szcg.gis.infra.GridStore;
import cn.szcg.gis.infra.GridStore.GridView;
import cn.szcg.gis.infra.GridStore.LatestZone;
import cn.szcg.platform.security.CurrentActor;
import cn.szcg.platform.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * Use case: a grid's zone changes from an instant on (区域类型变更; urban, fringe 城乡结合部, other — the zone
 * decides a case's time limits, R-12). One transaction: the grid is locked, the change must follow
 * its latest zone entry and change the zone, the entry in force is closed and the new one opened,
 * recorded with the acting account.
 */
@ApplicationScoped
public class ZoneChanges {

  @Inject GridStore grids;
  @Inject CurrentActor actor;

  /**
   * Changes the zone of {@code code} from {@code effectiveFrom} on.
   *
   * @throws ProblemException 404 unknown grid; 409 when the change does not follow the latest entry
   *     (effective before or at its start) or does not change the zone
   */
  @Transactional
  public GridView changeZone(String code, Zone zone, Instant effectiveFrom, String reason) {
    Instant now = Instant.now();
    if (!grids.lock(code)) {
      throw ProblemException.notFound("unit grid 单元网格", code);
    }
    Optional<LatestZone> latest = grids.latestZone(code);
    if (latest.isPresent()) {
      Instant latestFrom = latest.get().validFrom();
      Zone latestZone = latest.get().zone();
      if (!effectiveFrom.isAfter(latestFrom)) {
        throw ProblemException.conflict(
            "变更生效时间须晚于最近一次区域类型的生效时间 "
                + latestFrom
                + " / the change must take effect after the latest zone entry, which starts at "
                + latestFrom
                + " (zone "
                + latestZone
                + "); allowed: effectiveFrom > "
                + latestFrom);
      }
      if (latestZone == zone) {
        throw ProblemException.conflict(
            "网格 "
                + code
                + " 自 "
                + latestFrom
                + " 起已是 "
                + GisQueries.zoneZh(zone)
                + " / grid "
                + code
                + " is already "
                + zone
                + " since "
                + latestFrom
                + "; allowed: a different zone");
      }
    }
    return grids.changeZone(
        code,
        latest.map(LatestZone::id).orElse(null),
        zone,
        effectiveFrom,
        actor.userId(),
        now,
        reason);
  }
}
