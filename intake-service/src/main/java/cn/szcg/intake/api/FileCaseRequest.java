package cn.szcg.intake.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The operator's filing decision (立案, R-05/R-12). */
@Schema(name = "FileCaseRequest", description = "立案 / filing decision")
public record FileCaseRequest(
    @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9-]+") @Schema(example = "E-0101")
        String categoryCode,
    @Schema(description = "突发事件（按自然时计时）/ emergency, natural-time clocks (R-20)") Boolean emergency,
    @Size(max = 500)
        @Schema(description = "值班长未经核实立案的理由 / a shift lead's reason to file before verification")
        String overrideReason) {}
