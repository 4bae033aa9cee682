package cn.szcg.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.Topics;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Each consistency check fails on the kind of mistake it exists for. */
class ConsistencyCatchesMistakesTest {

  private static List<ObjectNode> prodWith(String kind, String name, Consumer<ObjectNode> change) {
    List<ObjectNode> objects = Kustomize.render(Repo.k8sDir().resolve("overlays/prod"));
    ObjectNode target = Objects2.find(objects, kind, name).orElseThrow();
    change.accept(target);
    return objects;
  }

  private static void assertCaught(List<String> errors, String fragment) {
    assertTrue(
        errors.stream().anyMatch(e -> e.contains(fragment)),
        "expected an error with '" + fragment + "', got " + errors);
  }

  private static ObjectNode container(ObjectNode deployment) {
    return (ObjectNode)
        ((ObjectNode) deployment.path("spec").path("template").path("spec"))
            .withArray("containers")
            .get(0);
  }

  private static ObjectNode at(ObjectNode o, String... path) {
    ObjectNode n = o;
    for (String p : path) {
      n = (ObjectNode) n.get(p);
    }
    return n;
  }

  @Test
  void aTopicOfTheCodeWithoutKafkaTopicIsCaught() {
    List<ObjectNode> objects = Kustomize.render(Repo.k8sDir().resolve("overlays/prod"));
    objects =
        new ArrayList<>(
            objects.stream()
                .filter(o -> !Kustomize.id(o).equals("KafkaTopic/" + Topics.CLOCKS))
                .toList());
    assertCaught(Consistency.topics(objects, Topics.all()), Topics.CLOCKS + " is used by the code");
  }

  @Test
  void aKafkaTopicTheCodeDoesNotKnowIsCaught() {
    assertCaught(
        Consistency.topics(
            prodWith("KafkaTopic", Topics.CASES, t -> at(t, "metadata").put("name", "szcg.case")),
            Topics.all()),
        "szcg.case is not in");
  }

  @Test
  void topicAutoCreationIsCaught() {
    assertCaught(
        Consistency.topics(
            prodWith(
                "Kafka",
                "szcg-kafka",
                k -> at(k, "spec", "kafka", "config").put("auto.create.topics.enable", true)),
            Topics.all()),
        "auto.create.topics.enable");
  }

  @Test
  void moreTopicReplicasThanBrokersIsCaught() {
    assertCaught(
        Consistency.topics(
            prodWith("KafkaNodePool", "combined", p -> at(p, "spec").put("replicas", 2)),
            Topics.all()),
        "not within 1..2 brokers");
  }

  @Test
  void aDeadLetterTopicThatForgetsSoonerThanTheEventsIsCaught() {
    assertCaught(
        Consistency.topics(
            prodWith(
                "KafkaTopic",
                Topics.DEAD_LETTER,
                t -> at(t, "spec", "config").put("retention.ms", 8L * 24 * 3600 * 1000)),
            Topics.all()),
        "dead-letter");
  }

  @Test
  void requiredKeysAreReadFromTheProdProfileOfApplicationProperties() {
    Properties p = new Properties();
    p.setProperty("%prod.szcg.sms.gateway-key", "${SZCG_SMS_GATEWAY_KEY}");
    p.setProperty("szcg.archive.url", "${szcg.archive.base}");
    p.setProperty("%dev.szcg.only-dev", "${ONLY_DEV}");
    p.setProperty("%prod.quarkus.http.cors.origins", "${SZCG_WEB_ORIGIN:https://x.example}");
    p.setProperty("quarkus.log.level", "INFO");
    assertEquals(
        Set.of("SZCG_SMS_GATEWAY_KEY", "SZCG_ARCHIVE_BASE"), RequiredConfig.fromProperties(p));
  }

  @Test
  void aRequiredKeyThatNoDeploymentProvidesIsCaught() {
    List<ObjectNode> objects = Kustomize.render(Repo.k8sDir().resolve("overlays/prod"));
    assertCaught(
        Consistency.requiredConfig(
            objects, Map.of("sla-service", Set.of("SZCG_HOLIDAY_CALENDAR_URL"))),
        "sla-service: required configuration SZCG_HOLIDAY_CALENDAR_URL");
    assertCaught(
        Consistency.requiredConfig(
            prodWith(
                "ConfigMap", "szcg-common", c -> at(c, "data").remove("KAFKA_BOOTSTRAP_SERVERS")),
            RequiredConfig.all()),
        "KAFKA_BOOTSTRAP_SERVERS is not provided");
  }

