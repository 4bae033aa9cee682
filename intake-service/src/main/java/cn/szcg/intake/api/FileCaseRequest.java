package cn.szcg.intake.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The operator's filing decision (立案, R-05/R-12). */
public record FileCaseRequest(
    @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9-]+") String categoryCode,
    Boolean emergency) {}
