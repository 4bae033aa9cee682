package cn.szcg.dispatch.api;

import cn.szcg.dispatch.domain.ActorNotPermittedException;
import cn.szcg.dispatch.domain.CaseDomainException;
import cn.szcg.dispatch.domain.CaseTransition;
import cn.szcg.dispatch.domain.EvidenceRefusedException;
import cn.szcg.dispatch.domain.GuardViolationException;
import cn.szcg.dispatch.domain.IllegalTransitionException;
import cn.szcg.dispatch.domain.UnitRegisterException;
import cn.szcg.platform.web.Problem;
import cn.szcg.platform.web.Problems;
import jakarta.annotation.Priority;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Domain refusals as application/problem+json (RFC 9457) with extension members: {@code code}
 * (stable machine code), and for an illegal transition {@code currentState}, {@code attempted} and
 * {@code allowedTransitions} (name and Chinese label). Status: illegal transition 409, actor not
 * permitted 403, guard 409 (422 when the input itself is incomplete), an evidence photo refused 403
 * (not the uploader's to add) or 409 (not now), unit register 404/409/400.
 */
public final class DomainProblemMappers {

  private DomainProblemMappers() {}

  /** Domain exceptions of the case state machine. */
  @Provider
  @Priority(Priorities.USER - 200)
  public static class CaseDomainMapper implements ExceptionMapper<CaseDomainException> {
    @Override
    public Response toResponse(CaseDomainException e) {
      int status;
      String slug;
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("code", e.code());
      if (e instanceof IllegalTransitionException it) {
        status = 409;
        slug = "illegal-transition";
        extra.put("currentState", it.state().name());
        extra.put("currentStateLabel", it.state().labelZh());
        extra.put("attempted", it.attempted().name());
        extra.put("allowedTransitions", it.allowed().stream().map(Step::of).toList());
      } else if (e instanceof ActorNotPermittedException ap) {
        status = 403;
        slug = "not-permitted";
        extra.put("attempted", ap.attempted().name());
      } else if (e instanceof GuardViolationException g) {
        status = g.invalidInput() ? 422 : 409;
        slug = "guard-violation";
        extra.put("attempted", g.attempted().name());
      } else if (e instanceof EvidenceRefusedException er) {
        status = er.conflict() ? 409 : 403;
        slug = er.conflict() ? "conflict" : "not-permitted";
      } else {
        status = 409;
        slug = "conflict";
      }
      return problem(status, slug, e.title(), e.getMessage(), extra);
    }
  }

  /** Refusals of the unit register. */
  @Provider
  @Priority(Priorities.USER - 200)
  public static class UnitRegisterMapper implements ExceptionMapper<UnitRegisterException> {
    @Override
    public Response toResponse(UnitRegisterException e) {
      return switch (e.code()) {
        case "UNKNOWN_UNIT", "NOT_YET_REGISTERED" ->
            problem(404, "not-found", Problems.TITLE_NOT_FOUND, e.getMessage(), code(e));
        case "INVALID_PARENT" ->
            Problems.response(
                400,
                "invalid-request",
                Problems.TITLE_INVALID,
                "parentUnitId: " + e.getMessage(),
                List.of(new Problem.FieldError("parentUnitId", e.code(), e.getMessage())));
        case "INVALID_INPUT" ->
            problem(422, "invalid-input", Problems.TITLE_INVALID, e.getMessage(), code(e));
        default -> problem(409, "conflict", Problems.TITLE_CONFLICT, e.getMessage(), code(e));
      };
    }

    private static Map<String, Object> code(UnitRegisterException e) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", e.code());
      return m;
    }
  }

  /** Two writers on the same row: the later one is told to reload and retry. */
  @Provider
  @Priority(Priorities.USER - 200)
  public static class OptimisticLockMapper implements ExceptionMapper<OptimisticLockException> {
    @Override
    public Response toResponse(OptimisticLockException e) {
      return problem(
          409,
          "concurrent-change",
          Problems.TITLE_CONFLICT,
          "案件已被他人同时修改，请刷新后重试 / the case was changed concurrently; reload and retry",
          Map.of("code", "CONCURRENT_CHANGE"));
    }
  }

  /** Lock wait timed out. */
  @Provider
  @Priority(Priorities.USER - 200)
  public static class PessimisticLockMapper implements ExceptionMapper<PessimisticLockException> {
    @Override
    public Response toResponse(PessimisticLockException e) {
      return problem(
          409,
          "concurrent-change",
          Problems.TITLE_CONFLICT,
          "案件正被他人修改，请稍后重试 / the case is being changed; retry",
          Map.of("code", "CONCURRENT_CHANGE"));
    }
  }

  /** A transition as offered to a client: name and Chinese label. */
  public record Step(String transition, String label) {
    static Step of(CaseTransition t) {
      return new Step(t.name(), t.labelZh());
    }
  }

  static Response problem(
      int status, String slug, String title, String detail, Map<String, Object> extra) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", Problems.TYPE_BASE + slug);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.putAll(extra);
    return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
  }
}
