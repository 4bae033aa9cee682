package cn.szcg.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** dev is small; prod is redundant, disruption-safe, autoscaled and fenced by network policies. */
class OverlayShapeTest {
  private static List<ObjectNode> dev() {
    return Kustomize.render(Repo.k8sDir().resolve("overlays/dev"));
  }

  private static List<ObjectNode> prod() {
    return Kustomize.render(Repo.k8sDir().resolve("overlays/prod"));
  }

  /** Replicas a Deployment runs at least: the HPA's minReplicas if one targets it. */
  static int minReplicas(List<ObjectNode> objects, ObjectNode deployment) {
    Optional<ObjectNode> hpa =
        Objects2.ofKind(objects, "HorizontalPodAutoscaler").stream()
            .filter(
                h ->
                    "Deployment".equals(h.path("spec").path("scaleTargetRef").path("kind").asText())
                        && Objects2.name(deployment)
                            .equals(h.path("spec").path("scaleTargetRef").path("name").asText()))
            .findFirst();
    if (hpa.isPresent()) {
      return hpa.get().path("spec").path("minReplicas").asInt(1);
    }
    return deployment.path("spec").path("replicas").asInt(1);
  }

  @Test
  void devRunsOneOfEverything() {
    List<ObjectNode> objects = dev();
    for (ObjectNode d : Objects2.ofKind(objects, "Deployment")) {
      assertEquals(1, d.path("spec").path("replicas").asInt(), Objects2.name(d));
    }
    assertEquals(1, Consistency.brokers(objects, "szcg-kafka"));
    for (ObjectNode c : Objects2.ofKind(objects, "Cluster")) {
      assertEquals(1, c.path("spec").path("instances").asInt(), Objects2.name(c));
    }
    assertTrue(Objects2.ofKind(objects, "HorizontalPodAutoscaler").isEmpty());
    assertTrue(Objects2.ofKind(objects, "PodDisruptionBudget").isEmpty());
  }

  @Test
  void prodRunsEveryServiceTwiceOrMore() {
    List<ObjectNode> objects = prod();
    for (ObjectNode d : Objects2.ofKind(objects, "Deployment")) {
      assertTrue(minReplicas(objects, d) >= 2, Objects2.name(d) + " runs fewer than 2");
    }
  }

  @Test
  void prodHasThreeKafkaNodesWithControllerAndBrokerRoles() {
    List<ObjectNode> objects = prod();
    assertTrue(Consistency.brokers(objects, "szcg-kafka") >= 3);
    assertTrue(Consistency.controllers(objects) >= 3);
    for (ObjectNode t : Objects2.ofKind(objects, "KafkaTopic")) {
      assertTrue(t.path("spec").path("replicas").asInt() >= 3, Objects2.name(t));
      assertTrue(t.path("spec").path("config").path("min.insync.replicas").asInt() >= 2);
    }
  }

  @Test
  void prodPostgresHasAReplicaAndNightlyBackups() {
    List<ObjectNode> objects = prod();
    List<String> clusters = new ArrayList<>();
    for (ObjectNode c : Objects2.ofKind(objects, "Cluster")) {
      assertTrue(c.path("spec").path("instances").asInt() >= 2, Objects2.name(c));
      clusters.add(Objects2.name(c));
      boolean archives = false;
      for (JsonNode p : c.path("spec").path("plugins")) {
        archives |= p.path("isWALArchiver").asBoolean(false);
      }
      assertTrue(archives, Objects2.name(c) + " archives no WAL");
    }
    for (String c : clusters) {
      assertTrue(
          Objects2.ofKind(objects, "ScheduledBackup").stream()
              .anyMatch(b -> c.equals(b.path("spec").path("cluster").path("name").asText())),
          c + " has no ScheduledBackup");
    }
  }

  @Test
  void prodHasAPdbAndAnHpaForEveryService() {
    List<ObjectNode> objects = prod();
    for (ObjectNode d : Objects2.ofKind(objects, "Deployment")) {
      String name = Objects2.name(d);
      assertTrue(
          Objects2.ofKind(objects, "PodDisruptionBudget").stream()
              .anyMatch(
                  p ->
                      NetworkTopology.matches(
                          p.path("spec").path("selector"), Objects2.podLabels(d))),
          name + " has no PDB");
      assertTrue(
          Objects2.ofKind(objects, "HorizontalPodAutoscaler").stream()
              .anyMatch(
                  h -> name.equals(h.path("spec").path("scaleTargetRef").path("name").asText())),
          name + " has no HPA");
      assertFalse(d.path("spec").has("replicas"), name + ": replicas belong to the HPA in prod");
    }
  }

  @Test
  void prodDeniesIngressByDefault() {
    List<ObjectNode> objects = prod();
    assertTrue(
        Objects2.ofKind(objects, "NetworkPolicy").stream()
            .anyMatch(
                p ->
                    p.path("spec").path("podSelector").isEmpty()
                        && p.path("spec").path("ingress").isMissingNode()
                        && p.path("spec").path("policyTypes").toString().contains("Ingress")),
        "no default-deny ingress policy");
  }

  @Test
  void prodPinsReleaseImages() {
    for (ObjectNode d : Objects2.ofKind(prod(), "Deployment")) {
      String image = Objects2.containers(d).get(0).path("image").asText();
      assertFalse(image.endsWith("-SNAPSHOT"), image);
    }
  }

  @Test
  void eachOverlayHasItsOwnNamespace() {
    for (List<ObjectNode> objects : List.of(dev(), prod())) {
      List<ObjectNode> ns = Objects2.ofKind(objects, "Namespace");
      assertEquals(1, ns.size());
      String name = Objects2.name(ns.get(0));
      for (ObjectNode o : objects) {
        if (!o.path("kind").asText().equals("Namespace")) {
          assertEquals(name, o.path("metadata").path("namespace").asText(), Kustomize.id(o));
        }
      }
    }
  }
}
