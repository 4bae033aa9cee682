package cn.szcg.intake.application;

import cn.szcg.intake.domain.FieldViolation;
import cn.szcg.platform.web.Problem;
import cn.szcg.platform.web.ProblemException;
import cn.szcg.platform.web.Problems;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The one answer to a photo the attachment policy refuses (R-09, docs/evidence.md), for a whole
 * upload and for a resumable upload's declaration alike: a type not allowed is 415, a photo too
 * large 413, anything else 400 — each naming the field in the caller's words.
 */
final class PhotoRefusals {
  private PhotoRefusals() {}

  /**
   * Throws for the first refusal, if any; {@code field} maps the policy's field to the caller's.
   */
  static void refuse(List<FieldViolation> v, UnaryOperator<String> field) {
    for (FieldViolation f : v) {
      Problem.FieldError fe =
          new Problem.FieldError(
              field.apply(f.field()), f.code(), f.messageZh() + " / " + f.messageEn());
      if ("type_not_allowed".equals(f.code())) {
        throw new ProblemException(
            415, "unsupported-media-type", Problems.TITLE_UNSUPPORTED, fe.message(), List.of(fe));
      }
      if ("too_large".equals(f.code())) {
        throw new ProblemException(
            413, "payload-too-large", Problems.TITLE_TOO_LARGE, fe.message(), List.of(fe));
      }
    }
    if (!v.isEmpty()) {
      throw ProblemException.badRequest(
          v.get(0).toString(),
          v.stream()
              .map(
                  f ->
                      new Problem.FieldError(
                          field.apply(f.field()), f.code(), f.messageZh() + " / " + f.messageEn()))
              .toList());
    }
  }
}
