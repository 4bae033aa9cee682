package cn.szcg.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.intake.api.TestImages;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Issue 19: uploads are what they claim; the quota is each uploader's, per report and purpose. */
class AttachmentPolicyTest {

  final AttachmentPolicy policy = AttachmentPolicy.DEFAULT;

  @Test
  void theBytesAreTheTypeDeclared() {
    assertTrue(policy.contentViolation("image/jpeg", TestImages.jpeg("ok")).isEmpty());
    assertTrue(policy.contentViolation("image/png", TestImages.png("ok")).isEmpty());
    byte[] svg = "<svg onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8);
    FieldViolation v = policy.contentViolation("image/png", svg).orElseThrow();
    assertEquals("contentType", v.field());
    assertEquals("content_mismatch", v.code());
    assertEquals(
        "content_mismatch", policy.contentViolation("application/pdf", svg).orElseThrow().code());
  }

  @Test
  void ninePerUploaderReportAndPurpose() {
    assertTrue(policy.quotaViolation(0).isEmpty());
    assertTrue(policy.quotaViolation(8).isEmpty());
    FieldViolation v = policy.quotaViolation(9).orElseThrow();
    assertEquals("attachment", v.field());
    assertEquals("too_many", v.code());
  }
}
