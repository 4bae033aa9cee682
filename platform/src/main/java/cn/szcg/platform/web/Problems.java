package cn.szcg.platform.web;

import jakarta.ws.rs.core.Response;
import java.util.List;

/** Building problem+json responses. */
public final class Problems {

  public static final String TYPE_BASE = "https://szcg.cn/problems/";
  public static final String TITLE_INVALID = "请求参数无效 / Invalid request";
  public static final String TITLE_NOT_FOUND = "资源不存在 / Not found";
  public static final String TITLE_CONFLICT = "状态冲突 / Conflict with the current state";
  public static final String TITLE_FORBIDDEN = "无权操作 / Forbidden";
  public static final String TITLE_UNAUTHORIZED = "未认证 / Unauthorized";
  public static final String TITLE_INTERNAL = "服务器内部错误 / Internal error";
  public static final String TITLE_UNSUPPORTED = "不支持的媒体类型 / Unsupported media type";
  public static final String TITLE_NOT_ALLOWED = "不允许的请求方法 / Method not allowed";
  public static final String TITLE_NOT_ACCEPTABLE = "无法提供所请求的格式 / Not acceptable";
  public static final String TITLE_TOO_LARGE = "请求内容过大 / Payload too large";
  public static final String TITLE_UNAVAILABLE = "服务暂不可用 / Service unavailable";

  private Problems() {}

  public static Response response(
      int status, String typeSlug, String title, String detail, List<Problem.FieldError> errors) {
    Problem p =
        new Problem(
            TYPE_BASE + typeSlug,
            title,
            status,
            detail,
            null,
            errors == null || errors.isEmpty() ? null : errors);
    return Response.status(status).type(Problem.MEDIA_TYPE).entity(p).build();
  }

  public static String titleFor(int status) {
    return switch (status) {
      case 400 -> TITLE_INVALID;
      case 401 -> TITLE_UNAUTHORIZED;
      case 403 -> TITLE_FORBIDDEN;
      case 404 -> TITLE_NOT_FOUND;
      case 405 -> TITLE_NOT_ALLOWED;
      case 406 -> TITLE_NOT_ACCEPTABLE;
      case 409 -> TITLE_CONFLICT;
      case 413 -> TITLE_TOO_LARGE;
      case 415 -> TITLE_UNSUPPORTED;
      case 503 -> TITLE_UNAVAILABLE;
      default -> status >= 500 ? TITLE_INTERNAL : TITLE_INVALID;
    };
  }

  public static String slugFor(int status) {
    return switch (status) {
      case 400 -> "invalid-request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 406 -> "not-acceptable";
      case 409 -> "conflict";
      case 413 -> "payload-too-large";
      case 415 -> "unsupported-media-type";
      case 503 -> "unavailable";
      default -> status >= 500 ? "internal-error" : "invalid-request";
    };
  }
}
