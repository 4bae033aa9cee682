package cn.szcg.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Minqing realm the Keycloak operator imports carries the roles of the regulation and a client
 * per service, and stays in step with the local stack's realm file when there is one.
 */
class RealmTest {
  static final Set<String> ROLES =
      Set.of(
          "collector",
          "operator",
          "shift-lead",
          "dispatcher",
          "unit-receiver",
          "unit-leader",
          "unit-handler",
          "efficiency-office",
          "supervision-office",
          "county-government",
          "admin",
          // machine clients (client-credentials tokens)
          "hotline-platform",
          "county-system",
          "open311-app",
          "szcg-service");

  private static JsonNode k8sRealm() {
    return Objects2.ofKind(Kustomize.render(Repo.k8sDir().resolve("base")), "KeycloakRealmImport")
        .get(0)
        .path("spec")
        .path("realm");
  }

  static Set<String> roles(JsonNode realm) {
    Set<String> out = new TreeSet<>();
    realm.path("roles").path("realm").forEach(r -> out.add(r.path("name").asText()));
    return out;
  }

  static Set<String> clients(JsonNode realm) {
    Set<String> out = new TreeSet<>();
    realm.path("clients").forEach(c -> out.add(c.path("clientId").asText()));
    return out;
  }

  @Test
  void theImportedRealmHasTheRolesOfTheRegulation() {
    assertEquals(new TreeSet<>(ROLES), roles(k8sRealm()));
  }

  @Test
  void everyServiceHasAClientAndNoClientCarriesASecret() {
    JsonNode realm = k8sRealm();
    assertTrue(clients(realm).containsAll(RequiredConfig.SERVICES), clients(realm).toString());
    realm
        .path("clients")
        .forEach(c -> assertTrue(c.path("secret").isMissingNode(), c.path("clientId").asText()));
    // no people and no passwords in production: only the machine clients' service accounts
    realm
        .path("users")
        .forEach(
            u -> {
              assertTrue(
                  u.hasNonNull("serviceAccountClientId"),
                  "a person in the realm: " + u.path("username"));
              assertTrue(
                  u.path("credentials").isMissingNode(), "credentials for " + u.path("username"));
            });
  }

  /** Least privilege: each machine client's service account holds exactly its one role. */
  @Test
  void machineClientsHoldOnlyTheirRole() {
    java.util.Map<String, String> expected =
        java.util.Map.of(
            "hotline-12345", "hotline-platform",
            "county-systems", "county-system",
            "county-housing", "county-system",
            "county-water", "county-system",
            "open311-demo", "open311-app",
            "intake-service", "szcg-service",
            "dispatch-service", "szcg-service");
    java.util.Map<String, java.util.List<String>> actual = new java.util.TreeMap<>();
    k8sRealm()
        .path("users")
        .forEach(
            u -> {
              java.util.List<String> roles = new java.util.ArrayList<>();
              u.path("realmRoles").forEach(r -> roles.add(r.asText()));
              actual.put(u.path("serviceAccountClientId").asText(), roles);
            });
    assertEquals(expected.keySet(), actual.keySet(), "machine clients with a service account");
    expected.forEach(
        (client, role) -> assertEquals(java.util.List.of(role), actual.get(client), client));
  }

  @Test
  void theUnitClaimIsMapped() {
    boolean mapped = false;
    JsonNode realm = k8sRealm();
    java.util.List<JsonNode> holders = new java.util.ArrayList<>();
    realm.path("clientScopes").forEach(holders::add);
    realm.path("clients").forEach(holders::add);
    for (JsonNode holder : holders) {
      for (JsonNode m : holder.path("protocolMappers")) {
        mapped |= "unit_id".equals(m.path("config").path("claim.name").asText());
      }
    }
    assertTrue(mapped, "no client or client scope maps the unit_id claim");
  }

  @Test
  void theLocalRealmIsInStepWhenPresent() throws IOException {
    Path local = Repo.deployDir().resolve("local/keycloak/minqing-realm.json");
    if (!Files.isRegularFile(local)) {
      return; // the local stack's realm does not exist yet; nothing to compare
    }
    JsonNode localRealm = new ObjectMapper().readTree(local.toFile());
    JsonNode realm = k8sRealm();
    assertEquals(realm.path("realm").asText(), localRealm.path("realm").asText(), "realm name");
    assertEquals(roles(realm), roles(localRealm), "realm roles differ from " + local);
    assertTrue(
        clients(localRealm).containsAll(RequiredConfig.SERVICES),
        "local realm lacks service clients: " + clients(localRealm));
  }
}
