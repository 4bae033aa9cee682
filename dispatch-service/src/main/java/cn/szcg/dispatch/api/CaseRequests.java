package cn.szcg.dispatch.api;

import cn.szcg.dispatch.domain.SatisfactionLevel;
import cn.szcg.dispatch.domain.SuspensionReason;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the case commands (one per transition). Text is limited to 2000 characters. */
public final class CaseRequests {

  private CaseRequests() {}

  /**
   * 派遣. Without {@code unitId} the matrix's proposal is confirmed; with another unit than the
   * proposal, {@code overrideReason} is required.
   */
  public record DispatchBody(
      @Size(max = 100) @Schema(example = "U-WATER") String unitId,
      @Size(max = 20) List<@NotBlank @Size(max = 100) String> cooperatingUnitIds,
      @Size(max = 2000) @Schema(example = "请尽快处理 / please handle promptly") String requirements,
      @Size(max = 2000) String overrideReason) {}

  /** An optional note (sign-for, approve return, close …). */
  public record NoteBody(@Size(max = 2000) @Schema(example = "已签收 / signed for") String note) {}

  /** 批办: the leader's instructions. */
  public record LeaderApprovalBody(@Size(max = 2000) String instructions) {}

  /** 回退申请 */
  public record ReturnRequestBody(
      @NotBlank @Size(max = 2000) String reason,
      @NotBlank @Size(max = 100) String proposedUnitId) {}

  /** A required reason (refusals, coordination, escalation, emergency arrangement, cancel). */
  public record ReasonBody(@NotBlank @Size(max = 2000) String reason) {}

  /**
   * 挂起 (缓办): the kind of reason ({@code WEATHER}, {@code COURT_RULING}, {@code THIRD_PARTY}, {@code
   * OTHER}) and the reason itself.
   */
  public record SuspensionBody(
      @NotNull SuspensionReason reasonCode, @NotBlank @Size(max = 2000) String reason) {}

  /** 延期申请 */
  public record ExtensionRequestBody(
      @NotBlank @Size(max = 2000) String reason, @NotNull Instant requestedDeadline) {}

  /** 同意延期 */
  public record ExtensionGrantBody(
      @NotNull Instant grantedDeadline, @Size(max = 2000) String note) {}

  /** 二级派遣 to one of the township body's own departments. */
  public record SubOrderBody(
      @NotBlank @Size(max = 100) String subUnitId, @Size(max = 2000) String requirements) {}

  /** 二级回退申请: the reason and the unit the department suggests instead. */
  public record SubOrderReturnBody(
      @NotBlank @Size(max = 2000) String reason,
      @NotBlank @Size(max = 100) String suggestedUnitId) {}

  /** 处理反馈 / 二级反馈 with after-photos (ids of stored photos). */
  public record FeedbackBody(
      @NotBlank @Size(max = 2000) @Schema(example = "已清理 / cleared") String description,
      @NotEmpty
          @Size(max = 20)
          @Schema(description = "AFTER 照片 / ids of AFTER photos uploaded by the unit")
          List<@NotBlank @Size(max = 200) String> photoIds) {}

  /** 指令核查 */
  public record CheckOrderBody(
      @NotBlank @Size(max = 100) @Schema(example = "C0001") String collectorId,
      @Size(max = 2000) @Schema(example = "请核查 / please check") String note) {}

  /** 核查通过 */
  public record CheckPassBody(
      @Size(max = 2000) @Schema(example = "核查通过 / check passed") String note,
      @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 200) String> photoIds) {}

  /** 核查不通过 */
  public record CheckFailBody(
      @NotBlank @Size(max = 2000) String reason,
      @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 200) String> photoIds) {}

  /** 协调一致 */
  public record AgreementBody(
      @NotBlank @Size(max = 100) String agreedUnitId,
      @Size(max = 20) List<@NotBlank @Size(max = 100) String> participatingUnitIds,
      @NotBlank @Size(max = 4000) String agreementText,
      @Size(max = 2000) String requirements) {}

  /** 县政府指定 */
  public record DesignationBody(
      @NotBlank @Size(max = 100) String unitId,
      @Size(max = 200) String decisionReference,
      @Size(max = 2000) String requirements) {}

  /** 记录应急措施 */
  public record MeasuresBody(@NotBlank @Size(max = 4000) String measures) {}

  /** 移交执法 */
  public record TransferBody(
      @NotBlank @Size(max = 200) String enforcementBody,
      @NotBlank @Size(max = 2000) String reason) {}

  /** 满意度回访 */
  public record SatisfactionBody(
      @NotNull SatisfactionLevel level, @Size(max = 2000) String comment) {}
}
