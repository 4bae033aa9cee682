package cn.szcg.intake.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the intake decisions and of collector management. */
public final class ActionRequests {

  private ActionRequests() {}

  @Schema(name = "RejectRequest", description = "不予立案 / reject with a reason")
  public record Reject(
      @NotBlank @Size(max = 500) String reason,
      @Schema(description = "虚报、假报（仅采集员上报）/ unfounded collector report (R-08)")
          Boolean unfounded) {}

  @Schema(name = "MergeRequest", description = "合并到另一案件 / merge into another case")
  public record Merge(@NotNull UUID intoCaseId) {}

  @Schema(name = "AnswerRequest", description = "答复咨询 / answer a consultation")
  public record Answer(@NotBlank @Size(max = 2000) String answer) {}

  @Schema(
      name = "VerificationRequest",
      description = "派发核实；不指定则派给最近的在岗采集员 / request verification (nearest collector if none given)")
  public record RequestVerification(
      @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String collectorId) {}

  @Schema(name = "VerificationResult", description = "核实反馈 / the collector's result")
  public record VerificationResult(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String collectorId,
      @NotNull Boolean confirmed,
      @Size(max = 1000) String note) {}

  @Schema(name = "CollectionUnitRequest", description = "信息采集单位 / collection unit")
  public record Unit(
      @NotBlank @Size(max = 100) String name,
      @NotNull LocalDate contractFrom,
      LocalDate contractTo,
      Boolean terminated,
      @Size(max = 500) String reason) {}

  @Schema(name = "CertificateRequest", description = "培训合格证 / training certificate")
  public record Cert(
      @NotBlank @Size(max = 64) String number, @NotNull LocalDate validFrom, LocalDate validTo) {}

  @Schema(name = "CollectorRequest", description = "信息采集员 / collector")
  public record CollectorBody(
      @NotBlank @Size(max = 50) String name,
      @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String unitId,
      @Valid Cert certificate) {}

  @Schema(name = "DeactivationRequest", description = "停用 / deactivate with a reason")
  public record Deactivation(@NotBlank @Size(max = 500) String reason) {}
}
