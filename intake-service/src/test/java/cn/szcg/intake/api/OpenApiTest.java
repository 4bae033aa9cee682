package cn.szcg.intake.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes every intake endpoint. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class OpenApiTest {

  @Test
  void describesTheEndpoints() {
    var r = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
    for (String path :
        new String[] {
          "/api/v1/reports",
          "/api/v1/reports/{id}/filing",
          "/api/v1/reports/{id}/rejection",
          "/api/v1/reports/{id}/merge",
          "/api/v1/reports/{id}/answer",
          "/api/v1/reports/{id}/verification",
          "/api/v1/reports/{id}/attachments",
          "/api/v1/uploads",
          "/api/v1/uploads/{id}",
          "/api/v1/verifications/{taskId}/result",
          "/api/v1/attachments/{id}",
          "/api/v1/collectors/{id}",
          "/api/v1/collection-units/{id}",
          "/api/v1/filing-standard/versions",
          "/api/v1/hotline/tickets/{sourceRef}/status",
          "/api/v1/hotline/status-changes"
        }) {
      r.body(containsString("\"" + path + "\""));
    }
    r.body(containsString("登记一次上报 / register an arrival"));
  }
}
