package cn.szcg.dispatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.dispatch.api.Api;
import cn.szcg.platform.files.ImageType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What an evidence photo must be: its bytes the type it claims, a size, a place. */
class PhotoPolicyTest {

  // real images (issue 19: the bytes are decoded, a magic number alone no longer passes)
  static final byte[] PNG = Api.png("policy");
  static final byte[] JPEG = Api.jpeg("policy");
  static final byte[] WEBP =
      "RIFF\u000c\0\0\0WEBPVP8 \0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);

  final PhotoPolicy policy = PhotoPolicy.MINQING;

  @Test
  void theBytesAreTheImageTheyClaimToBe() {
    assertTrue(policy.refusal("image/png", PNG).isEmpty());
    assertTrue(policy.refusal("image/jpeg", JPEG).isEmpty());
    assertTrue(policy.refusal("image/jpg", JPEG).isEmpty());
    assertTrue(policy.refusal("image/webp; q=1", WEBP).isEmpty());
    PhotoPolicy.Refusal mismatch = policy.refusal("image/jpeg", PNG).orElseThrow();
    assertEquals(PhotoPolicy.Kind.UNSUPPORTED_TYPE, mismatch.kind());
    assertEquals("content_mismatch", mismatch.code());
    assertTrue(mismatch.messageEn().contains("image/png"), mismatch.messageEn());
    byte[] html = "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
    assertEquals("content_mismatch", policy.refusal("image/png", html).orElseThrow().code());
    assertEquals("type_not_allowed", policy.refusal("text/html", html).orElseThrow().code());
    assertEquals("type_not_allowed", policy.refusal(null, PNG).orElseThrow().code());
    assertEquals("type_not_allowed", policy.refusal("image/svg+xml", PNG).orElseThrow().code());
  }

  @Test
  void aMagicNumberInFrontOfAPageIsNoImage() {
    byte[] svg = "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>".getBytes();
    byte[] jpegSvg =
        Arrays.copyOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, 3 + svg.length);
    System.arraycopy(svg, 0, jpegSvg, 3, svg.length);
    PhotoPolicy.Refusal r = policy.refusal("image/jpeg", jpegSvg).orElseThrow();
    assertEquals(PhotoPolicy.Kind.UNSUPPORTED_TYPE, r.kind());
    assertEquals("not_decodable", r.code());
    assertEquals("contentType", r.field());
    assertEquals(
        "not_decodable", policy.refusal("image/png", Arrays.copyOf(PNG, 40)).orElseThrow().code());
  }

  @Test
  void eachUploaderHasItsOwnQuotaPerOrderAndPurpose() {
    assertEquals(20, policy.maxPerUploader());
    assertTrue(policy.quotaRefusal(0).isEmpty());
    assertTrue(policy.quotaRefusal(19).isEmpty());
    PhotoPolicy.Refusal full = policy.quotaRefusal(20).orElseThrow();
    assertEquals(PhotoPolicy.Kind.QUOTA, full.kind());
    assertEquals("quota_exceeded", full.code());
  }

  @Test
  void notEmptyAndAtMostTenMebibytes() {
    assertEquals(10 * PhotoPolicy.MIB, policy.maxBytes());
    assertEquals("empty", policy.refusal("image/png", new byte[0]).orElseThrow().code());
    byte[] big = Arrays.copyOf(PNG, (int) (10 * PhotoPolicy.MIB) + 1);
    assertEquals(PhotoPolicy.Kind.TOO_LARGE, policy.refusal("image/png", big).orElseThrow().kind());
    byte[] limit = Arrays.copyOf(PNG, (int) (10 * PhotoPolicy.MIB));
    assertTrue(policy.refusal("image/png", limit).isEmpty());
  }

  @Test
  void aDevicePositionLiesInTheCountyAndComesInPairs() {
    assertTrue(policy.positionRefusal(null, null).isEmpty());
    assertTrue(policy.positionRefusal(118.8632, 26.2231).isEmpty());
    assertEquals("lat", policy.positionRefusal(118.86, null).orElseThrow().field());
    assertEquals("lon", policy.positionRefusal(121.47, 26.22).orElseThrow().field());
    assertEquals("out_of_area", policy.positionRefusal(118.86, 31.23).orElseThrow().code());
    assertEquals("lon", policy.positionRefusal(Double.NaN, 26.2).orElseThrow().field());
  }

  @Test
  void fileNamesAreSafeForAHeader() {
    assertEquals("after-1.jpg", PhotoPolicy.safeFileName("after-1.jpg", "id", ImageType.JPEG));
    assertEquals("x_.png", PhotoPolicy.safeFileName("../../etc/x\".png", "id", ImageType.PNG));
    assertEquals("a__b_c.png", PhotoPolicy.safeFileName("a\r\nb;c.png", "id", ImageType.PNG));
    assertEquals("photo-id.png", PhotoPolicy.safeFileName("现场照片", "id", ImageType.PNG));
    assertEquals("photo-id.webp", PhotoPolicy.safeFileName(null, "id", ImageType.WEBP));
  }

  @Test
  void aDeclaredPhotoIsCheckedBeforeItsBytesAreSent() {
    // a resumable upload (断点续传, issue 18): type and length at the declaration
    assertTrue(policy.declaredRefusal("image/jpeg", 10 * PhotoPolicy.MIB).isEmpty());
    assertEquals(
        PhotoPolicy.Kind.TOO_LARGE,
        policy.declaredRefusal("image/jpeg", 10 * PhotoPolicy.MIB + 1).orElseThrow().kind());
    assertEquals("length", policy.declaredRefusal("image/png", 11 * PhotoPolicy.MIB).get().field());
    assertEquals(
        PhotoPolicy.Kind.UNSUPPORTED_TYPE,
        policy.declaredRefusal("application/pdf", 100).orElseThrow().kind());
  }
}
