package cn.szcg.platform.web;

import java.util.List;

/**
 * Thrown by resources and services to answer with a problem+json. Use the factory methods; the
 * title is bilingual (Chinese / English).
 */
public class ProblemException extends RuntimeException {

  private final int status;
  private final String title;
  private final String typeSlug;
  private final List<Problem.FieldError> errors;
  private Integer retryAfterSeconds;

  public ProblemException(
      int status, String typeSlug, String title, String detail, List<Problem.FieldError> errors) {
    super(detail);
    this.status = status;
    this.typeSlug = typeSlug;
    this.title = title;
    this.errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public static ProblemException badRequest(String detail, List<Problem.FieldError> errors) {
    return new ProblemException(400, "invalid-request", Problems.TITLE_INVALID, detail, errors);
  }

  public static ProblemException invalidField(String field, String code, String message) {
    return badRequest(
        field + ": " + message, List.of(new Problem.FieldError(field, code, message)));
  }

  public static ProblemException notFound(String what, String id) {
    return new ProblemException(
        404, "not-found", Problems.TITLE_NOT_FOUND, what + " " + id + " not found", null);
  }

  public static ProblemException conflict(String detail) {
    return new ProblemException(409, "conflict", Problems.TITLE_CONFLICT, detail, null);
  }

  public static ProblemException forbidden(String detail) {
    return new ProblemException(403, "forbidden", Problems.TITLE_FORBIDDEN, detail, null);
  }

  public static ProblemException unprocessable(String typeSlug, String title, String detail) {
    return new ProblemException(422, typeSlug, title, detail, null);
  }

  /**
   * 503 for a service that cannot take the request now (overloaded, database unreachable); the
   * client retries after {@code retryAfterSeconds} — with the same Idempotency-Key, nothing is
   * registered twice.
   */
  public static ProblemException unavailable(String detail, int retryAfterSeconds) {
    ProblemException e =
        new ProblemException(503, "unavailable", Problems.TITLE_UNAVAILABLE, detail, null);
    e.retryAfterSeconds = retryAfterSeconds;
    return e;
  }

  /** Seconds for the Retry-After header, or null. */
  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String typeSlug() {
    return typeSlug;
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }
}
