package cn.szcg.dispatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What an evidence photo must be: its bytes the type it claims, a size, a place. */
class PhotoPolicyTest {

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
  static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};
  static final byte[] WEBP = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);

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
}