  @Test
  void aLocalHttpPortLeakingIntoProdIsCaught() {
    Properties p = new Properties();
    p.setProperty("quarkus.http.port", "8084");
    assertCaught(
        Consistency.httpPort(
            prodWith("ConfigMap", "szcg-common", c -> at(c, "data").remove("QUARKUS_HTTP_PORT")),
            Map.of("sla-service", p)),
        "sla-service: Quarkus listens on 8084 in prod but the container port is 8080");
  }

  @Test
  void aServiceTargetPortThatIsNoContainerPortIsCaught() {
    assertCaught(
        Consistency.ports(
            prodWith(
                "Service",
                "gis-service",
                s ->
                    ((ObjectNode) at(s, "spec").withArray("ports").get(0))
                        .put("targetPort", 8081))),
        "targetPort 8081");
  }

  @Test
  void aProbeOnTheWrongPathOrPortIsCaught() {
    assertCaught(
        Consistency.ports(
            prodWith(
                "Deployment",
                "intake-service",
                d -> at(container(d), "readinessProbe", "httpGet").put("path", "/health"))),
        "readinessProbe path must be /q/health/ready");
    assertCaught(
        Consistency.ports(
            prodWith(
                "Deployment",
                "intake-service",
                d -> at(container(d), "startupProbe", "httpGet").put("port", "management"))),
        "startupProbe port management");
    assertCaught(
        Consistency.ports(
            prodWith("Deployment", "sla-service", d -> container(d).remove("startupProbe"))),
        "startupProbe with httpGet /q/health/started is required");
  }

  @Test
  void scrapingTheWrongPortIsCaught() {
    assertCaught(
        Consistency.ports(
            prodWith(
                "Deployment",
                "sla-service",
                d ->
                    at(d, "spec", "template", "metadata", "annotations")
                        .put("prometheus.io/port", "9000"))),
        "sla-service: pod needs prometheus.io/scrape");
  }

  @Test
  void anIngressToAMissingServicePortIsCaught() {
    assertCaught(
        Consistency.ports(
            prodWith(
                "Ingress",
                "szcg",
                i ->
                    at(
                            (ObjectNode)
                                ((ObjectNode) at(i, "spec").withArray("rules").get(0))
                                    .with("http")
                                    .withArray("paths")
                                    .get(0),
                            "backend",
                            "service",
                            "port")
                        .put("name", "https"))),
        "is not a Service port");
  }

  @Test
  void aWritableRootRootUserMissingLimitsAndLatestImageAreCaught() {
    Function<Consumer<ObjectNode>, List<String>> hardening =
        change -> Consistency.hardening(prodWith("Deployment", "gis-service", change));
    assertCaught(
        hardening.apply(
            d -> at(container(d), "securityContext").put("readOnlyRootFilesystem", false)),
        "readOnlyRootFilesystem");
    assertCaught(
        hardening.apply(
            d -> {
              at(container(d), "securityContext").put("runAsNonRoot", false);
              at(d, "spec", "template", "spec", "securityContext").put("runAsNonRoot", false);
            }),
        "runAsNonRoot");
    assertCaught(
        hardening.apply(d -> at(container(d), "resources").remove("limits")), "resources.limits");
    assertCaught(
        hardening.apply(
            d -> container(d).put("image", "registry.example.gov.cn/szcg/gis-service:latest")),
        "not latest");
    assertCaught(
        hardening.apply(d -> at(container(d), "securityContext", "capabilities").putArray("drop")),
        "drop ALL");
  }

  @Test
  void wiringToAnotherServicesDatabaseOrSecretIsCaught() {
    assertCaught(
        Consistency.wiring(
            prodWith(
                "ConfigMap",
                "sla-service-config",
                c ->
                    at(c, "data")
                        .put(
                            "QUARKUS_DATASOURCE_JDBC_URL",
                            "jdbc:postgresql://szcg-pg-rw:5432/szcg_slaa"))),
        "no Database szcg_slaa");
    assertCaught(
        Consistency.wiring(
            prodWith(
                "Deployment",
                "sla-service",
                d ->
                    at(
                            (ObjectNode) container(d).withArray("env").get(1),
                            "valueFrom",
                            "secretKeyRef")
                        .put("name", "szcg-dispatch-db"))),
        "must come from Secret szcg-sla-db");
    assertCaught(
        Consistency.wiring(
            prodWith(
                "ConfigMap",
                "intake-service-config",
                c -> at(c, "data").put("SZCG_GIS_URL", "http://gis-service:80"))),
        "SZCG_GIS_URL port 80");
    assertCaught(
        Consistency.wiring(
            prodWith(
                "ConfigMap",
                "szcg-common",
                c -> at(c, "data").put("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"))),
        "KAFKA_BOOTSTRAP_SERVERS 'kafka:9092'");
    assertCaught(
        Consistency.wiring(
            prodWith(
                "ConfigMap",
                "gis-service-config",
                c -> at(c, "data").put("QUARKUS_OIDC_CLIENT_ID", "gis"))),
        "OIDC client 'gis'");
  }

