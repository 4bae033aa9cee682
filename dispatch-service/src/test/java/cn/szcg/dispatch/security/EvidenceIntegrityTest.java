package cn.szcg.dispatch.security;

import static cn.szcg.dispatch.api.Api.DISPATCHER;
import static cn.szcg.dispatch.api.Api.body;
import static cn.szcg.dispatch.api.Api.file;
import static cn.szcg.dispatch.api.Api.handler;
import static cn.szcg.dispatch.api.Api.leader;
import static cn.szcg.dispatch.api.Api.ok;
import static cn.szcg.dispatch.api.Api.photo;
import static cn.szcg.dispatch.api.Api.receiver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.Channel;
import cn.szcg.dispatch.api.Api;
import cn.szcg.dispatch.api.GisStub;
import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Evidence is never changed or deleted (R-10; docs/evidence.md): the photo table {@code case_photo}
 * is append-only — the application role may not UPDATE, DELETE or TRUNCATE it (permission denied),
 * and a trigger refuses all three even to the owner.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GisStub.class)
class EvidenceIntegrityTest {

  static final String URL =
      org.eclipse.microprofile.config.ConfigProvider.getConfig()
          .getValue("quarkus.datasource.jdbc.url", String.class);

  @BeforeEach
  void signIn() {
    Api.signIn();
  }

  @Test
  void photosCannotBeChangedOrDeletedByTheApplicationNorByTheOwner() throws SQLException {
    String caseId = file("C-0101", "350124100", null, false, Channel.PATROL);
    ok(DISPATCHER, caseId, "dispatch", body());
    ok(receiver("U-WATER"), caseId, "sign-for", null);
    ok(leader("U-WATER"), caseId, "leader-approval", null);
    String id = photo(handler("U-WATER"), caseId, "AFTER");
    String where = " WHERE photo_id = '" + id + "'";

    try (Connection app =
            DriverManager.getConnection(URL, "szcg_dispatch_app", "szcg_dispatch_app");
        Statement st = app.createStatement()) {
      SQLException update =
          assertThrows(
              SQLException.class,
              () -> st.executeUpdate("UPDATE case_photo SET sha256 = repeat('0', 64)" + where));
      assertEquals("42501", update.getSQLState(), update.getMessage()); // insufficient_privilege
      SQLException delete =
          assertThrows(
              SQLException.class, () -> st.executeUpdate("DELETE FROM case_photo" + where));
      assertEquals("42501", delete.getSQLState(), delete.getMessage());
      SQLException truncate =
          assertThrows(SQLException.class, () -> st.executeUpdate("TRUNCATE case_photo"));
      assertEquals("42501", truncate.getSQLState(), truncate.getMessage());
      // it may still read and add (the store's own work)
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM case_photo" + where)) {
        rs.next();
        assertEquals(1, rs.getInt(1));
      }
    }

    try (Connection owner = DriverManager.getConnection(URL, "szcg_dispatch", "szcg_dispatch");
        Statement st = owner.createStatement()) {
      for (String sql :
          new String[] {
            "UPDATE case_photo SET sha256 = repeat('0', 64)" + where,
            "DELETE FROM case_photo" + where,
            "TRUNCATE case_photo CASCADE"
          }) {
        SQLException refused = assertThrows(SQLException.class, () -> st.executeUpdate(sql), sql);
        assertTrue(refused.getMessage().contains("append-only"), sql + ": " + refused.getMessage());
      }
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM case_photo" + where)) {
        rs.next();
        assertEquals(1, rs.getInt(1), "the photo is still there");
      }
    }
  }
}
