package cn.szcg.deploy;

import static cn.szcg.deploy.Objects2.name;
import static cn.szcg.deploy.Objects2.ofKind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where ingress-nginx sends a request, computed from the rendered Ingresses as the controller
 * builds its nginx locations: the paths of every Ingress of one host merge into one server; when
 * any of them sets use-regex or rewrite-target, every path of that host is a case-insensitive regex
 * anchored at the start, tried longest first; otherwise the longest matching Prefix (whole path
 * elements) or Exact path wins. An Ingress' rewrite-target replaces the path ($1, $2 … from its
 * regex); a denylist-source-range of 0.0.0.0/0 refuses everybody (403). Used to prove the routes of
 * the console's host: {@code /} to the console, {@code /api/<service>/…} to that service's {@code
 * /api/…}, {@code /q} nowhere.
 */
final class IngressRoutes {

  /** One path of one Ingress. */
  record Route(ObjectNode ingress, String host, String path, String pathType, String service) {
    String annotation(String key) {
      return ingress
          .path("metadata")
          .path("annotations")
          .path("nginx.ingress.kubernetes.io/" + key)
          .asText("");
    }
  }

  /** The outcome of a request: the Service and the path it receives, or refused, or no route. */
  record Outcome(String service, String path, boolean refused) {
    static final Outcome NONE = new Outcome(null, null, false);

    boolean reaches(String svc) {
      return !refused && svc.equals(service);
    }

    @Override
    public String toString() {
      return refused ? "403 (refused)" : service == null ? "404 (no route)" : service + " " + path;
    }
  }

  private final List<Route> routes = new ArrayList<>();

  IngressRoutes(List<ObjectNode> objects) {
    for (ObjectNode i : ofKind(objects, "Ingress")) {
      for (JsonNode rule : i.path("spec").path("rules")) {
        for (JsonNode p : rule.path("http").path("paths")) {
          routes.add(
              new Route(
                  i,
                  rule.path("host").asText(),
                  p.path("path").asText("/"),
                  p.path("pathType").asText("ImplementationSpecific"),
                  p.path("backend").path("service").path("name").asText()));
        }
      }
    }
  }

  Set<String> hosts() {
    Set<String> out = new LinkedHashSet<>();
    routes.forEach(r -> out.add(r.host()));
    return out;
  }

  List<Route> of(String host) {
    return routes.stream().filter(r -> r.host().equals(host)).toList();
  }

  /** Does this host use regex locations (use-regex or rewrite-target on any of its Ingresses)? */
  boolean regex(String host) {
    return of(host).stream()
        .anyMatch(
            r ->
                r.annotation("use-regex").equals("true")
                    || !r.annotation("rewrite-target").isEmpty());
  }

