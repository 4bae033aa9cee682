package cn.szcg.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.annotation.Priority;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Every error leaves a service as {@code application/problem+json}: validation errors name the
 * field, malformed JSON names the position or field, framework errors keep their status, and
 * anything unexpected is a 500 with an error id in the log (no stack trace to the caller).
 */
public final class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  private ProblemMappers() {}

  /** Our own problems. */
  @Provider
  @Priority(Priorities.USER - 100)
  public static class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
    @Override
    public Response toResponse(ProblemException e) {
      Response r =
          Problems.response(e.status(), e.typeSlug(), e.title(), e.getMessage(), e.errors());
      if (e.retryAfterSeconds() != null) {
        r.getHeaders().putSingle("Retry-After", Integer.toString(e.retryAfterSeconds()));
      }
      return r;
    }
  }

  /** Bean Validation on request bodies and parameters. */
  @Provider
  @Priority(Priorities.USER - 100)
  public static class ConstraintViolationMapper
      implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException e) {
      return violations(e);
    }
  }

  static Response violations(ConstraintViolationException e) {
    List<Problem.FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<?> v : e.getConstraintViolations()) {
      String code =
          v.getConstraintDescriptor() == null
              ? "invalid"
              : v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
      errors.add(new Problem.FieldError(fieldOf(v.getPropertyPath()), code, v.getMessage()));
    }
    errors.sort(Comparator.comparing(Problem.FieldError::field));
    String detail =
        errors.stream()
            .map(f -> f.field() + ": " + f.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse("invalid request");
    return Problems.response(400, "invalid-request", Problems.TITLE_INVALID, detail, errors);
  }

  /** The JSON path of a violation: method and parameter nodes dropped, bean nodes kept. */
  static String fieldOf(Path path) {
    StringBuilder sb = new StringBuilder();
    String parameter = null;
    for (Path.Node n : path) {
      if (n.getKind() == ElementKind.METHOD || n.getKind() == ElementKind.CONSTRUCTOR) {
        continue;
      }
      if (n.getKind() == ElementKind.PARAMETER) {
        parameter = n.getName();
        continue;
      }
      if (n.getName() == null) {
        continue;
      }
      if (n.getIndex() != null && sb.length() > 0) {
        sb.append('[').append(n.getIndex()).append(']');
      }
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(n.getName());
    }
    if (sb.length() == 0) {
      return parameter == null ? "request" : parameter;
    }
    return sb.toString();
  }

  /** Malformed JSON, wrong types, missing or unknown fields. */
  @Provider
  @Priority(Priorities.USER - 100)
  public static class JsonProcessingMapper implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException e) {
      return json(e);
    }
  }

  @Provider
  @Priority(Priorities.USER - 100)
  public static class MismatchedInputMapper implements ExceptionMapper<MismatchedInputException> {
    @Override
    public Response toResponse(MismatchedInputException e) {
      return json(e);
    }
  }

  @Provider
  @Priority(Priorities.USER - 100)
  public static class InvalidFormatMapper implements ExceptionMapper<InvalidFormatException> {
    @Override
    public Response toResponse(InvalidFormatException e) {
      return json(e);
    }
  }

  @Provider
  @Priority(Priorities.USER - 100)
  public static class UnrecognizedPropertyMapper
      implements ExceptionMapper<UnrecognizedPropertyException> {
    @Override
    public Response toResponse(UnrecognizedPropertyException e) {
      return json(e);
    }
  }

  @Provider
  @Priority(Priorities.USER - 100)
  public static class JsonMappingMapper implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException e) {
      return json(e);
    }
  }

  static Response json(JsonProcessingException e) {
    String field = "body";
    String code = "malformed-json";
    String message = "请求体不是有效的 JSON / the body is not valid JSON";
    if (e instanceof ControlCharacterException c) {
      field = pathOf(c.getPath());
      code = "control-character";
      message = c.getOriginalMessage();
    } else if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      field = pathOf(m.getPath());
      if (e instanceof UnrecognizedPropertyException) {
        code = "unknown-field";
        message = "未知字段 / unknown field";
      } else if (e instanceof ValueInstantiationException) {
        code = "invalid-value";
        Throwable cause = e.getCause() == null ? e : e.getCause();
        message = "取值无效 / invalid value: " + cause.getMessage();
      } else if (e instanceof InvalidFormatException f) {
        code = "invalid-format";
        message =
            "格式或取值无效 / invalid value '"
                + String.valueOf(f.getValue())
                + "' for "
                + simpleName(f.getTargetType());
      } else if (e instanceof MismatchedInputException mi) {
        code = "wrong-type";
        message = "类型错误 / wrong type, expected " + simpleName(mi.getTargetType());
      } else {
        code = "invalid-value";
        message = "取值无效 / invalid value";
      }
    } else if (e.getLocation() != null) {
      message +=
          " (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")";
    }
    return Problems.response(
        400,
        "invalid-request",
        Problems.TITLE_INVALID,
        field + ": " + message,
        List.of(new Problem.FieldError(field, code, message)));
  }

  private static String simpleName(Class<?> c) {
    if (c == null) {
      return "value";
    }
    if (c.isEnum()) {
      StringBuilder sb = new StringBuilder("one of ");
      Object[] values = c.getEnumConstants();
      for (int i = 0; i < values.length; i++) {
        sb.append(i == 0 ? "" : ", ").append(((Enum<?>) values[i]).name());
      }
      return sb.toString();
    }
    return c.getSimpleName();
  }

  static String pathOf(List<JsonMappingException.Reference> refs) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.length() == 0 ? "body" : sb.toString();
  }

  /** 404 on unknown paths, 405, 406, 415 … keep their status, as problem+json. */
  @Provider
  @Priority(Priorities.USER - 100)
  public static class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
      if (status >= 500) {
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "error %s", id);
        return Problems.response(
            status, Problems.slugFor(status), Problems.titleFor(status), "error id " + id, null);
      }
      Throwable cause = e.getCause();
      if (cause instanceof JsonProcessingException j) {
        return json(j);
      }
      return Problems.response(
          status, Problems.slugFor(status), Problems.titleFor(status), e.getMessage(), null);
    }
  }

  /** Anything else: a 500 with an id to find the stack trace in the log. */
  @Provider
  @Priority(Priorities.USER - 100)
  public static class FallbackMapper implements ExceptionMapper<Exception> {
    @Override
    public Response toResponse(Exception e) {
      if (e instanceof ConstraintViolationException cve) {
        return violations(cve);
      }
      if (e instanceof JsonProcessingException j) {
        return json(j);
      }
      if (e.getCause() instanceof JsonProcessingException j) {
        return json(j);
      }
      String id = UUID.randomUUID().toString();
      LOG.errorf(e, "unexpected error %s", id);
      return Problems.response(
          500, "internal-error", Problems.TITLE_INTERNAL, "error id " + id, null);
    }
  }
}