  @Test
  void aNetworkPolicyThatBlocksANeededCallIsCaught() {
    List<ObjectNode> objects =
        prodWith(
            "NetworkPolicy",
            "gis-service",
            n -> {
              ArrayNode ingress = at(n, "spec").withArray("ingress");
              ingress.remove(ingress.size() - 1); // the rule admitting intake and dispatch
            });
    assertCaught(
        new NetworkTopology(objects).check(), "intake-service -> gis-service:8080 is needed");
  }

  @Test
  void aNetworkPolicyThatOpensMoreThanTheTopologyIsCaught() {
    List<ObjectNode> objects = Kustomize.render(Repo.k8sDir().resolve("overlays/prod"));
    // One side opened alone is still closed by the other side's policy (defence in depth) for
    // the pods of the suite; the outside of the cluster has no other side, so that is caught ...
    at(Objects2.find(objects, "NetworkPolicy", "sla-service").orElseThrow(), "spec")
        .withArray("egress")
        .addObject(); // sla-service may send anywhere
    assertEquals(
        List.of(
            "network: sla-service -> any address outside the cluster is open (egress rule without"
                + " to)"),
        new NetworkTopology(objects).check());
    // ... both sides opened is an edge the topology does not have.
    at(Objects2.find(objects, "NetworkPolicy", "gis-service").orElseThrow(), "spec")
        .withArray("ingress")
        .addObject(); // gis-service accepts anyone
    List<String> errors = new NetworkTopology(objects).check();
    assertCaught(errors, "sla-service -> gis-service:8080 is open but not needed");
    assertCaught(errors, "a pod of another namespace -> gis-service:8080 is open");

    List<ObjectNode> withoutPgPolicy =
        new ArrayList<>(
            Kustomize.render(Repo.k8sDir().resolve("overlays/prod")).stream()
                .filter(o -> !Kustomize.id(o).equals("NetworkPolicy/szcg-pg"))
                .toList());
    assertCaught(
        new NetworkTopology(withoutPgPolicy).check(),
        "keycloak -> postgres szcg-pg:5432 is needed but blocked");
  }

  private static final String HOTLINE = "SZCG_HOTLINE_WEBHOOK_URL";

  private static List<ObjectNode> prodWithHotlineUrl(String url) {
    return prodWith("ConfigMap", "intake-service-config", c -> at(c, "data").put(HOTLINE, url));
  }

  @Test
  void anInClusterUrlTypoIsStillCaughtAndOnlyTheAllowlistMayLeaveTheCluster() {
    assertCaught(
        Consistency.wiring(
            prodWith(
                "ConfigMap",
                "intake-service-config",
                c -> at(c, "data").put("SZCG_GIS_URL", "http://gis-servce:8080"))),
        "intake-service: SZCG_GIS_URL points at unknown Service gis-servce");
    // an external-looking address under a name that is not on the allowlist is still a mistake
    assertCaught(
        Consistency.wiring(
            prodWith(
                "ConfigMap",
                "intake-service-config",
                c -> at(c, "data").put("SZCG_GIS_URL", "https://gis.example.gov.cn"))),
        "SZCG_GIS_URL points at unknown Service gis.example.gov.cn");
    assertCaught(
        Consistency.wiring(
            prodWith(
                "ConfigMap", "intake-service-config", c -> at(c, "data").put("SZCG_GIS_URL", ""))),
        "SZCG_GIS_URL '' is not a URL of a Service");
  }

