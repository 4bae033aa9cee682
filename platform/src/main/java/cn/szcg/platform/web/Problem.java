package cn.szcg.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}). Titles are Chinese first, then
 * English ("请求参数无效 / Invalid request"); {@code errors} names each offending field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One offending field: its JSON path (e.g. {@code location.lat}), a code and a message. */
  public record FieldError(String field, String code, String message) {}
}
