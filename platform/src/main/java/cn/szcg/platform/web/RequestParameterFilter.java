package cn.szcg.platform.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks the query and path parameters of every request, before any resource sees them (issue 19):
 * a refused control character ({@link ControlCharacters#firstInParameter}) and a paging parameter
 * out of its bounds ({@link Paging}) are a 400 problem+json naming the parameter. One filter for
 * the five services, so no list filter, no id in a path reaches the database with a NUL and no
 * {@code page × size} overflows.
 */
@Provider
@Priority(Priorities.USER - 500)
public class RequestParameterFilter implements ContainerRequestFilter {

  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

  /**
   * An upload's {@code fileName} is the device's name of the file, kept as evidence and sanitised
   * by the upload itself (dispatch's PhotoPolicy.safeFileName: no path parts, no control
   * characters): only NUL, which nothing can store, is refused here.
   */
  static final String FILE_NAME = "fileName";

  @Override
  public void filter(ContainerRequestContext req) {
    var uri = req.getUriInfo();
    check(uri.getPathParameters(true));
    MultivaluedMap<String, String> query = uri.getQueryParameters(true);
    check(query);
    bound(query, "page", 0, Paging.MAX_PAGE);
    bound(query, "size", 1, Paging.MAX_SIZE);
  }

  private static void check(MultivaluedMap<String, String> params) {
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      int badName = ControlCharacters.firstInParameter(e.getKey());
      if (badName >= 0) {
        String name = ControlCharacters.sanitise(e.getKey(), 64);
        throw ProblemException.invalidField(
            name, "control-character", ControlCharacters.message(e.getKey(), badName));
      }
      boolean fileName = FILE_NAME.equals(e.getKey());
      for (String v : e.getValue()) {
        int bad = fileName ? v.indexOf('\0') : ControlCharacters.firstInParameter(v);
        if (bad >= 0) {
          throw ProblemException.invalidField(
              e.getKey(), "control-character", ControlCharacters.message(v, bad));
        }
      }
    }
  }

  /**
   * An integer value outside [min, max] is refused; a value that is no integer at all is left to
   * the endpoint (which names it as before).
   */
  private static void bound(MultivaluedMap<String, String> query, String name, long min, long max) {
    List<String> values = query.get(name);
    if (values == null) {
      return;
    }
    for (String v : values) {
      String t = v == null ? "" : v.strip();
      if (!INTEGER.matcher(t).matches()) {
        continue;
      }
      BigInteger n = new BigInteger(t);
      if (n.compareTo(BigInteger.valueOf(min)) < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
        throw ProblemException.invalidField(
            name,
            "out-of-range",
            "取值须在 " + min + " 到 " + max + " 之间 / must be between " + min + " and " + max);
      }
    }
  }
}