  /** Where a request for this host and path goes. */
  Outcome route(String host, String path) {
    Optional<Route> hit;
    Matcher matched = null;
    if (regex(host)) {
      hit = Optional.empty();
      for (Route r :
          of(host).stream()
              .sorted(Comparator.comparingInt((Route r) -> -r.path().length()))
              .toList()) {
        Matcher m = Pattern.compile("^" + r.path(), Pattern.CASE_INSENSITIVE).matcher(path);
        if (m.lookingAt()) {
          hit = Optional.of(r);
          matched = m;
          break;
        }
      }
    } else {
      hit =
          of(host).stream()
              .filter(r -> plainMatch(r, path))
              .max(Comparator.comparingInt(r -> r.path().length()));
    }
    if (hit.isEmpty()) {
      return Outcome.NONE;
    }
    Route r = hit.get();
    if (refusesEverybody(r.annotation("denylist-source-range"))) {
      return new Outcome(r.service(), null, true);
    }
    String target = r.annotation("rewrite-target");
    if (target.isEmpty() || matched == null) {
      return new Outcome(r.service(), path, false);
    }
    StringBuilder out = new StringBuilder();
    Matcher ref = Pattern.compile("\\$(\\d)").matcher(target);
    while (ref.find()) {
      int g = Integer.parseInt(ref.group(1));
      String value = g <= matched.groupCount() && matched.group(g) != null ? matched.group(g) : "";
      ref.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    ref.appendTail(out);
    return new Outcome(r.service(), out.toString(), false);
  }

  private static boolean plainMatch(Route r, String path) {
    if (r.pathType().equals("Exact")) {
      return r.path().equals(path);
    }
    String p = r.path().endsWith("/") ? r.path() : r.path() + "/";
    return r.path().equals("/") || path.equals(r.path()) || path.startsWith(p);
  }

  private static boolean refusesEverybody(String denylist) {
    Set<String> cidrs = new LinkedHashSet<>();
    for (String c : denylist.split(",")) {
      cidrs.add(c.trim());
    }
    return cidrs.contains("0.0.0.0/0") && cidrs.contains("::/0");
  }

  /** The hosts whose "/" is the console: the browser's origin. */
  List<String> consoleHosts() {
    return hosts().stream().filter(h -> route(h, "/").reaches(RequiredConfig.CONSOLE)).toList();
  }

  /**
   * The console is served at "/" of a host with TLS and an https redirect on every Ingress of that
   * host; there, /api/&lt;service&gt;/… reaches each service's /api/… and nothing else (not
   * /api/&lt;service&gt;x/…), other paths (the app's own routes) reach the console unchanged, and
   * /q/… is refused; on no host does /q/… reach a Quarkus app of the suite (Keycloak serves its
   * health on its management port, which no Ingress routes).
   */
  List<String> check() {
    List<String> errors = new ArrayList<>();
    List<String> consoleHosts = consoleHosts();
    if (consoleHosts.isEmpty()) {
      errors.add("ingress: no host serves the console at /");
    }
    for (String host : consoleHosts) {
      for (Route r : of(host)) {
        String where = "ingress " + name(r.ingress()) + " (" + host + ")";
        boolean tls = false;
        for (JsonNode t : r.ingress().path("spec").path("tls")) {
          for (JsonNode h : t.path("hosts")) {
            tls |= h.asText().equals(host) && !t.path("secretName").asText().isEmpty();
          }
        }
        if (!tls) {
          errors.add(where + ": no TLS for the console's host");
        }
        if (!r.annotation("ssl-redirect").equals("true")) {
          errors.add(where + ": ssl-redirect must be true");
        }
      }
      for (String svc : RequiredConfig.SERVICES) {
        String api = "/api/" + RequiredConfig.shortName(svc);
        expect(errors, host, api + "/v1/reports?page=2", svc, "/api/v1/reports?page=2");
        expect(errors, host, api + "/v1/cases/9f1c/photos/1", svc, "/api/v1/cases/9f1c/photos/1");
        Outcome near = route(host, api + "x/v1/reports");
        if (near.reaches(svc)) {
          errors.add("ingress " + host + api + "x/v1/reports reaches " + svc + " (" + near + ")");
        }
      }
      expect(errors, host, "/", RequiredConfig.CONSOLE, "/");
      expect(errors, host, "/intake", RequiredConfig.CONSOLE, "/intake");
      expect(errors, host, "/config.json", RequiredConfig.CONSOLE, "/config.json");
      expect(
          errors, host, "/assets/index-3f2a.js", RequiredConfig.CONSOLE, "/assets/index-3f2a.js");
    }
    for (String host : hosts()) {
      for (String q : List.of("/q/health/ready", "/q/metrics", "/Q/health")) {
        Outcome o = route(host, q);
        if (!o.refused() && RequiredConfig.DEPLOYED.contains(o.service())) {
          errors.add("ingress " + host + q + " reaches " + o + ": /q stays inside the cluster");
        }
      }
    }
    return errors;
  }

  private void expect(List<String> errors, String host, String path, String svc, String upstream) {
    Outcome o = route(host, path);
    if (!o.reaches(svc) || !upstream.equals(o.path())) {
      errors.add(
          "ingress " + host + path + " should reach " + svc + " " + upstream + ", reaches " + o);
    }
  }
}
