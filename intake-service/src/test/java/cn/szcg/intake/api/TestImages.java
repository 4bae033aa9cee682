package cn.szcg.intake.api;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/**
 * Real, tiny images for upload tests: attachments are decoded on arrival (issue 19), so a magic
 * number followed by anything no longer passes. Each {@code tag} gives distinct bytes (the same
 * bytes twice are one attachment).
 */
public final class TestImages {

  private TestImages() {}

  /** An 8×8 JPEG carrying {@code tag} in a comment (COM) segment right after SOI. */
  public static byte[] jpeg(String tag) {
    byte[] body = encode("jpeg");
    byte[] t = tag.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(body, 0, 2);
    out.write(0xFF);
    out.write(0xFE);
    out.write((t.length + 2) >> 8);
    out.write((t.length + 2) & 0xFF);
    out.write(t, 0, t.length);
    out.write(body, 2, body.length - 2);
    return out.toByteArray();
  }

  /** An 8×8 PNG whose pixels depend on {@code tag}. */
  public static byte[] png(String tag) {
    BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    int h = tag.hashCode();
    for (int i = 0; i < 64; i++) {
      img.setRGB(i % 8, i / 8, (h * (i + 1)) & 0xFFFFFF);
    }
    return write(img, "png");
  }

  private static byte[] encode(String format) {
    BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    img.setRGB(1, 1, 0x336699);
    return write(img, format);
  }

  private static byte[] write(BufferedImage img, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(img, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
