package cn.szcg.intake.api;

import cn.szcg.intake.domain.DomainValidationException;
import cn.szcg.intake.domain.FieldViolation;
import cn.szcg.intake.domain.IllegalIntakeTransitionException;
import cn.szcg.platform.web.Problem;
import cn.szcg.platform.web.Problems;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** The intake rules' refusals as problem+json. */
public final class IntakeProblemMappers {

  private IntakeProblemMappers() {}

  /** A step the report's state does not allow: 409 with the state and the allowed steps. */
  @Provider
  @Priority(Priorities.USER - 100)
  public static class IllegalTransitionMapper
      implements ExceptionMapper<IllegalIntakeTransitionException> {
    @Override
    public Response toResponse(IllegalIntakeTransitionException e) {
      return Problems.response(
          409, "illegal-transition", Problems.TITLE_CONFLICT, e.getMessage(), null);
    }
  }

  /** Field violations of the intake rules: 400 naming each field. */
  @Provider
  @Priority(Priorities.USER - 100)
  public static class ValidationMapper implements ExceptionMapper<DomainValidationException> {
    @Override
    public Response toResponse(DomainValidationException e) {
      List<Problem.FieldError> errors =
          e.violations().stream()
              .map(
                  (FieldViolation v) ->
                      new Problem.FieldError(
                          v.field(), v.code(), v.messageZh() + " / " + v.messageEn()))
              .toList();
      return Problems.response(
          400, "invalid-request", Problems.TITLE_INVALID, e.getMessage(), errors);
    }
  }
}
