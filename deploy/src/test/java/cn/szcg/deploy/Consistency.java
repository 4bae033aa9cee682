package cn.szcg.deploy;

import static cn.szcg.deploy.Objects2.containers;
import static cn.szcg.deploy.Objects2.env;
import static cn.szcg.deploy.Objects2.find;
import static cn.szcg.deploy.Objects2.list;
import static cn.szcg.deploy.Objects2.name;
import static cn.szcg.deploy.Objects2.ofKind;
import static cn.szcg.deploy.Objects2.podLabels;
import static cn.szcg.deploy.Objects2.podSpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that the rendered manifests fit the code and fit together: topics, configuration keys,
 * ports and probes, wiring to Kafka / PostgreSQL / Keycloak, hardening. Each method returns the
 * problems found (empty = fine), so that tests can also feed deliberately broken input.
 */
final class Consistency {
  static final String HEALTH_STARTED = "/q/health/started";
  static final String HEALTH_LIVE = "/q/health/live";
  static final String HEALTH_READY = "/q/health/ready";
  static final String METRICS = "/q/metrics";
  static final String IMAGE_REGISTRY = "registry.example.gov.cn/szcg/";
  private static final long DAY_MS = 24L * 60 * 60 * 1000;

  /**
   * The SZCG_*_URL settings that deliberately point OUTSIDE the cluster (every other one must name
   * an in-cluster Service), each with the environment variable of the secret that signs what the
   * service sends there. Keep this list short and explicit: an entry here is an address the network
   * policies open towards the outside (an egress ipBlock rule per overlay).
   */
  static final Map<String, String> EXTERNAL_URLS =
      Map.of(
          // intake-service -> county 12345 hotline platform (callbacks, docs/intake.md §6)
          "SZCG_HOTLINE_WEBHOOK_URL", "SZCG_HOTLINE_WEBHOOK_SECRET");

  private Consistency() {}

  /** Production rules apply to every overlay but the dev ones (overlays/dev*). */
  static boolean production(java.nio.file.Path overlay) {
    return !overlay.getFileName().toString().startsWith("dev");
  }

  /** Every szcg Deployment: the API pods. */
  static List<ObjectNode> services(List<ObjectNode> objects) {
    return ofKind(objects, "Deployment");
  }

  // ---------------------------------------------------------------- topics

