package cn.szcg.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.Topics;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay fits the code (topics, config keys, ports, health paths) and fits together. */
class ConsistencyTest {

  static Stream<Path> overlays() {
    return Repo.overlays().stream();
  }

  private static void assertNone(List<String> errors, Path overlay) {
    assertEquals(List.of(), errors, overlay.getFileName() + ":\n" + String.join("\n", errors));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void everyTopicOfTheCodeIsAKafkaTopicAndNoOther(Path overlay) {
    assertNone(Consistency.topics(Kustomize.render(overlay), Topics.all()), overlay);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void everyRequiredConfigurationKeyIsProvided(Path overlay) {
    assertNone(
        Consistency.requiredConfig(Kustomize.render(overlay), RequiredConfig.all()), overlay);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void quarkusListensOnTheContainerPort(Path overlay) {
    assertNone(
        Consistency.httpPort(Kustomize.render(overlay), RequiredConfig.properties()), overlay);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void configurationPointsAtKafkaPostgresKeycloakAndServicesThatExist(Path overlay) {
    assertNone(
        Consistency.wiring(Kustomize.render(overlay), Consistency.production(overlay)), overlay);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void portsProbesAndScrapeAnnotationsMatchTheServices(Path overlay) {
    assertNone(Consistency.ports(Kustomize.render(overlay)), overlay);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void everyDeploymentIsHardenedAndLabelled(Path overlay) {
    assertNone(Consistency.hardening(Kustomize.render(overlay)), overlay);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void networkPoliciesOpenExactlyTheTopology(Path overlay) {
    List<ObjectNode> objects = Kustomize.render(overlay);
    assertNone(new NetworkTopology(objects).check(), overlay);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void everySecretTheManifestsNeedIsExplainedInTheRunbook(Path overlay) throws IOException {
    String runbook = Files.readString(Repo.root().resolve("docs/operations.md"));
    var secrets = Consistency.referencedSecrets(Kustomize.render(overlay));
    assertTrue(
        secrets.containsAll(
            List.of("szcg-sla-db", "szcg-keycloak-db", "szcg-tls", "szcg-realm-placeholders")),
        secrets.toString());
    List<String> missing = secrets.stream().filter(s -> !runbook.contains(s)).toList();
    assertEquals(List.of(), missing, "Secrets not described in docs/operations.md");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void everyServiceOfTheSuiteIsDeployed(Path overlay) {
    List<String> deployed =
        Objects2.ofKind(Kustomize.render(overlay), "Deployment").stream()
            .map(Objects2::name)
            .sorted()
            .toList();
    assertEquals(RequiredConfig.DEPLOYED.stream().sorted().toList(), deployed);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void theConsoleAndTheApisBehindItAreRoutedByTheIngress(Path overlay) {
    assertNone(new IngressRoutes(Kustomize.render(overlay)).check(), overlay);
  }
}
