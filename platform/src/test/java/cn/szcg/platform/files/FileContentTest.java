package cn.szcg.platform.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Files that lie about their type are refused; real ones pass (issue 19). */
class FileContentTest {

  static byte[] image(String format) throws IOException {
    BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 64; x++) {
      for (int y = 0; y < 48; y++) {
        img.setRGB(x, y, (x * y * 997) & 0xFFFFFF); // busy enough that every byte carries pixels
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, format, out);
    return out.toByteArray();
  }

  static byte[] concat(byte[] a, String b) {
    byte[] t = b.getBytes(StandardCharsets.UTF_8);
    byte[] out = Arrays.copyOf(a, a.length + t.length);
    System.arraycopy(t, 0, out, a.length, t.length);
    return out;
  }

  @Test
  void realImagesPass() throws IOException {
    assertTrue(FileContent.mismatch("image/jpeg", image("jpeg")).isEmpty());
    assertTrue(FileContent.mismatch("image/jpg", image("jpeg")).isEmpty());
    assertTrue(FileContent.mismatch("image/png; q=1", image("png")).isEmpty());
    assertTrue(ImageType.PNG.decodes(image("png")));
  }

  @Test
  void htmlAndSvgDeclaredAsImagesAreRefused() {
    byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    byte[] svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
            .getBytes(StandardCharsets.UTF_8);
    for (String type : new String[] {"image/jpeg", "image/png", "image/webp"}) {
      assertEquals("content_mismatch", FileContent.mismatch(type, html).orElseThrow().code());
      assertEquals("content_mismatch", FileContent.mismatch(type, svg).orElseThrow().code());
    }
  }

  @Test
  void aForgedMagicNumberDoesNotDecode() throws IOException {
    // the magic number of a JPEG or PNG in front of an HTML page
    byte[] jpegHtml =
        concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, "<html></html>");
    byte[] pngHtml =
        concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, "<svg onload=x/>");
    assertEquals("not_decodable", FileContent.mismatch("image/jpeg", jpegHtml).get().code());
    assertEquals("not_decodable", FileContent.mismatch("image/png", pngHtml).get().code());
    // a truncated photo is not whole
    byte[] jpeg = image("jpeg");
    byte[] png = image("png");
    assertEquals(
        "not_decodable",
        FileContent.mismatch("image/jpeg", Arrays.copyOf(jpeg, jpeg.length / 2)).get().code());
    assertEquals(
        "not_decodable",
        FileContent.mismatch("image/png", Arrays.copyOf(png, png.length / 2)).get().code());
    // a WebP whose RIFF size is not its length, or without a VP8 chunk
    byte[] webp = "RIFF\u0010\0\0\0WEBPHTML<html>".getBytes(StandardCharsets.ISO_8859_1);
    assertFalse(ImageType.WEBP.decodes(webp));
  }

  @Test
  void theOtherImageTypeIsNamed() throws IOException {
    FileContent.Mismatch m = FileContent.mismatch("image/jpeg", image("png")).orElseThrow();
    assertEquals("content_mismatch", m.code());
    assertTrue(m.messageEn().contains("image/png"), m.messageEn());
  }

  @Test
  void documentsAndVideosAreCheckedByTheirMagic() {
    byte[] pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    assertTrue(FileContent.mismatch("application/pdf", pdf).isEmpty());
    assertEquals(
        "content_mismatch",
        FileContent.mismatch("application/pdf", "<html>%PDF-</html>".getBytes()).get().code());
    byte[] mp4 = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0};
    assertTrue(FileContent.mismatch("video/mp4", mp4).isEmpty());
    assertTrue(FileContent.mismatch("video/mp4", "<html></html>".getBytes()).isPresent());
  }
}
