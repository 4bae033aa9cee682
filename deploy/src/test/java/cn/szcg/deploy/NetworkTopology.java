package cn.szcg.deploy;

import static cn.szcg.deploy.Objects2.env;
import static cn.szcg.deploy.Objects2.name;
import static cn.szcg.deploy.Objects2.ofKind;
import static cn.szcg.deploy.Objects2.stringMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates the rendered NetworkPolicies (Kubernetes semantics: a pod selected by a policy of a
 * direction accepts only what some rule of that direction allows) for the pods the suite runs, plus
 * Strimzi's listener networkPolicyPeers for Kafka. Used to prove both halves of "deny by default,
 * allow the topology": every edge the suite needs is open, edges it does not need are closed.
 */
final class NetworkTopology {
  static final String INGRESS_NS = "ingress-nginx";
  static final String MONITORING_NS = "monitoring";

  /** A pod: its namespace, labels and a readable name. */
  record Pod(String what, String namespace, Map<String, String> labels) {}

  private final List<ObjectNode> objects;
  private final String namespace;

  NetworkTopology(List<ObjectNode> objects) {
    this.objects = objects;
    this.namespace =
        ofKind(objects, "Deployment").stream()
            .findFirst()
            .map(d -> d.path("metadata").path("namespace").asText("default"))
            .orElse("default");
  }

  Pod deployment(String name) {
    ObjectNode d = Objects2.find(objects, "Deployment", name).orElseThrow();
    return new Pod(name, namespace, Objects2.podLabels(d));
  }

  Pod kafkaBroker() {
    String cluster = name(ofKind(objects, "Kafka").get(0));
    return new Pod(
        "kafka broker",
        namespace,
        Map.of(
            "strimzi.io/cluster", cluster,
            "strimzi.io/kind", "Kafka",
            "strimzi.io/broker-role", "true",
            "strimzi.io/controller-role", "true"));
  }

  Pod postgres(String cluster) {
    return new Pod(
        "postgres " + cluster,
        namespace,
        Map.of("cnpg.io/cluster", cluster, "cnpg.io/podRole", "instance"));
  }

  Pod keycloak() {
    String kc = name(ofKind(objects, "Keycloak").get(0));
    return new Pod(
        "keycloak",
        namespace,
        Map.of(
            "app", "keycloak",
            "app.kubernetes.io/instance", kc,
            "app.kubernetes.io/managed-by", "keycloak-operator"));
  }

  static Pod ingressController() {
    return new Pod(
        "ingress controller", INGRESS_NS, Map.of("app.kubernetes.io/name", "ingress-nginx"));
  }

  static Pod prometheus() {
    return new Pod("prometheus", MONITORING_NS, Map.of("app.kubernetes.io/name", "prometheus"));
  }

  static Pod stranger() {
    return new Pod("a pod of another namespace", "elsewhere", Map.of("app", "curious"));
  }

