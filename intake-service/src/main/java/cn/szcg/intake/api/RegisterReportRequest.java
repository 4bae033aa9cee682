package cn.szcg.intake.api;

import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.ReportKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An arrival from any channel. */
@Schema(name = "RegisterReportRequest", description = "一次上报 / an arrival from any channel")
public record RegisterReportRequest(
    @NotNull @Schema(description = "渠道 / channel", example = "PATROL") Channel channel,
    @NotNull @Schema(description = "类型：举报/投诉/咨询 / kind", example = "REPORT") ReportKind kind,
    @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9-]+") @Schema(example = "E-0101")
        String categoryCode,
    @Valid Point location,
    @Size(max = 200) @Schema(example = "梅城镇解放大街12号") String address,
    @Size(max = 2000) @Schema(example = "暴露垃圾 / exposed garbage") String description,
    @Size(max = 64) @Schema(example = "C0001") String collectorId,
    @Size(max = 64) String cameraId,
    @Size(max = 128) String sourceRef,
    @Valid Reporter reporter,
    @Schema(description = "设备时间 / device time (may be earlier when the app was offline)")
        OffsetDateTime deviceTime,
    @DecimalMin("0")
        @DecimalMax("1")
        @Schema(description = "视频识别置信度 / video analytics confidence 0..1")
        Double confidence) {

  /** WGS84 point; coordinates in degrees. */
  public record Point(
      @NotNull @DecimalMin("-180") @DecimalMax("180") @Schema(example = "118.8632") Double lon,
      @NotNull @DecimalMin("-90") @DecimalMax("90") @Schema(example = "26.2231") Double lat) {}

  /** The public reporter (visible to the center only). */
  public record Reporter(
      @Size(max = 50) String name,
      @Size(max = 20) @Pattern(regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}") String phone) {}
}
