package cn.szcg.dispatch.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who may add evidence photos to a case, and which photos a step accepts (R-10, R-14, R-15;
 * docs/evidence.md).
 *
 * <ul>
 *   <li>{@link PhotoPurpose#AFTER}: only the unit of the current order (its receiver, leader or
 *       handler), while it handles it (the order approved 批办, not yet fed back);
 *   <li>{@link PhotoPurpose#SUB_AFTER}: only the department holding an open sub-order (二级派遣);
 *   <li>{@link PhotoPurpose#CHECK}: only the collector ordered to check (指令核查), while the check is
 *       ordered.
 * </ul>
 *
 * A feedback, sub-feedback or check step accepts only ids of stored photos of the same case, of the
 * step's purpose, uploaded by the acting unit (department) or collector.
 */
public final class EvidenceRules {

  private EvidenceRules() {}

  /** Where an upload goes: the order (or sub-order) the photo belongs to. */
  public record Target(String orderId, String uploaderUnitId, String uploaderCollectorId) {}

  /**
   * Why an upload is refused: {@code conflict} true when the uploader is the right party at the
   * wrong time (409), false when it is not the party at all (403).
   */
  public record UploadRefusal(String code, boolean conflict, String messageZh, String messageEn) {
    public String message() {
      return messageZh + " / " + messageEn;
    }
  }

  /** A stored photo as the step check needs it. */
  public record StoredPhoto(
      String photoId,
      String caseId,
      PhotoPurpose purpose,
      String uploaderUnitId,
      String uploaderCollectorId) {}

  /** One refused photo id of a step: its index in {@code photoIds}, a code and the message. */
  public record PhotoViolation(int index, String code, String messageZh, String messageEn) {
    public String field() {
      return "photoIds[" + index + "]";
    }

    public String message() {
      return messageZh + " / " + messageEn;
    }
  }

  /** The result of an upload check: a target or a refusal. */
  public sealed interface UploadDecision {}

  public record Allowed(Target target) implements UploadDecision {}

  public record Refused(UploadRefusal refusal) implements UploadDecision {}

  /**
   * May {@code actor} add a photo of {@code purpose} to case {@code c} now, and to which order?
   * (The caller has already checked the actor may see the case at all.)
   */
  public static UploadDecision upload(DispatchCase c, PhotoPurpose purpose, Actor actor) {
    Objects.requireNonNull(c, "case");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(actor, "actor");
    return switch (purpose) {
      case AFTER -> after(c, actor);
      case SUB_AFTER -> subAfter(c, actor);
      case CHECK -> check(c, actor);
    };
  }

  private static UploadDecision after(DispatchCase c, Actor a) {
    if (!a.role().unitScoped()) {
      return refused(
          "NOT_ORDER_UNIT",
          false,
          "处置后照片只能由承办单位上传",
          "after-photos come from the order's unit only");
    }
    Optional<DispatchOrder> o = c.currentOrder();
    if (o.isEmpty() || o.get().subOrder() || !o.get().unitId().equals(a.unitId())) {
      return refused(
          "NOT_ORDER_UNIT",
          false,
          "本单位不是当前批办件的承办单位",
          "your unit does not hold the case's current order");
    }
    if (o.get().status() != OrderStatus.IN_HANDLING || c.state().terminal()) {
      return refused(
          "NOT_IN_HANDLING",
          true,
          "批办件状态为 " + o.get().status().labelZh() + "，不在处置中，不能上传处置后照片",
          "the order is " + o.get().status() + ", not in handling: no after-photos now");
    }
    return new Allowed(new Target(o.get().orderId(), a.unitId(), null));
  }

  private static UploadDecision subAfter(DispatchCase c, Actor a) {
    if (!a.role().unitScoped()) {
      return refused(
          "NOT_SUB_ORDER_UNIT",
          false,
          "二级反馈照片只能由承办二级批办件的部门上传",
          "sub-order photos come from the department holding the sub-order only");
    }
    List<DispatchOrder> own =
        c.orders().stream()
            .filter(DispatchOrder::subOrder)
            .filter(o -> o.unitId().equals(a.unitId()))
            .toList();
    if (own.isEmpty()) {
      return refused(
          "NOT_SUB_ORDER_UNIT",
          false,
          "本单位没有此案件的二级批办件",
          "your unit holds no sub-order of this case");
    }
    Optional<DispatchOrder> open =
        own.stream().filter(o -> o.status().open()).reduce((first, second) -> second);
    if (open.isEmpty() || c.state().terminal()) {
      return refused(
          "SUB_ORDER_CLOSED",
          true,
          "本单位的二级批办件已办结，不能再上传照片",
          "your unit's sub-order is no longer open: no more photos");
    }
    return new Allowed(new Target(open.get().orderId(), a.unitId(), null));
  }

  private static UploadDecision check(DispatchCase c, Actor a) {
    if (a.role() != Role.COLLECTOR) {
      return refused(
          "NOT_ASSIGNED_COLLECTOR",
          false,
          "核查照片只能由受指令核查的采集员上传",
          "check photos come from the collector ordered to check only");
    }
    if (c.state() != CaseState.CHECK_ORDERED) {
      return refused(
          "CHECK_NOT_ORDERED", true, "案件当前没有核查指令", "no check is ordered on this case now");
    }
    if (!a.userId().equals(c.checkCollectorId())) {
      return refused(
          "NOT_ASSIGNED_COLLECTOR",
          false,
          "核查指令下达给了其他采集员",
          "the check was ordered to another collector");
    }
    return new Allowed(new Target(c.currentOrderId(), null, a.userId()));
  }

  private static Refused refused(String code, boolean conflict, String zh, String en) {
    return new Refused(new UploadRefusal(code, conflict, zh, en));
  }

  /**
   * The photo ids of a step that may not be used: unknown or of another case, of another purpose,
   * uploaded by someone other than the acting unit (department) or collector, or given twice.
   *
   * @param stored the stored photos found among {@code photoIds}, by id (any case)
   */
  public static List<PhotoViolation> stepPhotos(
      String caseId,
      PhotoPurpose purpose,
      Actor actor,
      List<String> photoIds,
      Map<String, StoredPhoto> stored) {
    List<PhotoViolation> out = new ArrayList<>();
    if (photoIds == null) {
      return out;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < photoIds.size(); i++) {
      String id = photoIds.get(i);
      StoredPhoto p = id == null ? null : stored.get(id);
      if (p == null || !p.caseId().equals(caseId)) {
        out.add(
            new PhotoViolation(
                i,
                "UNKNOWN_PHOTO",
                "不是本案件已上传的照片：" + id,
                "not a photo stored for this case: " + id));
      } else if (p.purpose() != purpose) {
        out.add(
            new PhotoViolation(
                i,
                "WRONG_PURPOSE",
                "照片用途为 " + p.purpose().labelZh() + "，此步骤须为 " + purpose.labelZh(),
                "the photo is " + p.purpose() + ", this step takes " + purpose));
      } else if (!uploadedBy(p, actor)) {
        out.add(
            new PhotoViolation(
                i,
                "NOT_OWN_PHOTO",
                "照片不是由本" + (actor.role() == Role.COLLECTOR ? "采集员" : "单位") + "上传的",
                "the photo was not uploaded by the acting "
                    + (actor.role() == Role.COLLECTOR ? "collector" : "unit")));
      } else if (!seen.add(id)) {
        out.add(
            new PhotoViolation(i, "DUPLICATE_PHOTO", "同一照片重复列出", "the same photo is listed twice"));
      }
    }
    return out;
  }

  private static boolean uploadedBy(StoredPhoto p, Actor a) {
    if (a.role() == Role.COLLECTOR) {
      return a.userId().equals(p.uploaderCollectorId());
    }
    return a.unitId() != null && a.unitId().equals(p.uploaderUnitId());
  }
}