  static Pod dns() {
    return new Pod("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"));
  }

  /** The PostgreSQL cluster a Deployment's JDBC URL names. */
  Optional<String> databaseCluster(String deployment) {
    String url =
        env(objects, Objects2.find(objects, "Deployment", deployment).orElseThrow())
            .getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", "");
    var m = java.util.regex.Pattern.compile("jdbc:postgresql://([a-z0-9-]+)-rw[:/].*").matcher(url);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * Services another Deployment calls, from its in-cluster SZCG_*_URL settings and the console's
   * proxy upstreams (SZCG_CONSOLE_UPSTREAM_*).
   */
  List<String> callees(String deployment) {
    List<String> out = new ArrayList<>();
    env(objects, Objects2.find(objects, "Deployment", deployment).orElseThrow())
        .forEach(
            (k, v) -> {
              if ((k.startsWith("SZCG_CONSOLE_UPSTREAM_")
                      || (k.startsWith("SZCG_") && k.endsWith("_URL")))
                  && !Consistency.EXTERNAL_URLS.containsKey(k)) {
                out.add(uri(v).map(URI::getHost).orElse(null));
              }
            });
    return out;
  }

  /**
   * Addresses outside the cluster a Deployment calls: its non-empty external URL settings ({@link
   * Consistency#EXTERNAL_URLS}; a malformed one is reported by Consistency.wiring).
   */
  Map<String, URI> externalCallees(String deployment) {
    Map<String, URI> out = new LinkedHashMap<>();
    env(objects, Objects2.find(objects, "Deployment", deployment).orElseThrow())
        .forEach(
            (k, v) -> {
              if (Consistency.EXTERNAL_URLS.containsKey(k) && !v.isBlank()) {
                uri(v.trim()).filter(u -> u.getHost() != null).ifPresent(u -> out.put(k, u));
              }
            });
    return out;
  }

  private static Optional<URI> uri(String value) {
    try {
      return Optional.of(new URI(value));
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** The TCP port a URL connects to. */
  static int port(URI u) {
    if (u.getPort() != -1) {
      return u.getPort();
    }
    return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  /**
   * May the pod open a connection to this address outside the cluster? Only an egress rule with an
   * ipBlock peer (or no {@code to} at all) reaches outside; a host name cannot be resolved offline,
   * so any ipBlock counts for it, an IP literal must lie in the block (and not in its except).
   */
  boolean externalAllowed(Pod from, String host, int port) {
    if (policiesSelecting(from, "Egress").isEmpty()) {
      return true;
    }
    Optional<byte[]> ip = Cidr.literal(host);
    for (JsonNode rule : egressRules(from)) {
      if (!portsMatch(rule.path("ports"), port, "TCP")) {
        continue;
      }
      JsonNode to = rule.path("to");
      if (to.isMissingNode() || to.isEmpty()) {
        return true;
      }
      for (JsonNode peer : to) {
        JsonNode block = peer.path("ipBlock");
        Optional<Cidr> cidr = Cidr.parse(block.path("cidr").asText());
        if (cidr.isEmpty()) {
          continue;
        }
        if (ip.isEmpty()) {
          return true;
        }
        boolean excepted = false;
        for (JsonNode x : block.path("except")) {
          excepted |= Cidr.parse(x.asText()).map(c -> c.contains(ip.get())).orElse(false);
        }
        if (cidr.get().contains(ip.get()) && !excepted) {
          return true;
        }
      }
    }
    return false;
  }

  /** The egress rules of every policy that selects the pod for Egress. */
  private List<JsonNode> egressRules(Pod pod) {
    List<JsonNode> rules = new ArrayList<>();
    for (ObjectNode p : policiesSelecting(pod, "Egress")) {
      p.path("spec").path("egress").forEach(rules::add);
    }
    return rules;
  }

  /**
   * The doors to the outside of one Deployment: every external URL it calls is reachable, and
   * nothing else leaves the cluster — no egress rule without {@code to}, no ipBlock where no
   * external URL is set, ipBlocks no wider than a /16 (/48 for IPv6), only the URLs' ports.
   */
  private void external(List<String> errors, String d) {
    Pod pod = deployment(d);
    Map<String, URI> external = externalCallees(d);
    Set<Integer> ports = new TreeSet<>();
    for (var e : external.entrySet()) {
      URI u = e.getValue();
      int port = port(u);
      ports.add(port);
      if (!externalAllowed(pod, u.getHost(), port)) {
        errors.add(
            "network: "
                + d
                + " -> "
                + u.getHost()
                + ":"
                + port
                + " ("
                + e.getKey()
                + ", outside the cluster) is needed but blocked: an egress ipBlock rule for its"
                + " address on port "
                + port
                + " is missing");
      }
    }
    for (JsonNode rule : egressRules(pod)) {
      JsonNode to = rule.path("to");
      if (to.isMissingNode() || to.isEmpty()) {
        errors.add(
            "network: "
                + d
                + " -> any address outside the cluster is open (egress rule without to)");
        continue;
      }
      for (JsonNode peer : to) {
        if (!peer.has("ipBlock")) {
          continue;
        }
        String where =
            "network: " + d + " -> ipBlock " + peer.path("ipBlock").path("cidr").asText();
        if (external.isEmpty()) {
          errors.add(where + " is open but not needed (no external URL is set)");
          continue;
        }
        Optional<Cidr> cidr = Cidr.parse(peer.path("ipBlock").path("cidr").asText());
        if (cidr.isEmpty()) {
          errors.add(where + " is not a CIDR block");
        } else if (cidr.get().prefix() < (cidr.get().ipv6() ? 48 : 16)) {
          errors.add(
              where + " is too wide (at most /16, /48 for IPv6): name the platform's addresses");
        }
        JsonNode rulePorts = rule.path("ports");
        if (rulePorts.isMissingNode() || rulePorts.isEmpty()) {
          errors.add(where + " opens every port, needed only " + ports);
        }
        for (JsonNode p : rulePorts) {
          if (!p.has("port") || p.has("endPort") || !ports.contains(p.path("port").asInt(-1))) {
            errors.add(
                where
                    + " port "
                    + p.path("port").asText("(all)")
                    + " is open but not needed "
                    + ports);
          }
        }
      }
    }
  }

  boolean allowed(Pod from, Pod to, int port, String protocol) {
    return egressAllowed(from, to, port, protocol) && ingressAllowed(from, to, port, protocol);
  }

  boolean allowed(Pod from, Pod to, int port) {
    return allowed(from, to, port, "TCP");
  }

  private List<ObjectNode> policiesSelecting(Pod pod, String direction) {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode p : ofKind(objects, "NetworkPolicy")) {
      String ns = p.path("metadata").path("namespace").asText(namespace);
      if (!ns.equals(pod.namespace())) {
        continue;
      }
      JsonNode spec = p.path("spec");
      List<String> types = new ArrayList<>();
      spec.path("policyTypes").forEach(t -> types.add(t.asText()));
      if (types.isEmpty()) {
        types.add("Ingress");
        if (spec.has("egress")) {
          types.add("Egress");
        }
      }
      if (types.contains(direction) && matches(spec.path("podSelector"), pod.labels())) {
        out.add(p);
      }
    }
    return out;
  }

  private boolean egressAllowed(Pod from, Pod to, int port, String protocol) {
    List<ObjectNode> policies = policiesSelecting(from, "Egress");
    if (policies.isEmpty()) {
      return true;
    }
    for (ObjectNode p : policies) {
      String ns = p.path("metadata").path("namespace").asText(namespace);
      for (JsonNode rule : p.path("spec").path("egress")) {
        if (peersMatch(rule.path("to"), ns, to) && portsMatch(rule.path("ports"), port, protocol)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean ingressAllowed(Pod from, Pod to, int port, String protocol) {
    if (to.labels().containsKey("strimzi.io/cluster") && !ofKind(objects, "Kafka").isEmpty()) {
      return strimziListenerAllows(from, to, port);
    }
    List<ObjectNode> policies = policiesSelecting(to, "Ingress");
    if (policies.isEmpty()) {
      return true;
    }
    for (ObjectNode p : policies) {
      String ns = p.path("metadata").path("namespace").asText(namespace);
      for (JsonNode rule : p.path("spec").path("ingress")) {
        if (peersMatch(rule.path("from"), ns, from)
            && portsMatch(rule.path("ports"), port, protocol)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Strimzi generates the broker's ingress policy from the listener's networkPolicyPeers. */
  private boolean strimziListenerAllows(Pod from, Pod to, int port) {
    for (JsonNode l :
        ofKind(objects, "Kafka").get(0).path("spec").path("kafka").path("listeners")) {
      if (l.path("port").asInt() != port) {
        continue;
      }
      JsonNode peers = l.path("networkPolicyPeers");
      return peers.isMissingNode() || peers.isEmpty() || peersMatch(peers, to.namespace(), from);
    }
    return false;
  }

  private static boolean peersMatch(JsonNode peers, String policyNamespace, Pod pod) {
    if (peers.isMissingNode() || peers.isEmpty()) {
      return true;
    }
    for (JsonNode peer : peers) {
      if (peer.has("ipBlock")) {
        continue;
      }
      boolean nsOk =
          peer.has("namespaceSelector")
              ? matches(
                  peer.path("namespaceSelector"),
                  Map.of("kubernetes.io/metadata.name", pod.namespace()))
              : pod.namespace().equals(policyNamespace);
      boolean podOk = !peer.has("podSelector") || matches(peer.path("podSelector"), pod.labels());
      if (nsOk && podOk) {
        return true;
      }
    }
    return false;
  }

  private static boolean portsMatch(JsonNode ports, int port, String protocol) {
    if (ports.isMissingNode() || ports.isEmpty()) {
      return true;
    }
    for (JsonNode p : ports) {
      String proto = p.path("protocol").asText("TCP");
      if (!proto.equals(protocol)) {
        continue;
      }
      if (!p.has("port")) {
        return true;
      }
      int from = p.path("port").asInt(-1);
      int to = p.has("endPort") ? p.path("endPort").asInt() : from;
      if (port >= from && port <= to) {
        return true;
      }
    }
    return false;
  }

  /** Kubernetes label selector semantics (matchLabels and matchExpressions; {} matches all). */
  static boolean matches(JsonNode selector, Map<String, String> labels) {
    Map<String, String> required = new LinkedHashMap<>(stringMap(selector.path("matchLabels")));
    for (var e : required.entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    for (JsonNode expr : selector.path("matchExpressions")) {
      String key = expr.path("key").asText();
      List<String> values = new ArrayList<>();
      expr.path("values").forEach(v -> values.add(v.asText()));
      boolean ok =
          switch (expr.path("operator").asText()) {
            case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
            case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
            case "Exists" -> labels.containsKey(key);
            case "DoesNotExist" -> !labels.containsKey(key);
            default -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Problems with the topology: needed edges closed, or unneeded edges open. */
  List<String> check() {
    List<String> errors = new ArrayList<>();
    if (ofKind(objects, "NetworkPolicy").isEmpty()) {
      return errors;
    }
    List<String> deployments = ofKind(objects, "Deployment").stream().map(Objects2::name).toList();
    List<String> clusters = ofKind(objects, "Cluster").stream().map(Objects2::name).toList();
    Pod kafka = kafkaBroker();
    Pod keycloak = keycloak();
    int kafkaPort =
        Integer.parseInt(
            env(objects, Objects2.find(objects, "Deployment", deployments.get(0)).orElseThrow())
                .getOrDefault("KAFKA_BOOTSTRAP_SERVERS", ":9092")
                .replaceAll(".*:", ""));
    for (String d : deployments) {
      Pod pod = deployment(d);
      Map<String, String> env = env(objects, Objects2.find(objects, "Deployment", d).orElseThrow());
      // Kafka and Keycloak for whoever is configured to use them (the console: its push channel)
      edge(errors, env.containsKey("KAFKA_BOOTSTRAP_SERVERS"), pod, kafka, kafkaPort);
      edge(errors, env.containsKey("QUARKUS_OIDC_AUTH_SERVER_URL"), pod, keycloak, 8080);
      need(errors, pod, dns(), 53, "UDP");
      need(errors, ingressController(), pod, 8080);
      // Prometheus scrapes the modules that serve /q/metrics, and reaches no other pod
      edge(errors, Consistency.exposesMetrics(d), prometheus(), pod, 8080);
      deny(errors, stranger(), pod, 8080);
      Optional<String> own = databaseCluster(d);
      for (String c : clusters) {
        if (own.isPresent() && own.get().equals(c)) {
          need(errors, pod, postgres(c), 5432);
        } else {
          deny(errors, pod, postgres(c), 5432);
        }
      }
      external(errors, d);
      List<String> callees = callees(d);
      for (String other : deployments) {
        if (other.equals(d)) {
          continue;
        }
        if (callees.contains(other)) {
          need(errors, pod, deployment(other), 8080);
        } else {
          deny(errors, pod, deployment(other), 8080);
        }
      }
    }
    ObjectNode kc = ofKind(objects, "Keycloak").get(0);
    String kcDb = kc.path("spec").path("db").path("host").asText().replaceAll("-rw$", "");
    need(errors, ingressController(), keycloak, 8080);
    need(errors, keycloak, postgres(kcDb), 5432);
    for (String c : clusters) {
      deny(errors, ingressController(), postgres(c), 5432);
      deny(errors, stranger(), postgres(c), 5432);
      if (!c.equals(kcDb)) {
        deny(errors, keycloak, postgres(c), 5432);
      }
    }
    deny(errors, ingressController(), kafka, kafkaPort);
    deny(errors, stranger(), kafka, kafkaPort);
    return errors;
  }

  private void edge(List<String> errors, boolean needed, Pod from, Pod to, int port) {
    if (needed) {
      need(errors, from, to, port);
    } else {
      deny(errors, from, to, port);
    }
  }

  private void need(List<String> errors, Pod from, Pod to, int port) {
    need(errors, from, to, port, "TCP");
  }

  private void need(List<String> errors, Pod from, Pod to, int port, String protocol) {
    if (!allowed(from, to, port, protocol)) {
      errors.add(
          "network: " + from.what() + " -> " + to.what() + ":" + port + " is needed but blocked");
    }
  }

  private void deny(List<String> errors, Pod from, Pod to, int port) {
    if (allowed(from, to, port, "TCP")) {
      errors.add(
          "network: " + from.what() + " -> " + to.what() + ":" + port + " is open but not needed");
    }
  }
}