  /**
   * Every topic the code uses (cn.szcg.contracts.Topics.all()) is a KafkaTopic of the rendered
   * Kafka cluster, with partitions, replication the brokers can hold, an explicit retention and
   * cleanup policy; no topic exists that the code does not know; topic auto-creation is off.
   */
  static List<String> topics(List<ObjectNode> objects, Collection<String> codeTopics) {
    List<String> errors = new ArrayList<>();
    List<ObjectNode> kafkas = ofKind(objects, "Kafka");
    if (kafkas.size() != 1) {
      errors.add("expected exactly one Kafka, found " + kafkas.size());
      return errors;
    }
    ObjectNode kafka = kafkas.get(0);
    String cluster = name(kafka);
    JsonNode config = kafka.path("spec").path("kafka").path("config");
    if (!"false".equals(config.path("auto.create.topics.enable").asText())) {
      errors.add("Kafka " + cluster + ": auto.create.topics.enable must be false");
    }
    int brokers = brokers(objects, cluster);
    if (brokers < 1) {
      errors.add("Kafka " + cluster + ": no KafkaNodePool with the broker role");
    }
    Set<String> declared = new HashSet<>();
    long longestEventRetention = 0;
    Long deadLetterRetention = null;
    for (ObjectNode t : ofKind(objects, "KafkaTopic")) {
      String topic = t.path("spec").path("topicName").asText(name(t));
      declared.add(topic);
      String where = "KafkaTopic " + topic;
      if (!cluster.equals(t.path("metadata").path("labels").path("strimzi.io/cluster").asText())) {
        errors.add(where + ": label strimzi.io/cluster must be " + cluster);
      }
      JsonNode spec = t.path("spec");
      if (spec.path("partitions").asInt(0) < 1) {
        errors.add(where + ": partitions must be set and >= 1");
      }
      int replicas = spec.path("replicas").asInt(0);
      if (replicas < 1 || replicas > brokers) {
        errors.add(where + ": replicas " + replicas + " not within 1.." + brokers + " brokers");
      }
      JsonNode tc = spec.path("config");
      int minIsr =
          tc.path("min.insync.replicas").asInt(config.path("min.insync.replicas").asInt(1));
      if (minIsr > replicas || (replicas > 1 && minIsr >= replicas)) {
        errors.add(
            where + ": min.insync.replicas " + minIsr + " must be below replicas " + replicas);
      }
      String cleanup = tc.path("cleanup.policy").asText("");
      if (!cleanup.equals("delete") && !cleanup.equals("compact")) {
        errors.add(where + ": cleanup.policy must be set (delete for streams, compact for tables)");
      }
      long retention = tc.path("retention.ms").asLong(0);
      if (cleanup.equals("delete") && retention < 7 * DAY_MS) {
        errors.add(where + ": retention.ms must be set, at least 7 days");
      }
      if (topic.endsWith("dead-letter")) {
        deadLetterRetention = retention;
      } else {
        longestEventRetention = Math.max(longestEventRetention, retention);
      }
    }
    for (String topic : codeTopics) {
      if (!declared.contains(topic)) {
        errors.add("topic " + topic + " is used by the code but has no KafkaTopic");
      }
    }
    for (String topic : declared) {
      if (!codeTopics.contains(topic)) {
        errors.add("KafkaTopic " + topic + " is not in cn.szcg.contracts.Topics.all()");
      }
    }
    if (deadLetterRetention != null && deadLetterRetention < longestEventRetention) {
      errors.add("the dead-letter topic must keep records at least as long as the event topics");
    }
    return errors;
  }

  static int brokers(List<ObjectNode> objects, String cluster) {
    int n = 0;
    for (ObjectNode pool : ofKind(objects, "KafkaNodePool")) {
      if (cluster.equals(pool.path("metadata").path("labels").path("strimzi.io/cluster").asText())
          && Objects2.list(pool.path("spec").path("roles")).stream()
              .anyMatch(r -> r.asText().equals("broker"))) {
        n += pool.path("spec").path("replicas").asInt(0);
      }
    }
    return n;
  }

  static int controllers(List<ObjectNode> objects) {
    int n = 0;
    for (ObjectNode pool : ofKind(objects, "KafkaNodePool")) {
      if (Objects2.list(pool.path("spec").path("roles")).stream()
          .anyMatch(r -> r.asText().equals("controller"))) {
        n += pool.path("spec").path("replicas").asInt(0);
      }
    }
    return n;
  }

  // ---------------------------------------------------------------- configuration keys

