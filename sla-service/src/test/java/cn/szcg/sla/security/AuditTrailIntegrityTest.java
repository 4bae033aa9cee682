package cn.szcg.sla.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.security.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The audit trail is append-only by database privilege and by trigger, and a change made around
 * both (the owner disabling the trigger) is found by the hash chain (docs/security.md).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class AuditTrailIntegrityTest {

  static final String URL =
      org.eclipse.microprofile.config.ConfigProvider.getConfig()
          .getValue("quarkus.datasource.jdbc.url", String.class);

  @Test
  void theApplicationRoleCannotRewriteTheTrailAndTamperingBreaksTheChain() throws SQLException {
    // one audited call, so the trail is not empty
    String user = "tamper-probe-" + System.nanoTime();
    given()
        .auth()
        .oauth2(TestTokens.user(user, "admin").build())
        .contentType("text/calendar")
        .body("not a calendar")
        .post("/api/v1/calendar/ics")
        .then()
        .statusCode(400);

    try (Connection app = DriverManager.getConnection(URL, "szcg_sla_app", "szcg_sla_app");
        Statement st = app.createStatement()) {
      SQLException update =
          assertThrows(
              SQLException.class,
              () -> st.executeUpdate("UPDATE szcg_audit SET status = 200 WHERE username = 'x'"));
      assertEquals("42501", update.getSQLState(), update.getMessage()); // insufficient_privilege
      SQLException delete =
          assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM szcg_audit"));
      assertEquals("42501", delete.getSQLState(), delete.getMessage());
      SQLException truncate =
          assertThrows(SQLException.class, () -> st.executeUpdate("TRUNCATE szcg_audit"));
      assertEquals("42501", truncate.getSQLState(), truncate.getMessage());
    }

    try (Connection owner = DriverManager.getConnection(URL, "szcg_sla", "szcg_sla");
        Statement st = owner.createStatement()) {
      // even the owner is stopped by the trigger
      SQLException refused =
          assertThrows(
              SQLException.class,
              () ->
                  st.executeUpdate(
                      "UPDATE szcg_audit SET status = 200 WHERE username = '" + user + "'"));
      assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());

      // around the trigger: the chain names the changed row
      st.execute("ALTER TABLE szcg_audit DISABLE TRIGGER szcg_audit_no_change");
      try {
        st.executeUpdate("UPDATE szcg_audit SET status = 200 WHERE username = '" + user + "'");
        var rs = st.executeQuery("SELECT id FROM szcg_audit WHERE username = '" + user + "'");
        rs.next();
        long id = rs.getLong(1);
        given()
            .auth()
            .oauth2(TestTokens.of("supervision-office"))
            .get("/api/v1/audit/verification")
            .then()
            .statusCode(200)
            .body("intact", equalTo(false))
            .body("firstBrokenId", equalTo((int) id));
        // put it back: the chain is whole again
        st.executeUpdate("UPDATE szcg_audit SET status = 400 WHERE username = '" + user + "'");
      } finally {
        st.execute("ALTER TABLE szcg_audit ENABLE TRIGGER szcg_audit_no_change");
      }
    }
    given()
        .auth()
        .oauth2(TestTokens.of("admin"))
        .get("/api/v1/audit/verification")
        .then()
        .statusCode(200)
        .body("intact", equalTo(true));
  }

  @jakarta.inject.Inject cn.szcg.platform.audit.AuditTrail trail;

  @Test
  void aValueTheDatabaseCannotStoreDoesNotStopTheTrail() {
    String user = "nul-probe-" + System.nanoTime();
    // a NUL (PostgreSQL text cannot hold it) in a recorded value once held every later row back:
    // the writer retried the refused batch forever (the bad-input campaign found it, issue 10)
    trail.record(
        new cn.szcg.platform.audit.AuditTrail.Call(
            java.time.Instant.now(),
            user,
            user,
            "admin",
            "U-\u0000X",
            "probe",
            "POST",
            "/api/v1/calendar/ics",
            201,
            "/api/v1/calendar/a\u0000b",
            "127.0.0.1",
            "r-1"));
    // and an ordinary call after it
    given()
        .auth()
        .oauth2(TestTokens.user(user, "admin").build())
        .contentType("text/calendar")
        .body("not a calendar")
        .post("/api/v1/calendar/ics")
        .then()
        .statusCode(400);
    given()
        .auth()
        .oauth2(TestTokens.of("supervision-office"))
        .queryParam("who", user)
        .get("/api/v1/audit")
        .then()
        .statusCode(200)
        .body("size()", equalTo(2))
        .body("unit", org.hamcrest.Matchers.hasItem("U-\uFFFDX"))
        .body("target", org.hamcrest.Matchers.hasItem("/api/v1/calendar/a\uFFFDb"))
        .body("status", org.hamcrest.Matchers.hasItems(201, 400));
  }
}