  @Test
  void anExternalUrlThatIsPlainHttpInProdIsCaught() {
    String http = "http://hotline-12345.example.gov.cn/szcg/status-callbacks";
    assertCaught(
        Consistency.wiring(prodWithHotlineUrl(http)),
        "intake-service: SZCG_HOTLINE_WEBHOOK_URL '"
            + http
            + "' leaves the cluster and must use"
            + " https in production");
    // dev may point at a plain-http test receiver; empty is "webhook off" everywhere
    assertEquals(List.of(), Consistency.wiring(prodWithHotlineUrl(http), false));
    assertEquals(List.of(), Consistency.wiring(prodWithHotlineUrl("")));
    assertEquals(
        List.of(), Consistency.wiring(prodWithHotlineUrl("https://203.0.113.10:8443/status")));
    // external means outside: not a Service of the suite, not a relative or schemeless value
    assertCaught(
        Consistency.wiring(prodWithHotlineUrl("https://gis-service:8080/status")),
        "names an in-cluster address");
    assertCaught(
        Consistency.wiring(prodWithHotlineUrl("https://hotline.szcg-minqing.svc/status")),
        "names an in-cluster address");
    assertCaught(
        Consistency.wiring(prodWithHotlineUrl("hotline-12345.example.gov.cn/szcg/status")),
        "is not an absolute http(s) URL");
    assertCaught(
        Consistency.wiring(prodWithHotlineUrl("https://ops:pw@hotline-12345.example.gov.cn/")),
        "must not carry credentials");
  }

  @Test
  void aWebhookUrlWhoseSecretIsOptionalOrMissingIsCaught() {
    // prod makes the base's optional Secret required; undoing that is caught ...
    assertCaught(
        Consistency.wiring(
            prodWith(
                "Deployment",
                "intake-service",
                d -> {
                  ArrayNode env = container(d).withArray("env");
                  for (var e : env) {
                    if (e.path("name").asText().equals("SZCG_HOTLINE_WEBHOOK_SECRET")) {
                      at((ObjectNode) e, "valueFrom", "secretKeyRef").put("optional", true);
                    }
                  }
                })),
        "the Secret szcg-intake-hotline-webhook of SZCG_HOTLINE_WEBHOOK_SECRET must not be"
            + " optional");
    // ... as is an overlay (here dev) that sets the URL but keeps the base's optional Secret
    List<ObjectNode> dev = Kustomize.render(Repo.k8sDir().resolve("overlays/dev"));
    at(Objects2.find(dev, "ConfigMap", "intake-service-config").orElseThrow(), "data")
        .put(HOTLINE, "https://hotline-test.example.gov.cn/status");
    assertCaught(Consistency.wiring(dev, false), "must not be optional");
    assertCaught(
        Consistency.wiring(
            prodWith(
                "Deployment",
                "intake-service",
                d -> {
                  ArrayNode env = container(d).withArray("env");
                  for (int i = env.size() - 1; i >= 0; i--) {
                    if (env.get(i).path("name").asText().equals("SZCG_HOTLINE_WEBHOOK_SECRET")) {
                      env.remove(i);
                    }
                  }
                })),
        "SZCG_HOTLINE_WEBHOOK_URL is set, so SZCG_HOTLINE_WEBHOOK_SECRET must come from a Secret");
  }

  private static ObjectNode hotlineEgressRule(List<ObjectNode> objects) {
    return (ObjectNode)
        at(
                Objects2.find(objects, "NetworkPolicy", "intake-service-hotline-egress")
                    .orElseThrow(),
                "spec")
            .withArray("egress")
            .get(0);
  }

