package cn.szcg.intake.application;

import cn.szcg.contracts.events.GeoPoint;
import cn.szcg.intake.domain.IntakeRules;
import cn.szcg.intake.infra.CollectionUnitEntity;
import cn.szcg.intake.infra.CollectorEntity;
import cn.szcg.intake.infra.CollectorRegisterEvents;
import cn.szcg.intake.infra.CollectorRegisterEvents.Change;
import cn.szcg.platform.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Use cases of the collector register (信息采集单位 and 信息采集员, R-09, Art 16): a collection unit and its
 * contract, a collector with unit and training certificate, deactivation and reactivation, a
 * collector's position. One transaction each; every change of a collector is published ({@code
 * collector-registered}) in the same transaction. Bad input is a 400 naming the field, a step that
 * does not apply a 409.
 */
@ApplicationScoped
public class CollectorRegistry {

  @Inject CollectorRegisterEvents registerEvents;

  /** A collector's training certificate (培训合格证); all null while there is none. */
  public record Certificate(String number, LocalDate validFrom, LocalDate validTo) {}

  /** Creates or changes a collection unit (合同 contract dates, terminated). */
  @Transactional
  public CollectionUnitEntity putUnit(
      String id,
      String name,
      LocalDate contractFrom,
      LocalDate contractTo,
      boolean terminated,
      String reason,
      String by) {
    if (contractTo != null && contractTo.isBefore(contractFrom)) {
      throw ProblemException.invalidField(
          "contractTo", "before_from", "合同截止日期早于开始日期 / contractTo is before contractFrom");
    }
    CollectionUnitEntity u = CollectionUnitEntity.findById(id);
    if (u == null) {
      u = new CollectionUnitEntity();
      u.id = id;
    }
    u.name = name;
    u.contractFrom = contractFrom;
    u.contractTo = contractTo;
    u.terminated = terminated;
    u.updatedAt = now();
    u.updatedBy = by;
    u.updateReason = reason;
    u.persist();
    return u;
  }

  /** Creates or changes a collector; {@code cert} null while not yet certified. */
  @Transactional
  public CollectorEntity putCollector(
      String id, String name, String unitId, Certificate cert, String by) {
    if (CollectionUnitEntity.findById(unitId) == null) {
      throw ProblemException.invalidField(
          "unitId", "unknown_unit", "未登记的信息采集单位 / unknown collection unit " + unitId);
    }
    if (cert != null && cert.validTo() != null && cert.validTo().isBefore(cert.validFrom())) {
      throw ProblemException.invalidField(
          "certificate.validTo", "before_from", "合格证有效期截止早于开始 / validTo is before validFrom");
    }
    CollectorEntity c = CollectorEntity.findById(id);
    Change change = c == null ? Change.CREATED : Change.CHANGED;
    if (c == null) {
      c = new CollectorEntity();
      c.id = id;
    }
    c.name = name;
    c.unitId = unitId;
    c.certNumber = cert == null ? null : cert.number();
    c.certValidFrom = cert == null ? null : cert.validFrom();
    c.certValidTo = cert == null ? null : cert.validTo();
    c.updatedAt = now();
    c.updatedBy = by;
    c.persist();
    registerEvents.changed(c, change);
    return c;
  }

  /** 停用: the collector may no longer report (409 when already deactivated). */
  @Transactional
  public CollectorEntity deactivate(String id, String reason, String by) {
    CollectorEntity c = find(id);
    if (c.deactivated) {
      throw ProblemException.conflict(
          "信息采集员 " + id + " 已停用；允许的操作：reactivation / collector " + id + " is already deactivated");
    }
    c.deactivated = true;
    c.deactivationReason = reason;
    c.updatedAt = now();
    c.updatedBy = by;
    registerEvents.changed(c, Change.DEACTIVATED);
    return c;
  }

  /** 恢复: the collector may report again (409 when not deactivated). */
  @Transactional
  public CollectorEntity reactivate(String id, String by) {
    CollectorEntity c = find(id);
    if (!c.deactivated) {
      throw ProblemException.conflict(
          "信息采集员 " + id + " 未停用；允许的操作：deactivation / collector " + id + " is active");
    }
    c.deactivated = false;
    c.deactivationReason = null;
    c.updatedAt = now();
    c.updatedBy = by;
    registerEvents.changed(c, Change.REACTIVATED);
    return c;
  }

  /** The collector's current position, inside the county's service area (400 naming lon). */
  @Transactional
  public CollectorEntity position(String id, double lon, double lat) {
    if (!IntakeRules.minqingDefaults().serviceArea().contains(new GeoPoint(lon, lat))) {
      throw ProblemException.invalidField(
          "lon", "out_of_area", "位置不在闽清县服务范围内 / position outside the county");
    }
    CollectorEntity c = find(id);
    c.lon = lon;
    c.lat = lat;
    c.positionAt = now();
    return c;
  }

  /** The collector, or 404. */
  public static CollectorEntity find(String id) {
    CollectorEntity c = CollectorEntity.findById(id);
    if (c == null) {
      throw ProblemException.notFound("collector", id);
    }
    return c;
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