  /** Every environment variable a service requires is provided by its Deployment. */
  static List<String> requiredConfig(
      List<ObjectNode> objects, Map<String, Set<String>> requiredByService) {
    List<String> errors = new ArrayList<>();
    for (var e : requiredByService.entrySet()) {
      Optional<ObjectNode> d = find(objects, "Deployment", e.getKey());
      if (d.isEmpty()) {
        errors.add("service " + e.getKey() + " has no Deployment");
        continue;
      }
      Map<String, String> env = env(objects, d.get());
      for (String key : e.getValue()) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
          errors.add(e.getKey() + ": required configuration " + key + " is not provided");
        }
      }
    }
    for (ObjectNode d : services(objects)) {
      for (JsonNode c : containers(d)) {
        for (JsonNode from : c.path("envFrom")) {
          if (from.has("configMapRef")
              && !from.path("configMapRef").path("optional").asBoolean(false)
              && find(objects, "ConfigMap", from.path("configMapRef").path("name").asText())
                  .isEmpty()) {
            errors.add(
                name(d)
                    + ": envFrom ConfigMap "
                    + from.path("configMapRef").path("name").asText()
                    + " does not exist");
          }
        }
      }
    }
    return errors;
  }

  // ---------------------------------------------------------------- wiring

  /**
   * The values point at things that exist: the JDBC URL at a CNPG Cluster's -rw service and a
   * Database of that cluster whose owner is the role whose password Secret the Deployment reads;
   * Kafka at the bootstrap service and a listener port; OIDC at the Keycloak service and the
   * imported realm, the client id at a client of that realm, the issuer at Keycloak's hostname;
   * SZCG_GIS_URL at the gis Service and its port; every other SZCG_*_URL at a Service and one of
   * its ports, except the deliberately external ones ({@link #EXTERNAL_URLS}: empty = off, else an
   * absolute URL outside the cluster, https in production, its signing secret read from a Secret
   * that is not optional). Strict: production rules.
   */
  static List<String> wiring(List<ObjectNode> objects) {
    return wiring(objects, true);
  }

  /** {@link #wiring(List)}; {@code production} false (dev) lets an external URL use plain http. */
  static List<String> wiring(List<ObjectNode> objects, boolean production) {
    List<String> errors = new ArrayList<>();
    Pattern jdbc = Pattern.compile("jdbc:postgresql://([a-z0-9-]+)-rw(?::(\\d+))?/([a-z0-9_]+)");
    Optional<ObjectNode> kafka = ofKind(objects, "Kafka").stream().findFirst();
    Optional<ObjectNode> keycloak = ofKind(objects, "Keycloak").stream().findFirst();
    Optional<ObjectNode> realm = ofKind(objects, "KeycloakRealmImport").stream().findFirst();
    for (ObjectNode d : services(objects)) {
      String svc = name(d);
      Map<String, String> env = env(objects, d);
      // PostgreSQL, for the modules with a database (the console has none)
      String url = env.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", "");
      Matcher m = jdbc.matcher(url);
      if (!hasDatabase(svc)) {
        env.keySet().stream()
            .filter(k -> k.startsWith("QUARKUS_DATASOURCE_") || k.startsWith("QUARKUS_FLYWAY_"))
            .forEach(k -> errors.add(svc + ": has no database but is given " + k));
      } else if (!m.matches()) {
        errors.add(svc + ": QUARKUS_DATASOURCE_JDBC_URL '" + url + "' is not a CNPG -rw URL");
      } else {
        String cluster = m.group(1);
        String database = m.group(3);
        Optional<ObjectNode> c = find(objects, "Cluster", cluster);
        if (m.group(2) != null && !m.group(2).equals("5432")) {
          errors.add(svc + ": PostgreSQL listens on 5432, not " + m.group(2));
        }
        if (c.isEmpty()) {
          errors.add(svc + ": no CNPG Cluster " + cluster);
        } else {
          Optional<ObjectNode> db =
              ofKind(objects, "Database").stream()
                  .filter(x -> cluster.equals(x.path("spec").path("cluster").path("name").asText()))
                  .filter(x -> database.equals(x.path("spec").path("name").asText()))
                  .findFirst();
          if (db.isEmpty()) {
            errors.add(svc + ": no Database " + database + " in Cluster " + cluster);
          } else {
            String owner = db.get().path("spec").path("owner").asText();
            // the owner role runs the migrations; the service connects as <owner>_app, which
            // may not rewrite the audit trail (docs/security.md)
            checkRole(errors, svc, c.get(), cluster, owner, env, "QUARKUS_FLYWAY");
            checkRole(errors, svc, c.get(), cluster, owner + "_app", env, "QUARKUS_DATASOURCE");
          }
        }
      }
      // Kafka
      String bootstrap = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "");
      if (kafka.isEmpty()) {
        errors.add("no Kafka");
      } else {
        Set<String> ok = new HashSet<>();
        for (JsonNode l : kafka.get().path("spec").path("kafka").path("listeners")) {
          if (!l.path("tls").asBoolean(true)) {
            ok.add(name(kafka.get()) + "-kafka-bootstrap:" + l.path("port").asInt());
          }
        }
        if (!ok.contains(bootstrap)) {
          errors.add(svc + ": KAFKA_BOOTSTRAP_SERVERS '" + bootstrap + "' is not one of " + ok);
        }
      }
      // Keycloak
      if (keycloak.isEmpty() || realm.isEmpty()) {
        errors.add("no Keycloak with a realm import");
      } else {
        String realmName = realm.get().path("spec").path("realm").path("realm").asText();
        int port = keycloak.get().path("spec").path("http").path("httpPort").asInt(8080);
        String expected =
            "http://" + name(keycloak.get()) + "-service:" + port + "/realms/" + realmName;
        String auth = env.getOrDefault("QUARKUS_OIDC_AUTH_SERVER_URL", "");
        if (!auth.equals(expected)) {
          errors.add(svc + ": QUARKUS_OIDC_AUTH_SERVER_URL '" + auth + "' should be " + expected);
        }
        String issuer = env.get("QUARKUS_OIDC_TOKEN_ISSUER");
        String hostname = keycloak.get().path("spec").path("hostname").path("hostname").asText();
        if (issuer != null && !issuer.equals(hostname + "/realms/" + realmName)) {
          errors.add(
              svc + ": QUARKUS_OIDC_TOKEN_ISSUER '" + issuer + "' is not Keycloak's " + hostname);
        }
        String clientId = env.getOrDefault("QUARKUS_OIDC_CLIENT_ID", "");
        boolean known =
            Objects2.list(realm.get().path("spec").path("realm").path("clients")).stream()
                .anyMatch(cl -> clientId.equals(cl.path("clientId").asText()));
        if (!known) {
          errors.add(svc + ": OIDC client '" + clientId + "' is not a client of the realm");
        }
      }
      if (svc.equals(RequiredConfig.CONSOLE) && keycloak.isPresent() && realm.isPresent()) {
        consoleWiring(errors, objects, svc, env, keycloak.get(), realm.get());
      }
      // SZCG_*_URL: another Service of the suite, or one of the deliberately external addresses
      env.forEach(
          (k, v) -> {
            if (!k.startsWith("SZCG_") || !k.endsWith("_URL")) {
              return;
            }
            if (EXTERNAL_URLS.containsKey(k)) {
              externalUrl(errors, d, svc, k, v, production);
            } else {
              serviceUrl(errors, objects, svc, k, v);
            }
          });
    }
    return errors;
  }

  /** A module with a PostgreSQL driver has a database; a Deployment of another name has one too. */
  static boolean hasDatabase(String deployment) {
    return !RequiredConfig.DEPLOYED.contains(deployment)
        || RequiredConfig.dependsOn(deployment, "quarkus-jdbc-postgresql");
  }

  /**
   * The console: its proxy's upstream of every service is that very service ({@code
   * SZCG_CONSOLE_UPSTREAM_INTAKE} at intake-service, on a Service port), no upstream names a
   * service the suite does not have, and the Keycloak the browser is sent to is the public one that
   * issues the tokens (Keycloak's hostname + realm), not the in-cluster address.
   */
  private static void consoleWiring(
      List<String> errors,
      List<ObjectNode> objects,
      String svc,
      Map<String, String> env,
      JsonNode keycloak,
      JsonNode realm) {
    String prefix = "SZCG_CONSOLE_UPSTREAM_";
    for (String service : RequiredConfig.SERVICES) {
      String key = RequiredConfig.upstreamKey(service);
      String value = env.getOrDefault(key, "");
      URI uri = uri(value);
      if (uri == null || uri.getHost() == null) {
        errors.add(svc + ": " + key + " '" + value + "' is not a URL of " + service);
      } else if (!uri.getHost().equals(service)) {
        errors.add(svc + ": " + key + " points at " + uri.getHost() + ", not at " + service);
      } else {
        serviceUrl(errors, objects, svc, key, value);
      }
    }
    env.keySet().stream()
        .filter(k -> k.startsWith(prefix))
        .filter(
            k ->
                RequiredConfig.SERVICES.stream()
                    .noneMatch(x -> RequiredConfig.upstreamKey(x).equals(k)))
        .forEach(k -> errors.add(svc + ": " + k + " names no service of the suite"));
    String expected =
        keycloak.path("spec").path("hostname").path("hostname").asText()
            + "/realms/"
            + realm.path("spec").path("realm").path("realm").asText();
    String authority = env.getOrDefault("SZCG_CONSOLE_OIDC_AUTHORITY", "");
    if (!authority.equals(expected)) {
      errors.add(
          svc
              + ": SZCG_CONSOLE_OIDC_AUTHORITY '"
              + authority
              + "' should be the public realm "
              + expected
              + " (the browser logs in there)");
    }
  }

  /** An in-cluster SZCG_*_URL: http://<Service>:<Service port>. */
  private static void serviceUrl(
      List<String> errors, List<ObjectNode> objects, String svc, String key, String value) {
    URI uri = uri(value);
    if (uri == null || uri.getHost() == null) {
      errors.add(svc + ": " + key + " '" + value + "' is not a URL of a Service");
      return;
    }
    Optional<ObjectNode> target = find(objects, "Service", uri.getHost());
    if (target.isEmpty()) {
      errors.add(svc + ": " + key + " points at unknown Service " + uri.getHost());
    } else if (Objects2.list(target.get().path("spec").path("ports")).stream()
        .noneMatch(p -> p.path("port").asInt() == uri.getPort())) {
      errors.add(svc + ": " + key + " port " + uri.getPort() + " is not a Service port");
    }
  }

  /** A deliberately external URL ({@link #EXTERNAL_URLS}): empty = off. */
  private static void externalUrl(
      List<String> errors,
      JsonNode deployment,
      String svc,
      String key,
      String value,
      boolean production) {
    if (value.isBlank()) {
      return;
    }
    String where = svc + ": " + key + " '" + value + "'";
    URI uri = uri(value.trim());
    String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (uri == null
        || uri.getHost() == null
        || !(scheme.equals("https") || scheme.equals("http"))) {
      errors.add(where + " is not an absolute http(s) URL");
      return;
    }
    if (production && !scheme.equals("https")) {
      errors.add(where + " leaves the cluster and must use https in production");
    }
    if (uri.getUserInfo() != null) {
      errors.add(where + " must not carry credentials");
    }
    String host = uri.getHost().toLowerCase();
    if (!host.contains(".") || host.endsWith(".svc") || host.contains(".svc.")) {
      errors.add(
          where
              + " names an in-cluster address; only addresses outside the cluster are external"
              + " (an in-cluster call is a Service URL under another name)");
    }
    String secretEnv = EXTERNAL_URLS.get(key);
    JsonNode ref = null;
    List<JsonNode> containers = containers(deployment);
    for (JsonNode e :
        containers.isEmpty() ? List.<JsonNode>of() : list(containers.get(0).path("env"))) {
      if (secretEnv.equals(e.path("name").asText())) {
        ref = e.path("valueFrom").path("secretKeyRef");
      }
    }
    if (ref == null || ref.isMissingNode()) {
      errors.add(svc + ": " + key + " is set, so " + secretEnv + " must come from a Secret");
    } else if (ref.path("optional").asBoolean(false)) {
      errors.add(
          svc
              + ": "
              + key
              + " is set, so the Secret "
              + ref.path("name").asText()
              + " of "
              + secretEnv
              + " must not be optional (the service refuses to start without it)");
    }
  }

  private static URI uri(String value) {
    try {
      return new URI(value);
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  // ---------------------------------------------------------------- ports and probes

  /**
   * Each Service selects exactly one Deployment and its targetPort is a container port of it; the
   * probes use the Quarkus health paths on a container port; the scrape annotations (exactly on the
   * modules with a Prometheus registry) point at /q/metrics on a container port; every Ingress
   * backend is a Service port (or the Keycloak operator's service).
   */
  static List<String> ports(List<ObjectNode> objects) {
    List<String> errors = new ArrayList<>();
    List<ObjectNode> deployments = services(objects);
    for (ObjectNode s : ofKind(objects, "Service")) {
      Map<String, String> selector = Objects2.stringMap(s.path("spec").path("selector"));
      List<ObjectNode> selected =
          deployments.stream()
              .filter(
                  d ->
                      !selector.isEmpty()
                          && podLabels(d).entrySet().containsAll(selector.entrySet()))
              .toList();
      if (selected.size() != 1) {
        errors.add("Service " + name(s) + " selects " + selected.size() + " Deployments");
        continue;
      }
      for (JsonNode p : s.path("spec").path("ports")) {
        JsonNode target = p.has("targetPort") ? p.path("targetPort") : p.path("port");
        if (containerPort(selected.get(0), target).isEmpty()) {
          errors.add(
              "Service "
                  + name(s)
                  + ": targetPort "
                  + target.asText()
                  + " is not a container port of "
                  + name(selected.get(0)));
        }
      }
    }
    for (ObjectNode d : deployments) {
      if (ofKind(objects, "Service").stream()
          .noneMatch(
              s ->
                  podLabels(d)
                      .entrySet()
                      .containsAll(
                          Objects2.stringMap(s.path("spec").path("selector")).entrySet()))) {
        errors.add("Deployment " + name(d) + " has no Service");
      }
      for (JsonNode c : containers(d)) {
        String where = name(d) + "/" + c.path("name").asText();
        probe(d, c, "startupProbe", HEALTH_STARTED, where, errors);
        probe(d, c, "livenessProbe", HEALTH_LIVE, where, errors);
        probe(d, c, "readinessProbe", HEALTH_READY, where, errors);
      }
      JsonNode ann = d.path("spec").path("template").path("metadata").path("annotations");
      if (!exposesMetrics(name(d))) {
        if (ann.has("prometheus.io/scrape")) {
          errors.add(
              name(d)
                  + ": has no "
                  + METRICS
                  + " (no Prometheus registry in its pom.xml) but asks to be scraped");
        }
      } else if (!"true".equals(ann.path("prometheus.io/scrape").asText())
          || !METRICS.equals(ann.path("prometheus.io/path").asText())
          || containerPort(d, ann.path("prometheus.io/port")).isEmpty()) {
        errors.add(
            name(d)
                + ": pod needs prometheus.io/scrape=true, path "
                + METRICS
                + " and a container port");
      }
    }
    Set<String> operatorServices = new HashSet<>();
    ofKind(objects, "Keycloak").forEach(k -> operatorServices.add(name(k) + "-service"));
    for (ObjectNode i : ofKind(objects, "Ingress")) {
      for (JsonNode rule : i.path("spec").path("rules")) {
        for (JsonNode path : rule.path("http").path("paths")) {
          JsonNode b = path.path("backend").path("service");
          String target = b.path("name").asText();
          if (operatorServices.contains(target)) {
            continue;
          }
          Optional<ObjectNode> s = find(objects, "Service", target);
          JsonNode port = b.path("port");
          boolean ok =
              s.isPresent()
                  && Objects2.list(s.get().path("spec").path("ports")).stream()
                      .anyMatch(
                          p ->
                              port.has("name")
                                  ? port.path("name").asText().equals(p.path("name").asText())
                                  : port.path("number").asInt() == p.path("port").asInt());
          if (!ok) {
            errors.add(
                "Ingress "
                    + name(i)
                    + ": backend "
                    + target
                    + ":"
                    + port
                    + " is not a Service port");
          }
        }
      }
    }
    return errors;
  }

  /** The module serves /q/metrics; a Deployment of an unknown module is expected to. */
  static boolean exposesMetrics(String deployment) {
    return !RequiredConfig.DEPLOYED.contains(deployment)
        || RequiredConfig.exposesMetrics(deployment);
  }

  private static void probe(
      JsonNode d, JsonNode c, String probe, String path, String where, List<String> errors) {
    JsonNode http = c.path(probe).path("httpGet");
    if (http.isMissingNode()) {
      errors.add(where + ": " + probe + " with httpGet " + path + " is required");
      return;
    }
    if (!path.equals(http.path("path").asText())) {
      errors.add(where + ": " + probe + " path must be " + path);
    }
    if (containerPort(d, http.path("port")).isEmpty()) {
      errors.add(
          where + ": " + probe + " port " + http.path("port").asText() + " is no container port");
    }
  }

  /** The container port a port reference (number or name, possibly a numeric string) means. */
  static Optional<Integer> containerPort(JsonNode deployment, JsonNode ref) {
    if (ref == null || ref.isMissingNode() || ref.isNull()) {
      return Optional.empty();
    }
    for (JsonNode c : containers(deployment)) {
      for (JsonNode p : c.path("ports")) {
        int number = p.path("containerPort").asInt();
        if ((ref.isInt() && ref.asInt() == number)
            || ref.asText().equals(p.path("name").asText())
            || ref.asText().equals(String.valueOf(number))) {
          return Optional.of(number);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The port Quarkus will really listen on in the pod — QUARKUS_HTTP_PORT from the environment,
   * else {@code %prod.quarkus.http.port}, else {@code quarkus.http.port}, else 8080 — is the
   * container port the Service and the probes use. (The services' application.properties set local
   * ports 8081..8085; the environment must override them.)
   */
  static List<String> httpPort(
      List<ObjectNode> objects, Map<String, java.util.Properties> propertiesByService) {
    List<String> errors = new ArrayList<>();
    for (var e : propertiesByService.entrySet()) {
      Optional<ObjectNode> d = find(objects, "Deployment", e.getKey());
      if (d.isEmpty()) {
        continue;
      }
      java.util.Properties p = e.getValue();
      String port =
          env(objects, d.get())
              .getOrDefault(
                  "QUARKUS_HTTP_PORT",
                  p.getProperty(
                      "%prod.quarkus.http.port", p.getProperty("quarkus.http.port", "8080")));
      int container =
          containers(d.get()).get(0).path("ports").path(0).path("containerPort").asInt(-1);
      if (!String.valueOf(container).equals(port.trim())) {
        errors.add(
            e.getKey()
                + ": Quarkus listens on "
                + port
                + " in prod but the container port is "
                + container
                + " (set QUARKUS_HTTP_PORT)");
      }
    }
    return errors;
  }

  /**
   * Secrets the manifests read but do not contain (created by ops or by an operator): datasource
   * credentials, managed-role passwords, Keycloak's database, realm placeholders, TLS.
   */
  static Set<String> referencedSecrets(List<ObjectNode> objects) {
    Set<String> out = new java.util.TreeSet<>();
    for (ObjectNode o : objects) {
      o.findParents("secretKeyRef")
          .forEach(p -> out.add(p.path("secretKeyRef").path("name").asText()));
      o.findParents("passwordSecret")
          .forEach(p -> out.add(p.path("passwordSecret").path("name").asText()));
      o.findParents("usernameSecret")
          .forEach(p -> out.add(p.path("usernameSecret").path("name").asText()));
      o.path("spec").path("tls").forEach(t -> out.add(t.path("secretName").asText()));
      o.path("spec")
          .path("placeholders")
          .forEach(p -> out.add(p.path("secret").path("name").asText()));
      o.path("spec")
          .path("plugins")
          .forEach(p -> out.add(p.path("parameters").path("barmanObjectName").asText()));
    }
    out.remove("");
    return out;
  }

  // ---------------------------------------------------------------- hardening and labels

  /**
   * Every Deployment: requests and limits, non-root, read-only root filesystem with a writable
   * /tmp, no privilege escalation, all capabilities dropped, RuntimeDefault seccomp, an image of
   * the suite's registry named after the service with a pinned tag, and the shared labels.
   */
  static List<String> hardening(List<ObjectNode> objects) {
    List<String> errors = new ArrayList<>();
    for (ObjectNode d : services(objects)) {
      String svc = name(d);
      JsonNode pod = podSpec(d);
      JsonNode psc = pod.path("securityContext");
      if (!"RuntimeDefault".equals(psc.path("seccompProfile").path("type").asText())) {
        errors.add(svc + ": pod seccompProfile must be RuntimeDefault");
      }
      Map<String, String> labels = podLabels(d);
      if (!svc.equals(labels.get("app.kubernetes.io/name"))
          || !"szcg".equals(labels.get("app.kubernetes.io/part-of"))) {
        errors.add(svc + ": pod labels app.kubernetes.io/name and part-of=szcg are required");
      }
      for (JsonNode c : containers(d)) {
        String where = svc + "/" + c.path("name").asText();
        JsonNode sc = c.path("securityContext");
        boolean nonRoot =
            sc.path("runAsNonRoot").asBoolean(psc.path("runAsNonRoot").asBoolean(false));
        if (!nonRoot) {
          errors.add(where + ": runAsNonRoot must be true");
        }
        long uid = sc.path("runAsUser").asLong(psc.path("runAsUser").asLong(-1));
        if (uid == 0) {
          errors.add(where + ": runAsUser must not be 0");
        }
        if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
          errors.add(where + ": readOnlyRootFilesystem must be true");
        }
        if (sc.path("allowPrivilegeEscalation").asBoolean(true)) {
          errors.add(where + ": allowPrivilegeEscalation must be false");
        }
        boolean dropsAll =
            Objects2.list(sc.path("capabilities").path("drop")).stream()
                .anyMatch(x -> x.asText().equals("ALL"));
        if (!dropsAll || sc.path("capabilities").path("add").size() > 0) {
          errors.add(where + ": capabilities must drop ALL and add none");
        }
        boolean tmp =
            Objects2.list(c.path("volumeMounts")).stream()
                .anyMatch(
                    m ->
                        m.path("mountPath").asText().equals("/tmp")
                            && Objects2.list(pod.path("volumes")).stream()
                                .anyMatch(
                                    v ->
                                        v.path("name").asText().equals(m.path("name").asText())
                                            && v.has("emptyDir")));
        if (!tmp) {
          errors.add(where + ": needs an emptyDir mounted at /tmp (root filesystem is read-only)");
        }
        JsonNode res = c.path("resources");
        for (String kind : List.of("requests", "limits")) {
          for (String r : List.of("cpu", "memory")) {
            if (!res.path(kind).has(r)) {
              errors.add(where + ": resources." + kind + "." + r + " is required");
            }
          }
        }
        String image = c.path("image").asText();
        String prefix = IMAGE_REGISTRY + svc + ":";
        if (!image.startsWith(prefix)
            || image.length() == prefix.length()
            || image.endsWith(":latest")) {
          errors.add(where + ": image must be " + prefix + "<version> (not latest), is " + image);
        }
      }
    }
    for (ObjectNode o : objects) {
      if ("Namespace".equals(o.path("kind").asText())) {
        continue;
      }
      if (!"szcg"
          .equals(o.path("metadata").path("labels").path("app.kubernetes.io/part-of").asText())) {
        errors.add(Kustomize.id(o) + ": label app.kubernetes.io/part-of=szcg is missing");
      }
    }
    return errors;
  }

  private static void checkRole(
      List<String> errors,
      String svc,
      JsonNode cluster,
      String clusterName,
      String roleName,
      Map<String, String> env,
      String prefix) {
    String user = env.getOrDefault(prefix + "_USERNAME", "");
    String password = env.getOrDefault(prefix + "_PASSWORD", "");
    Optional<JsonNode> role =
        Objects2.list(cluster.path("spec").path("managed").path("roles")).stream()
            .filter(r -> roleName.equals(r.path("name").asText()))
            .findFirst();
    if (role.isEmpty()) {
      errors.add(svc + ": role " + roleName + " is not a managed role of " + clusterName);
      return;
    }
    String secret = role.get().path("passwordSecret").path("name").asText();
    if (!user.equals("secret:" + secret + "/username")
        || !password.equals("secret:" + secret + "/password")) {
      errors.add(
          svc
              + ": "
              + prefix
              + " username/password must come from Secret "
              + secret
              + " (keys username, password), the password Secret of role "
              + roleName);
    }
  }
}