  @Test
  void aBlockedTooWideOrUnneededDoorToTheHotlinePlatformIsCaught() {
    String blocked =
        "network: intake-service -> hotline-12345.example.gov.cn:443 (SZCG_HOTLINE_WEBHOOK_URL,"
            + " outside the cluster) is needed but blocked";
    // the webhook URL is set but the egress policy is missing
    List<ObjectNode> withoutDoor =
        new ArrayList<>(
            Kustomize.render(Repo.k8sDir().resolve("overlays/prod")).stream()
                .filter(o -> !Kustomize.id(o).equals("NetworkPolicy/intake-service-hotline-egress"))
                .toList());
    assertCaught(new NetworkTopology(withoutDoor).check(), blocked);
    // the rule opens the whole internet
    List<ObjectNode> objects = Kustomize.render(Repo.k8sDir().resolve("overlays/prod"));
    ((ObjectNode) hotlineEgressRule(objects).withArray("to").get(0).path("ipBlock"))
        .put("cidr", "0.0.0.0/0");
    assertCaught(
        new NetworkTopology(objects).check(),
        "network: intake-service -> ipBlock 0.0.0.0/0 is too wide");
    // the rule is on the wrong port
    objects = Kustomize.render(Repo.k8sDir().resolve("overlays/prod"));
    ((ObjectNode) hotlineEgressRule(objects).withArray("ports").get(0)).put("port", 80);
    List<String> errors = new NetworkTopology(objects).check();
    assertCaught(errors, blocked);
    assertCaught(errors, "ipBlock 203.0.113.10/32 port 80 is open but not needed [443]");
    // the webhook is switched off but the door is left open
    assertCaught(
        new NetworkTopology(prodWithHotlineUrl("")).check(),
        "network: intake-service -> ipBlock 203.0.113.10/32 is open but not needed (no external"
            + " URL is set)");
    // an address literal must lie in the block (a host name cannot be resolved offline)
    assertCaught(
        new NetworkTopology(prodWithHotlineUrl("https://198.51.100.7/status")).check(),
        "intake-service -> 198.51.100.7:443 (SZCG_HOTLINE_WEBHOOK_URL, outside the cluster) is"
            + " needed but blocked");
    assertEquals(
        List.of(), new NetworkTopology(prodWithHotlineUrl("https://203.0.113.10/status")).check());
    // only the service that calls out gets the door: the same rule on sla-service is caught
    List<ObjectNode> slaDoor = Kustomize.render(Repo.k8sDir().resolve("overlays/prod"));
    at(Objects2.find(slaDoor, "NetworkPolicy", "sla-service").orElseThrow(), "spec")
        .withArray("egress")
        .add(hotlineEgressRule(slaDoor).deepCopy());
    assertCaught(
        new NetworkTopology(slaDoor).check(),
        "network: sla-service -> ipBlock 203.0.113.10/32 is open but not needed");
  }

  // ---------------------------------------------------------------- the console (issue 17)

  private static List<ObjectNode> prod() {
    return Kustomize.render(Repo.k8sDir().resolve("overlays/prod"));
  }

  @Test
  void aConsoleUpstreamAtTheWrongOrNoServiceIsCaught() {
    assertCaught(
        Consistency.wiring(
            prodWith(
                "ConfigMap",
                "console-config",
                c ->
                    at(c, "data")
                        .put("SZCG_CONSOLE_UPSTREAM_INTAKE", "http://dispatch-service:8080"))),
        "console: SZCG_CONSOLE_UPSTREAM_INTAKE points at dispatch-service, not at intake-service");
    List<ObjectNode> noSla =
        prodWith(
            "ConfigMap", "console-config", c -> at(c, "data").remove("SZCG_CONSOLE_UPSTREAM_SLA"));
    assertCaught(
        Consistency.requiredConfig(noSla, RequiredConfig.all()),
        "console: required configuration SZCG_CONSOLE_UPSTREAM_SLA is not provided");
    assertCaught(
        Consistency.wiring(noSla), "SZCG_CONSOLE_UPSTREAM_SLA '' is not a URL of sla-service");
    assertCaught(
        new NetworkTopology(noSla).check(), "console -> sla-service:8080 is open but not needed");
    assertCaught(
        Consistency.wiring(
            prodWith(
                "ConfigMap",
                "console-config",
                c -> at(c, "data").put("SZCG_CONSOLE_UPSTREAM_AUDIT", "http://sla-service:8080"))),
        "console: SZCG_CONSOLE_UPSTREAM_AUDIT names no service of the suite");
  }

  @Test
  void aConsoleSendingTheBrowserToTheInClusterKeycloakIsCaught() {
    assertCaught(
        Consistency.wiring(
            prodWith(
                "Deployment",
                "console",
                d ->
                    ((ObjectNode) container(d).withArray("env").get(0))
                        .put("value", "http://szcg-keycloak-service:8080/realms/minqing"))),
        "console: SZCG_CONSOLE_OIDC_AUTHORITY 'http://szcg-keycloak-service:8080/realms/minqing'"
            + " should be the public realm https://auth.szcg.example.gov.cn/realms/minqing");
    // a database given to the console, which has none
    assertCaught(
        Consistency.wiring(
            prodWith(
                "ConfigMap",
                "console-config",
                c ->
                    at(c, "data")
                        .put(
                            "QUARKUS_DATASOURCE_JDBC_URL",
                            "jdbc:postgresql://szcg-pg-rw:5432/szcg_intake"))),
        "console: has no database but is given QUARKUS_DATASOURCE_JDBC_URL");
  }

