package cn.szcg.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The audit trail's operationIds carry the service's word, so they are unique suite-wide. */
class SuiteOperationIdsTest {

  @Test
  void theAuditTrailOfEachServiceGetsItsOwnId() {
    String intake = "intake-service — 信息采集与立案 / every channel in";
    assertEquals("listIntakeAuditTrail", SuiteOperationIds.qualify("listAuditTrail", intake));
    assertEquals(
        "verifyDispatchAuditTrail",
        SuiteOperationIds.qualify("verifyAuditTrail", "dispatch-service — 派遣与处置"));
  }

  @Test
  void everyOtherIdStaysAsDeclared() {
    assertEquals("fileCase", SuiteOperationIds.qualify("fileCase", "intake-service — x"));
    assertEquals("listAuditTrail", SuiteOperationIds.qualify("listAuditTrail", "a title"));
    assertEquals(null, SuiteOperationIds.qualify(null, "intake-service — x"));
  }
}
