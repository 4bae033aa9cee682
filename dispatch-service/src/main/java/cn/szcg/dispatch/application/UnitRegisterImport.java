package cn.szcg.dispatch.application;

import cn.szcg.dispatch.domain.ResponsibilityRule;
import cn.szcg.dispatch.domain.UnitImport;
import cn.szcg.dispatch.domain.UnitRecord;
import cn.szcg.dispatch.infra.MatrixStore;
import cn.szcg.dispatch.infra.ServiceClock;
import cn.szcg.dispatch.infra.UnitStore;
import cn.szcg.platform.web.Problem;
import cn.szcg.platform.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Set;

/**
 * Loads a unit register file ({@link UnitImport}: units, their contacts, the responsibility matrix)
 * in one transaction: the register is locked, the whole file validated against it, and only a valid
 * file is written — every unit, every contact term, every rule, or nothing. The county's import
 * ({@code POST /api/v1/units/import}) and the local demo's seed ({@code application.Seeder}) both
 * come here.
 */
@ApplicationScoped
public class UnitRegisterImport {

  @Inject UnitStore units;
  @Inject MatrixStore matrix;
  @Inject ServiceClock clock;

  /** What a load did (or, for a dry run, would do). */
  public record Summary(
      boolean dryRun,
      int unitsRegistered,
      int contactsRegistered,
      int rulesCreated,
      int rulesReplaced,
      int unitsKept,
      int rulesKept) {}

  /**
   * Validates {@code file} and, unless {@code dryRun}, writes it. Any error: 400 problem+json with
   * one {@code errors[]} entry per problem ({@code field} = {@code units[12].contacts[0].phone}),
   * nothing written.
   */
  @Transactional
  public Summary load(
      UnitImport.File file, UnitImport.Existing existing, boolean dryRun, String by) {
    units.lock();
    Set<String> ruleIds = matrix.ruleIds();
    UnitImport.Outcome o = UnitImport.plan(file, units.load(), ruleIds, existing, clock.now(), by);
    if (!o.ok()) {
      UnitImport.Error first = o.errors().get(0);
      throw ProblemException.badRequest(
          "单位登记文件有误，未写入任何数据 / the unit register file has errors; nothing was written — "
              + first.field()
              + ": "
              + first.message()
              + (o.errors().size() > 1 ? " (+" + (o.errors().size() - 1) + ")" : ""),
          o.errors().stream()
              .map(x -> new Problem.FieldError(x.field(), x.code(), x.message()))
              .toList());
    }
    UnitImport.Plan p = o.plan();
    int created = 0;
    for (ResponsibilityRule r : p.rules()) {
      if (!ruleIds.contains(r.ruleId())) {
        created++;
      }
    }
    Summary s =
        new Summary(
            dryRun,
            p.units().size(),
            p.contacts(),
            created,
            p.rules().size() - created,
            p.unitsKept(),
            p.rulesKept());
    if (dryRun) {
      return s;
    }
    for (UnitRecord r : p.units()) {
      units.save(r);
    }
    for (ResponsibilityRule r : p.rules()) {
      matrix.upsert(r, by);
    }
    return s;
  }
}
