package cn.szcg.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay renders with kubectl kustomize and every rendered object validates. */
class RenderedManifestsTest {
  private static ManifestValidator validator;

  @BeforeAll
  static void loadSchemas() {
    validator = new ManifestValidator(CrdSchemas.load());
  }

  static Stream<Path> overlays() {
    return Repo.overlays().stream();
  }

  @Test
  void bothRequiredOverlaysExist() {
    List<String> names = Repo.overlays().stream().map(p -> p.getFileName().toString()).toList();
    assertTrue(names.containsAll(List.of("dev", "prod")), "overlays found: " + names);
  }

  @Test
  void theOperatorCrdsAreAllLoaded() {
    var known = CrdSchemas.load().known();
    for (String kind :
        List.of(
            "kafka.strimzi.io/v1 Kafka",
            "kafka.strimzi.io/v1 KafkaNodePool",
            "kafka.strimzi.io/v1 KafkaTopic",
            "postgresql.cnpg.io/v1 Cluster",
            "postgresql.cnpg.io/v1 Database",
            "postgresql.cnpg.io/v1 ScheduledBackup",
            "k8s.keycloak.org/v2alpha1 Keycloak",
            "k8s.keycloak.org/v2alpha1 KeycloakRealmImport")) {
      assertTrue(known.contains(kind), kind + " missing from " + known);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void overlayRendersAndEveryObjectValidates(Path overlay) {
    List<ObjectNode> objects = Kustomize.render(overlay);
    assertFalse(objects.isEmpty(), "nothing rendered from " + overlay);
    List<String> errors = validator.validate(objects);
    assertEquals(List.of(), errors, overlay.getFileName() + ": " + String.join("\n", errors));
  }

  @Test
  void theBaseRendersAndValidatesOnItsOwn() {
    List<ObjectNode> objects = Kustomize.render(Repo.k8sDir().resolve("base"));
    List<String> errors = validator.validate(objects);
    assertEquals(List.of(), errors, String.join("\n", errors));
  }
}
