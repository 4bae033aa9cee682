package cn.szcg.intake.security;

import static cn.szcg.intake.security.Fixtures.as;
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
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Evidence is never changed or deleted (R-10, R-14, R-15; docs/intake.md §4): the application role
 * the service connects as has no UPDATE, DELETE or TRUNCATE on {@code attachment} (permission
 * denied), and the platform's triggers refuse them even to the owner that runs the migrations
 * (table marked {@code szcg:append-only} by migration V7, platform afterMigrate.sql).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class AttachmentAppendOnlyTest {

  static String config(String key) {
    return ConfigProvider.getConfig().getValue(key, String.class);
  }

  @Test
  void neitherTheApplicationNorTheOwnerChangesOrDeletesAnAttachment() throws SQLException {
    TestTokens.clearDefault();
    Fixtures.eligibleCollector("C-EVIDENCE");
    String me = Fixtures.collector("C-EVIDENCE");
    String report = Fixtures.register(me, Fixtures.patrol("C-EVIDENCE", 118.8632, 26.2231));
    String id =
        as(me)
            .contentType("image/jpeg")
            .body(cn.szcg.intake.api.TestImages.jpeg("append-only"))
            .post("/api/v1/reports/" + report + "/attachments")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String url = config("quarkus.datasource.jdbc.url");
    String[] changes = {
      "UPDATE attachment SET file_name = 'altered.jpg' WHERE id = '" + id + "'",
      "DELETE FROM attachment WHERE id = '" + id + "'",
      "TRUNCATE attachment"
    };

    // the application role (the service's datasource): permission denied
    try (Connection app =
        DriverManager.getConnection(
            url, config("quarkus.datasource.username"), config("quarkus.datasource.password"))) {
      app.setAutoCommit(false);
      try (Statement st = app.createStatement()) {
        for (String sql : changes) {
          SQLException e = assertThrows(SQLException.class, () -> st.executeUpdate(sql), sql);
          assertEquals("42501", e.getSQLState(), sql + ": " + e.getMessage());
          app.rollback();
        }
      }
    }

    // the owner (the Flyway user, who holds every privilege): the trigger refuses
    try (Connection owner =
        DriverManager.getConnection(
            url, config("quarkus.flyway.username"), config("quarkus.flyway.password"))) {
      owner.setAutoCommit(false); // rolled back whatever happens: never lose another test's rows
      try (Statement st = owner.createStatement()) {
        for (String sql : changes) {
          SQLException e = assertThrows(SQLException.class, () -> st.executeUpdate(sql), sql);
          assertTrue(
              e.getMessage().contains("attachment is evidence and append-only"),
              sql + ": " + e.getMessage());
          owner.rollback();
        }
      }
    }

    // still there, unaltered
    as(Fixtures.OPERATOR)
        .get("/api/v1/attachments/" + id + "/meta")
        .then()
        .statusCode(200)
        .body("fileName", org.hamcrest.Matchers.nullValue());
  }
}
