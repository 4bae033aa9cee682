package cn.szcg.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variables each service needs in production, read from the service's own
 * application.properties at test time: every {@code ${NAME}} without a default in a key that
 * applies to the prod profile (no profile, or a profile list containing {@code prod}). A property
 * reference ({@code ${szcg.gis.url}}) is translated to its environment form ({@code SZCG_GIS_URL})
 * unless the file defines it or it is a Quarkus property (those have built-in defaults). On top,
 * the minimum every service has: datasource, Kafka, OIDC; for the console ({@link #CONSOLE_BASE})
 * its upstreams, the browser's Keycloak, Kafka and OIDC.
 */
final class RequiredConfig {
  static final List<String> SERVICES =
      List.of(
          "gis-service", "intake-service", "dispatch-service", "sla-service", "assessment-service");

  /** The command center's web workbench (console/): no database, proxies /api to the SERVICES. */
  static final String CONSOLE = "console";

  /** Every module that runs as a Deployment: the five services and the console. */
  static final List<String> DEPLOYED =
      java.util.stream.Stream.concat(SERVICES.stream(), java.util.stream.Stream.of(CONSOLE))
          .toList();

  /**
   * What the console needs in a cluster: the upstream of its /api proxy for every service (the
   * properties file's defaults are the local ports), the browser's Keycloak, and for its push
   * channel Kafka and the token verification (issue 17).
   */
  static final Set<String> CONSOLE_BASE =
      java.util.stream.Stream.concat(
              SERVICES.stream().map(RequiredConfig::upstreamKey),
              java.util.stream.Stream.of(
                  "SZCG_CONSOLE_OIDC_AUTHORITY",
                  "KAFKA_BOOTSTRAP_SERVERS",
                  "QUARKUS_OIDC_AUTH_SERVER_URL",
                  "QUARKUS_OIDC_CLIENT_ID"))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  static final Set<String> BASE =
      Set.of(
          "QUARKUS_DATASOURCE_JDBC_URL",
          "QUARKUS_DATASOURCE_USERNAME",
          "QUARKUS_DATASOURCE_PASSWORD",
          "KAFKA_BOOTSTRAP_SERVERS",
          "QUARKUS_OIDC_AUTH_SERVER_URL",
          "QUARKUS_OIDC_CLIENT_ID");
  static final Map<String, Set<String>> EXTRA =
      Map.of(
          // the hotline webhook secret has an empty default (local prod-profile runs push nothing)
          // but every cluster wires it (optional where the webhook URL is empty, required where an
          // overlay sets the URL — Consistency.wiring checks that pairing)
          "intake-service",
          Set.of("SZCG_GIS_URL", "SZCG_HOTLINE_WEBHOOK_SECRET"),
          "dispatch-service",
          Set.of("SZCG_GIS_URL"));
  private static final Pattern REF = Pattern.compile("\\$\\{([^}:]+)}");

  private RequiredConfig() {}

  /**
   * The environment variable of the console's upstream for a service: SZCG_CONSOLE_UPSTREAM_GIS.
   */
  static String upstreamKey(String service) {
    return "SZCG_CONSOLE_UPSTREAM_" + shortName(service).toUpperCase();
  }

  /** gis-service -> gis: the name in /api/gis/... and in szcg.console.upstream.gis. */
  static String shortName(String service) {
    return service.replaceFirst("-service$", "");
  }

  /** Does the module's pom.xml depend on this artifact (e.g. a Prometheus registry, a driver)? */
  static boolean dependsOn(String module, String artifactId) {
    Path pom = Repo.root().resolve(module).resolve("pom.xml");
    try {
      return Files.isRegularFile(pom)
          && Files.readString(pom).contains("<artifactId>" + artifactId + "</artifactId>");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The module serves /q/metrics (Micrometer with the Prometheus registry). */
  static boolean exposesMetrics(String module) {
    return dependsOn(module, "quarkus-micrometer-registry-prometheus");
  }

  static Map<String, Set<String>> all() {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (String svc : DEPLOYED) {
      Set<String> keys = new TreeSet<>(svc.equals(CONSOLE) ? CONSOLE_BASE : BASE);
      keys.addAll(EXTRA.getOrDefault(svc, Set.of()));
      Path props = Repo.root().resolve(svc).resolve("src/main/resources/application.properties");
      if (Files.isRegularFile(props)) {
        keys.addAll(fromProperties(props));
      }
      out.put(svc, keys);
    }
    return out;
  }

  /** Each service's application.properties (empty when the file does not exist yet). */
  static Map<String, Properties> properties() {
    Map<String, Properties> out = new LinkedHashMap<>();
    for (String svc : DEPLOYED) {
      Path file = Repo.root().resolve(svc).resolve("src/main/resources/application.properties");
      Properties p = new Properties();
      if (Files.isRegularFile(file)) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          p.load(r);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      out.put(svc, p);
    }
    return out;
  }

  static Set<String> fromProperties(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return fromProperties(p);
  }

  static Set<String> fromProperties(Properties p) {
    Set<String> defined = new TreeSet<>();
    for (String key : p.stringPropertyNames()) {
      defined.add(unprofiled(key));
    }
    Set<String> required = new TreeSet<>();
    for (String key : p.stringPropertyNames()) {
      if (!appliesToProd(key)) {
        continue;
      }
      Matcher m = REF.matcher(p.getProperty(key));
      while (m.find()) {
        String ref = m.group(1).trim();
        if (ref.matches("[A-Z][A-Z0-9_]*")) {
          required.add(ref);
        } else if (!defined.contains(ref) && !ref.startsWith("quarkus.")) {
          required.add(ref.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        }
      }
    }
    return required;
  }

  private static boolean appliesToProd(String key) {
    if (!key.startsWith("%")) {
      return true;
    }
    String profiles = key.substring(1, key.indexOf('.'));
    return List.of(profiles.split(",")).contains("prod");
  }

  private static String unprofiled(String key) {
    return key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
  }
}
