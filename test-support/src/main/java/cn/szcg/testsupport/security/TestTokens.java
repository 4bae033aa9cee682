package cn.szcg.testsupport.security;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Real, signed bearer tokens for a service's {@code @QuarkusTest}s, shaped like the Minqing realm's
 * Keycloak tokens ({@code realm_access.roles}, {@code unit_id}, {@code azp}). A service's %test
 * profile verifies them with the matching public key ({@link #PUBLIC_KEY_CONFIG}) and {@link
 * #ISSUER}; {@link Builder#expired()} and {@link Builder#foreignKey()} give the tokens it must
 * refuse.
 */
public final class TestTokens {

  /** The issuer the services' %test profile expects (quarkus.oidc.token.issuer). */
  public static final String ISSUER = "https://keycloak.test/realms/minqing";

  /** Where the public key of the test issuer is (its base64 is in each %test profile). */
  public static final String PUBLIC_KEY_CONFIG = "szcg-test-oidc/public.b64";

  private static final PrivateKey KEY = load("szcg-test-oidc/private.pem");
  private static final PrivateKey FOREIGN = load("szcg-test-oidc/foreign-private.pem");

  private TestTokens() {}

  /**
   * Every RestAssured request of this JVM carries {@code token} until {@link #clearDefault()} (for
   * tests that are about something else than who may call).
   */
  public static void useByDefault(String token) {
    io.restassured.RestAssured.requestSpecification =
        new io.restassured.builder.RequestSpecBuilder()
            .addHeader("Authorization", "Bearer " + token)
            .build();
  }

  public static void clearDefault() {
    io.restassured.RestAssured.requestSpecification = null;
  }

  /** A token for {@code username} holding {@code roles}. */
  public static Builder user(String username, String... roles) {
    return new Builder(username, List.of(roles));
  }

  /** A token of one role, named after it. */
  public static String of(String role) {
    return user("test-" + role, role).build();
  }

  /** A unit user's token: {@code role} in {@code unit}. */
  public static String ofUnit(String role, String unit) {
    return user("test-" + role + "-" + unit, role).unit(unit).build();
  }

  /** Builds one token. */
  public static final class Builder {
    private final String username;
    private final List<String> roles;
    private String subject = UUID.randomUUID().toString();
    private String unit;
    private String collectorId;
    private String client = "szcg-web";
    private boolean expired;
    private java.time.Duration lifetime = java.time.Duration.ofHours(1);
    private boolean foreign;
    private String issuer = ISSUER;

    private Builder(String username, List<String> roles) {
      this.username = username;
      this.roles = roles;
    }

    public Builder subject(String s) {
      this.subject = s;
      return this;
    }

    public Builder unit(String u) {
      this.unit = u;
      return this;
    }

    public Builder collector(String id) {
      this.collectorId = id;
      return this;
    }

    /** The application the token is for ({@code azp}); machine clients use their client id. */
    public Builder client(String clientId) {
      this.client = clientId;
      return this;
    }

    /** Expired ten minutes ago. */
    public Builder expired() {
      this.expired = true;
      return this;
    }

    /** Valid from now for {@code d} (default one hour). */
    public Builder expiresIn(java.time.Duration d) {
      this.lifetime = d;
      return this;
    }

    /** Signed by a key the service does not trust. */
    public Builder foreignKey() {
      this.foreign = true;
      return this;
    }

    public Builder issuer(String iss) {
      this.issuer = iss;
      return this;
    }

    public String build() {
      Instant now = Instant.now();
      JwtClaimsBuilder b =
          Jwt.issuer(issuer)
              .subject(subject)
              .preferredUserName(username)
              .claim("azp", client)
              .claim("typ", "Bearer")
              .claim("realm_access", Map.of("roles", roles))
              .issuedAt(expired ? now.minusSeconds(3600) : now)
              .expiresAt(expired ? now.minusSeconds(600) : now.plus(lifetime));
      if (unit != null) {
        b.claim("unit_id", unit);
      }
      if (collectorId != null) {
        b.claim("collector_id", collectorId);
      }
      return b.jws().keyId("szcg-test").sign(foreign ? FOREIGN : KEY);
    }
  }

  private static PrivateKey load(String resource) {
    try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot load " + resource, e);
    }
  }
}
