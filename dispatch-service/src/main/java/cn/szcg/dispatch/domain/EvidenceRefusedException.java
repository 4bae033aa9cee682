package cn.szcg.dispatch.domain;

/**
 * An evidence photo may not be added now ({@link EvidenceRules#upload}): the uploader is not the
 * party the purpose belongs to (HTTP 403), or it is but not at this stage of the case (HTTP 409).
 */
public final class EvidenceRefusedException extends CaseDomainException {

  private final boolean conflict;

  public EvidenceRefusedException(EvidenceRules.UploadRefusal r) {
    super(r.code(), r.messageZh(), r.messageEn());
    this.conflict = r.conflict();
  }

  /** True: the right party at the wrong time (409); false: not the party (403). */
  public boolean conflict() {
    return conflict;
  }

  @Override
  public String title() {
    return conflict ? "状态冲突 / Conflict with the current state" : "无权执行此操作 / Not permitted";
  }
}
