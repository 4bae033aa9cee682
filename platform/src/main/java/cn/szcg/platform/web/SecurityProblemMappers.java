package cn.szcg.platform.web;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * 401 and 403 as problem+json. Authentication is not proactive (quarkus.http.auth.proactive=false)
 * so that a missing, expired or wrongly signed token reaches these mappers instead of an empty
 * response from the HTTP layer.
 */
public final class SecurityProblemMappers {

  static final String CHALLENGE = "Bearer realm=\"szcg\"";

  private SecurityProblemMappers() {}

  static Response unauthorized(String detail) {
    return Response.fromResponse(
            Problems.response(401, "unauthorized", Problems.TITLE_UNAUTHORIZED, detail, null))
        .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
        .build();
  }

  /** No token where one is required. */
  @Provider
  @Priority(Priorities.USER - 200)
  public static class Unauthorized implements ExceptionMapper<UnauthorizedException> {
    @Override
    public Response toResponse(UnauthorizedException e) {
      return unauthorized("需要有效的访问令牌 / a valid bearer token is required");
    }
  }

  /** A token that is expired, wrongly signed, from another issuer or otherwise invalid. */
  @Provider
  @Priority(Priorities.USER - 200)
  public static class AuthenticationFailed
      implements ExceptionMapper<AuthenticationFailedException> {
    @Override
    public Response toResponse(AuthenticationFailedException e) {
      return unauthorized("访问令牌无效或已过期 / the bearer token is invalid or expired");
    }
  }

  /** A valid token whose roles or unit do not allow this. */
  @Provider
  @Priority(Priorities.USER - 200)
  public static class Forbidden implements ExceptionMapper<ForbiddenException> {
    @Override
    public Response toResponse(ForbiddenException e) {
      String detail =
          e.getMessage() == null || e.getMessage().isBlank()
              ? "当前角色无权执行此操作 / your role does not allow this"
              : e.getMessage();
      return Problems.response(403, "forbidden", Problems.TITLE_FORBIDDEN, detail, null);
    }
  }
}
