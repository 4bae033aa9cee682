package cn.szcg.dispatch.application;

import cn.szcg.dispatch.domain.ContactPerson;
import cn.szcg.dispatch.domain.ContactRole;
import cn.szcg.dispatch.domain.Unit;
import cn.szcg.dispatch.domain.UnitKind;
import cn.szcg.dispatch.domain.UnitRecord;
import cn.szcg.dispatch.domain.UnitRegister;
import cn.szcg.dispatch.infra.CurrentActor;
import cn.szcg.dispatch.infra.ServiceClock;
import cn.szcg.dispatch.infra.UnitStore;
import cn.szcg.platform.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Changes to the unit register (处置责任单位, R-02, R-24, R-27), one transaction each: the register is
 * locked (one writer at a time), loaded, changed through the domain ({@link UnitRegister}, {@link
 * UnitRecord}: dated versions and contact terms) and the changed unit saved. A date left empty
 * means now. Each answers the register after the change. The whole-file import is {@link
 * UnitRegisterImport}.
 */
@ApplicationScoped
public class UnitRegistry {

  @Inject UnitStore store;
  @Inject CurrentActor currentActor;
  @Inject ServiceClock clock;

  /** Registers a unit (a department needs its township body as parent: 400 on parentUnitId). */
  @Transactional
  public UnitRegister register(
      String unitId,
      String name,
      UnitKind kind,
      String parentUnitId,
      String townshipCode,
      Instant validFrom) {
    store.lock();
    UnitRegister reg = store.load();
    Unit u;
    try {
      u = new Unit(unitId, name, kind, parentUnitId, townshipCode, true);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField("parentUnitId", "invalid-parent", e.getMessage());
    }
    Instant now = clock.now();
    UnitRegister after = reg.register(u, validFrom == null ? now : validFrom, now, by());
    store.save(after.get(u.unitId()));
    return after;
  }

  /** Renames or (de)activates a unit from {@code validFrom}. */
  @Transactional
  public UnitRegister change(String unitId, String name, boolean active, Instant validFrom) {
    store.lock();
    UnitRegister reg = store.load();
    UnitRecord r = reg.get(unitId);
    Unit cur = r.current();
    Unit changed =
        new Unit(cur.unitId(), name, cur.kind(), cur.parentUnitId(), cur.townshipCode(), active);
    Instant now = clock.now();
    UnitRecord after = r.changeUnit(changed, validFrom == null ? now : validFrom, now, by());
    store.save(after);
    return reg.with(after);
  }

  /** A person takes a contact role (leader in charge, head, receiver) from {@code validFrom}. */
  @Transactional
  public UnitRegister assign(
      String unitId, ContactRole role, ContactPerson person, Instant validFrom) {
    store.lock();
    UnitRegister reg = store.load();
    UnitRecord r = reg.get(unitId);
    Instant now = clock.now();
    UnitRecord after = r.assign(role, person, validFrom == null ? now : validFrom, now, by());
    store.save(after);
    return reg.with(after);
  }

  /** A person leaves a contact role at {@code validTo}. */
  @Transactional
  public UnitRegister end(String unitId, ContactRole role, String personId, Instant validTo) {
    store.lock();
    UnitRegister reg = store.load();
    UnitRecord r = reg.get(unitId);
    Instant to = validTo == null ? clock.now() : validTo;
    UnitRecord after = r.end(role, personId, to);
    store.save(after);
    return reg.with(after);
  }

  private String by() {
    return currentActor.userId();
  }
}
