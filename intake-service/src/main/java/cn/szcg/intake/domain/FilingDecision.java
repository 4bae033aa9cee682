package cn.szcg.intake.domain;

/**
 * What the operator decides when filing (立案): the category (from the catalogue in force), an
 * explicit emergency flag (null = the category's default, R-20) and, for a shift lead filing a
 * public report before verification confirmed it, the reason for the override.
 */
public record FilingDecision(String categoryCode, Boolean emergency, String overrideReason) {

  public static FilingDecision of(String categoryCode) {
    return new FilingDecision(categoryCode, null, null);
  }

  public FilingDecision asEmergency(boolean flag) {
    return new FilingDecision(categoryCode, flag, overrideReason);
  }

  public FilingDecision withOverride(String reason) {
    return new FilingDecision(categoryCode, emergency, reason);
  }
}