  @Test
  void aConsoleThatIsWritableScrapedOrReachableFromElsewhereIsCaught() {
    assertCaught(
        Consistency.hardening(
            prodWith(
                "Deployment",
                "console",
                d -> at(container(d), "securityContext").put("readOnlyRootFilesystem", false))),
        "console/console: readOnlyRootFilesystem must be true");
    assertCaught(
        Consistency.ports(
            prodWith(
                "Deployment",
                "console",
                d ->
                    at(d, "spec", "template", "metadata")
                        .putObject("annotations")
                        .put("prometheus.io/scrape", "true"))),
        "console: has no /q/metrics (no Prometheus registry in its pom.xml) but asks to be scraped");
    // the console admits Prometheus (nothing to scrape) or loses its way to a service or Kafka
    List<ObjectNode> objects = prod();
    ObjectNode policy = Objects2.find(objects, "NetworkPolicy", "console").orElseThrow();
    ((ObjectNode) at(policy, "spec").withArray("ingress").get(0))
        .withArray("from")
        .addObject()
        .putObject("namespaceSelector")
        .putObject("matchLabels")
        .put("kubernetes.io/metadata.name", "monitoring");
    ArrayNode egress = at(policy, "spec").withArray("egress");
    egress.remove(1); // Kafka
    ((ArrayNode) egress.get(0).path("to")).remove(1); // intake-service
    List<String> errors = new NetworkTopology(objects).check();
    assertCaught(errors, "network: prometheus -> console:8080 is open but not needed");
    assertCaught(errors, "network: console -> kafka broker:9092 is needed but blocked");
    assertCaught(errors, "network: console -> intake-service:8080 is needed but blocked");
    // a service that does not admit the console
    List<ObjectNode> closed = prod();
    ObjectNode first =
        (ObjectNode)
            at(Objects2.find(closed, "NetworkPolicy", "sla-service").orElseThrow(), "spec")
                .withArray("ingress")
                .get(0);
    first.withArray("from").remove(2);
    assertCaught(
        new NetworkTopology(closed).check(), "network: console -> sla-service:8080 is needed");
  }

  @Test
  void aConsoleRouteMissingOrNotRewrittenIsCaught() {
    // no rewrite: the service would get /api/intake/v1/... instead of its /api/v1/...
    assertCaught(
        new IngressRoutes(
                prodWith(
                    "Ingress",
                    "szcg-console-api",
                    i ->
                        at(i, "metadata", "annotations")
                            .remove("nginx.ingress.kubernetes.io/rewrite-target")))
            .check(),
        "ingress szcg.example.gov.cn/api/intake/v1/reports?page=2 should reach intake-service"
            + " /api/v1/reports?page=2, reaches intake-service /api/intake/v1/reports?page=2");
    // a route lost: /api/sla/... falls to the console
    assertCaught(
        new IngressRoutes(
                prodWith(
                    "Ingress",
                    "szcg-console-api",
                    i ->
                        ((ObjectNode) at(i, "spec").withArray("rules").get(0))
                            .with("http")
                            .withArray("paths")
                            .remove(3)))
            .check(),
        "/api/sla/v1/reports?page=2 should reach sla-service /api/v1/reports?page=2, reaches"
            + " console");
    // a prefix without its boundary: /api/gisx/... would reach gis-service
    assertCaught(
        new IngressRoutes(
                prodWith(
                    "Ingress",
                    "szcg-console-api",
                    i ->
                        ((ObjectNode)
                                ((ObjectNode) at(i, "spec").withArray("rules").get(0))
                                    .with("http")
                                    .withArray("paths")
                                    .get(0))
                            .put("path", "/api/gis()/?(.*)")))
            .check(),
        "ingress szcg.example.gov.cn/api/gisx/v1/reports reaches gis-service");
    // the console's /q open to the internet
    List<ObjectNode> open =
        new ArrayList<>(
            prod().stream()
                .filter(o -> !Kustomize.id(o).equals("Ingress/szcg-console-internal"))
                .toList());
    assertCaught(
        new IngressRoutes(open).check(),
        "ingress szcg.example.gov.cn/q/health/ready reaches console /q/health/ready");
    // the console without TLS, or not served at all
    assertCaught(
        new IngressRoutes(
                prodWith(
                    "Ingress",
                    "szcg",
                    i ->
                        ((ArrayNode) at(i, "spec").withArray("tls").get(0).path("hosts"))
                            .remove(6)))
            .check(),
        "ingress szcg (szcg.example.gov.cn): no TLS for the console's host");
    assertCaught(
        new IngressRoutes(
                prodWith("Ingress", "szcg", i -> at(i, "spec").withArray("rules").remove(6)))
            .check(),
        "ingress: no host serves the console at /");
  }
}
