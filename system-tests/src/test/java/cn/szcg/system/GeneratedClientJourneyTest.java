package cn.szcg.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import cn.szcg.client.dispatch.api.CasesApi;
import cn.szcg.client.dispatch.model.CheckOrderBody;
import cn.szcg.client.dispatch.model.CheckPassBody;
import cn.szcg.client.dispatch.model.CommandResult;
import cn.szcg.client.dispatch.model.DispatchBody;
import cn.szcg.client.dispatch.model.FeedbackBody;
import cn.szcg.client.dispatch.model.LeaderApprovalBody;
import cn.szcg.client.dispatch.model.NoteBody;
import cn.szcg.client.dispatch.model.PhotoPurpose;
import cn.szcg.client.intake.api.CollectorsApi;
import cn.szcg.client.intake.api.ReportsApi;
import cn.szcg.client.intake.model.CertificateRequest;
import cn.szcg.client.intake.model.Channel;
import cn.szcg.client.intake.model.CollectionUnitRequest;
import cn.szcg.client.intake.model.CollectorRequest;
import cn.szcg.client.intake.model.FileCaseRequest;
import cn.szcg.client.intake.model.Point;
import cn.szcg.client.intake.model.RegisterReportRequest;
import cn.szcg.client.intake.model.ReportKind;
import cn.szcg.client.intake.model.ReportView;
import java.io.File;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: the Java clients generated from the stored OpenAPI documents (clients/, docs/api.md)
 * drive one case through its whole life on the running stack with real tokens — no hand-written
 * HTTP: the generated API classes build every request and parse every answer. A county system
 * integrating with the suite would write exactly this.
 */
@Order(4)
class GeneratedClientJourneyTest {

  static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** A generated client of {@code baseUrl} acting as {@code user} (bearer token per request). */
  static cn.szcg.client.intake.ApiClient intake(String user) {
    cn.szcg.client.intake.ApiClient c = new cn.szcg.client.intake.ApiClient();
    c.updateBaseUri(Stack.INTAKE);
    c.setRequestInterceptor(b -> b.setHeader("Authorization", "Bearer " + Stack.token(user)));
    return c;
  }

  static CasesApi cases(String user) {
    cn.szcg.client.dispatch.ApiClient c = new cn.szcg.client.dispatch.ApiClient();
    c.updateBaseUri(Stack.DISPATCH);
    c.setRequestInterceptor(b -> b.setHeader("Authorization", "Bearer " + Stack.token(user)));
    return new CasesApi(c);
  }

  /**
   * The evidence-photo upload, whose body is the raw image. The generator's {@code native} library
   * serialises a binary body parameter with Jackson (openapi-generator 7.25: it supports files in
   * multipart forms only), so this client's interceptor sends the image's bytes with their type
   * instead; path, query, Accept and the parsing of the answer stay the generated ones
   * (docs/api.md).
   */
  static CasesApi photoUploader(String user, byte[] png) {
    cn.szcg.client.dispatch.ApiClient c = new cn.szcg.client.dispatch.ApiClient();
    c.updateBaseUri(Stack.DISPATCH);
    c.setRequestInterceptor(
        b ->
            b.setHeader("Authorization", "Bearer " + Stack.token(user))
                .setHeader("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(png)));
    return new CasesApi(c);
  }

  static String photo(String user, String caseId, PhotoPurpose purpose) throws Exception {
    byte[] png = PipelineDriver.tinyPng(caseId + purpose);
    return photoUploader(user, png)
        .uploadEvidencePhoto(caseId, new File("photo.png"), "photo.png", null, null, purpose, null)
        .getPhotoId();
  }

  @Test
  void aCaseTravelsThroughTheGeneratedClients() throws Exception {
    // reference data (idempotent PUTs): a contracted collection unit and its certified collector
    CollectorsApi collectors = new CollectorsApi(intake("admin1"));
    collectors.putCollectionUnit(
        "U-SYS-01",
        new CollectionUnitRequest()
            .name("闽清城市服务有限公司")
            .contractFrom(LocalDate.parse("2025-01-01"))
            .contractTo(LocalDate.parse("2030-12-31")));
    collectors.putCollector(
        "C0001",
        new CollectorRequest()
            .name("林采集")
            .unitId("U-SYS-01")
            .certificate(
                new CertificateRequest()
                    .number("MQ-CERT-SYS-1")
                    .validFrom(LocalDate.parse("2025-01-01"))
                    .validTo(LocalDate.parse("2030-12-31"))));

    // 登记 — the collector reports, the shift lead files it (立案, R-05)
    ReportView report =
        new ReportsApi(intake("collector1"))
            .registerReport(
                new RegisterReportRequest()
                    .channel(Channel.PATROL)
                    .kind(ReportKind.REPORT)
                    .categoryCode("E-0101")
                    .location(new Point().lon(118.8632).lat(26.2231))
                    .address("梅城镇解放大街12号")
                    .description("生成的客户端 / generated client: 暴露垃圾")
                    .collectorId("C0001"),
                null);
    assertNotNull(report.getReportNo());
    String id = report.getId().toString();
    ReportView filed =
        new ReportsApi(intake("shiftlead1"))
            .fileCase(report.getId(), new FileCaseRequest().categoryCode("E-0101"));
    assertEquals("FILED", filed.getStatus());

    // 派遣 — the case reaches dispatch-service by its event
    Stack.await(
        "the case in dispatch-service",
        TIMEOUT,
        () -> {
          try {
            return cases("dispatcher1").getCase(id) != null;
          } catch (cn.szcg.client.dispatch.ApiException e) {
            return false;
          }
        });
    step(
        "DISPATCHED",
        cases("dispatcher1")
            .dispatchCase(
                id,
                new DispatchBody()
                    .unitId("U-WATER")
                    .requirements("请尽快处理")
                    .overrideReason("系统测试指定自来水公司 / chosen by the system test")));
    // 签收, 批办, 处理反馈 with an after-photo
    step("SIGNED_FOR", cases("water-receiver").signForOrder(id, new NoteBody().note("已签收")));
    step(
        "IN_HANDLING",
        cases("water-leader")
            .approveOrderAsLeader(id, new LeaderApprovalBody().instructions("同意，尽快处置")));
    String after = photo("water-handler", id, PhotoPurpose.AFTER);
    step(
        "FEEDBACK_SUBMITTED",
        cases("water-handler")
            .submitFeedback(
                id, new FeedbackBody().description("已处置 / handled").photoIds(List.of(after))));
    // 核查 by the collector on site, with a photo, then 结案
    step(
        "CHECK_ORDERED",
        cases("dispatcher1").orderCheck(id, new CheckOrderBody().collectorId("C0001").note("请核查")));
    String check = photo("collector1", id, PhotoPurpose.CHECK);
    step(
        "CHECK_PASSED",
        cases("collector1")
            .passCheck(id, new CheckPassBody().note("核查通过").photoIds(List.of(check))));
    step("CLOSED", cases("operator1").closeCase(id, new NoteBody().note("结案")));
    assertEquals("CLOSED", cases("dispatcher1").getCase(id).getState());
  }

  static void step(String expectedState, CommandResult result) {
    assertEquals(expectedState, result.getCaseAfter().getState(), String.valueOf(result));
  }
}
