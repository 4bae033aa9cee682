package cn.szcg.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The validator is only worth something if it fails on mistakes: each test takes the rendered dev
 * overlay (which validates clean), breaks one object the way people break manifests, and expects
 * the validator to name that object.
 */
class ValidatorCatchesMistakesTest {
  private static ManifestValidator validator;
  private static List<ObjectNode> dev;

  @BeforeAll
  static void setUp() {
    validator = new ManifestValidator(CrdSchemas.load());
    dev = Kustomize.render(Repo.k8sDir().resolve("overlays/dev"));
  }

  private static List<String> errorsAfter(String kind, String name, Consumer<ObjectNode> breakIt) {
    List<ObjectNode> objects = new ArrayList<>();
    boolean found = false;
    for (ObjectNode o : dev) {
      ObjectNode copy = o.deepCopy();
      if (kind.equals(copy.path("kind").asText())
          && name.equals(copy.path("metadata").path("name").asText())) {
        breakIt.accept(copy);
        found = true;
      }
      objects.add(copy);
    }
    assertTrue(found, kind + "/" + name + " not in the dev overlay");
    return validator.validate(objects);
  }

  private static void assertCaught(List<String> errors, String expectedFragment) {
    assertTrue(
        errors.stream().anyMatch(e -> e.contains(expectedFragment)),
        "expected an error mentioning '" + expectedFragment + "', got " + errors);
  }

  private static ObjectNode at(ObjectNode o, String... path) {
    ObjectNode n = o;
    for (String p : path) {
      n = (ObjectNode) n.get(p);
    }
    return n;
  }

  @Test
  void theUnbrokenOverlayIsClean() {
    assertEquals(List.of(), validator.validate(dev));
  }

  @Test
  void kafkaTopicWithPartitionsAsTextFails() {
    assertCaught(
        errorsAfter("KafkaTopic", "szcg.cases", t -> at(t, "spec").put("partitions", "six")),
        "KafkaTopic/szcg.cases");
  }

  @Test
  void kafkaTopicWithAnUnknownFieldFails() {
    assertCaught(
        errorsAfter("KafkaTopic", "szcg.cases", t -> at(t, "spec").put("replicationFactor", 3)),
        "replicationFactor");
  }

  @Test
  void kafkaListenerMissingARequiredFieldFails() {
    assertCaught(
        errorsAfter(
            "Kafka",
            "szcg-kafka",
            k -> ((ObjectNode) at(k, "spec", "kafka").withArray("listeners").get(0)).remove("tls")),
        "tls");
  }

  @Test
  void nodePoolWithAnUnknownRoleFails() {
    assertCaught(
        errorsAfter(
            "KafkaNodePool",
            "combined",
            p -> at(p, "spec").putArray("roles").add("controller").add("zookeeper")),
        "KafkaNodePool/combined");
  }

  @Test
  void cnpgClusterWithATypoFails() {
    assertCaught(
        errorsAfter(
            "Cluster",
            "szcg-pg",
            c -> {
              at(c, "spec").remove("instances");
              at(c, "spec").put("instance", 2);
            }),
        "Cluster/szcg-pg");
  }

  @Test
  void cnpgDatabaseWithoutOwnerFails() {
    assertCaught(errorsAfter("Database", "szcg-sla", d -> at(d, "spec").remove("owner")), "owner");
  }

  @Test
  void keycloakRealmWithAnUnknownClientFieldFails() {
    assertCaught(
        errorsAfter(
            "KeycloakRealmImport",
            "minqing-realm",
            r ->
                ((ObjectNode) at(r, "spec", "realm").withArray("clients").get(0))
                    .put("clientID", "x")),
        "clientID");
  }

  @Test
  void customResourceWithAMisspelledMetadataFieldFails() {
    assertCaught(
        errorsAfter(
            "KafkaTopic", "szcg.intake", t -> at(t, "metadata").putObject("lables").put("a", "b")),
        "lables");
  }

  @Test
  void deploymentWithAMisspelledProbeFails() {
    assertCaught(
        errorsAfter(
            "Deployment",
            "sla-service",
            d -> {
              ObjectNode c =
                  (ObjectNode) at(d, "spec", "template", "spec").withArray("containers").get(0);
              c.set("livenesProbe", c.remove("livenessProbe"));
            }),
        "livenesProbe");
  }

  @Test
  void deploymentWithReplicasAsTextFails() {
    assertCaught(
        errorsAfter("Deployment", "gis-service", d -> at(d, "spec").put("replicas", "two")),
        "Deployment/gis-service");
  }

  @Test
  void deploymentWhoseSelectorMissesThePodLabelsFails() {
    assertCaught(
        errorsAfter(
            "Deployment",
            "gis-service",
            d -> at(d, "spec", "selector", "matchLabels").put("app.kubernetes.io/name", "gis")),
        "does not match the pod template labels");
  }

  @Test
  void deploymentWithAnInvalidQuantityFails() {
    assertCaught(
        errorsAfter(
            "Deployment",
            "intake-service",
            d ->
                at(
                        (ObjectNode)
                            at(d, "spec", "template", "spec").withArray("containers").get(0),
                        "resources",
                        "limits")
                    .put("memory", "lots")),
        "invalid quantity");
  }

  @Test
  void aRemovedApiVersionFails() {
    assertCaught(
        errorsAfter("Service", "sla-service", s -> s.put("apiVersion", "v1beta1")),
        "Service/sla-service");
  }

  @Test
  void anIngressPathWithoutPathTypeFails() {
    assertCaught(
        errorsAfter(
            "Ingress",
            "szcg",
            i ->
                ((ObjectNode)
                        at((ObjectNode) at(i, "spec").withArray("rules").get(0), "http")
                            .withArray("paths")
                            .get(0))
                    .remove("pathType")),
        "pathType is required");
  }

  @Test
  void aNetworkPolicyWithAnUnknownPolicyTypeFails() {
    assertCaught(
        errorsAfter(
            "NetworkPolicy",
            "default-deny-ingress",
            n -> at(n, "spec").putArray("policyTypes").add("Inbound")),
        "Inbound");
  }

  @Test
  void aNetworkPolicyIpBlockThatIsNoCidrFails() {
    for (String cidr : List.of("203.0.113.300/32", "203.0.113.10", "hotline.example.gov.cn/32")) {
      assertCaught(
          errorsAfter(
              "NetworkPolicy",
              "intake-service",
              n ->
                  at(n, "spec")
                      .withArray("egress")
                      .addObject()
                      .putArray("to")
                      .addObject()
                      .putObject("ipBlock")
                      .put("cidr", cidr)),
          "ipBlock.cidr '" + cidr + "' is not a CIDR block");
    }
  }

  @Test
  void anUnknownKindFails() {
    List<ObjectNode> objects = new ArrayList<>(dev);
    objects.add(
        (ObjectNode)
            Kustomize.parse(
                    "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: x\n")
                .get(0));
    assertCaught(validator.validate(objects), "ServiceMonitor/x");
  }
}
