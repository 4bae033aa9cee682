package cn.szcg.platform.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The image types a photo may have (R-10 evidence), recognised by their bytes (magic numbers) and a
 * decode, never by the name or the declared type alone: a file whose bytes are not the image it
 * claims to be is refused (issue 19, docs/security.md "Hardening"). Shared by intake's attachments
 * and dispatch's evidence photos; plain Java ({@code javax.imageio}), no framework.
 */
public enum ImageType {
  /** JPEG: starts FF D8 FF. */
  JPEG("image/jpeg", "jpg"),
  /** PNG: starts 89 50 4E 47 0D 0A 1A 0A. */
  PNG("image/png", "png"),
  /** WebP: "RIFF" size "WEBP". */
  WEBP("image/webp", "webp");

  private final String mediaType;
  private final String extension;

  ImageType(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /** The type a declared media type names (parameters ignored; image/jpg accepted for JPEG). */
  public static Optional<ImageType> ofMediaType(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    int semi = contentType.indexOf(';');
    String base =
        (semi >= 0 ? contentType.substring(0, semi) : contentType).strip().toLowerCase(Locale.ROOT);
    if (base.equals("image/jpg") || base.equals("image/pjpeg")) {
      return Optional.of(JPEG);
    }
    for (ImageType t : values()) {
      if (t.mediaType.equals(base)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The type the bytes are, by their magic number; empty for anything else. */
  public static Optional<ImageType> sniff(byte[] b) {
    if (b == null) {
      return Optional.empty();
    }
    if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
      return Optional.of(JPEG);
    }
    if (b.length >= 8
        && (b[0] & 0xFF) == 0x89
        && b[1] == 'P'
        && b[2] == 'N'
        && b[3] == 'G'
        && b[4] == 0x0D
        && b[5] == 0x0A
        && b[6] == 0x1A
        && b[7] == 0x0A) {
      return Optional.of(PNG);
    }
    if (b.length >= 12
        && b[0] == 'R'
        && b[1] == 'I'
        && b[2] == 'F'
        && b[3] == 'F'
        && b[8] == 'W'
        && b[9] == 'E'
        && b[10] == 'B'
        && b[11] == 'P') {
      return Optional.of(WEBP);
    }
    return Optional.empty();
  }

  /** Images larger than this many pixels on a side are not decoded (and so refused). */
  static final int MAX_SIDE = 20_000;

  /**
   * Whether {@code b} is a whole, decodable image of this type: JPEG and PNG are decoded with
   * {@code javax.imageio} (sub-sampled to about one megapixel, so a large photo costs little
   * memory, yet every byte of the compressed stream is read); WebP, which the JDK cannot decode,
   * must be a well-formed RIFF container (its size field matching the bytes) holding a VP8, VP8L or
   * VP8X chunk. An HTML or SVG file with a forged magic number, a truncated image or a header
   * without image data is not an image.
   */
  public boolean decodes(byte[] b) {
    if (sniff(b).orElse(null) != this) {
      return false;
    }
    if (this == WEBP) {
      return webpWellFormed(b);
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(b))) {
      Iterator<ImageReader> readers =
          ImageIO.getImageReadersByFormatName(this == JPEG ? "jpeg" : "png");
      if (in == null || !readers.hasNext()) {
        return false;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        boolean[] warned = {false};
        // a truncated JPEG decodes with a warning ("Premature end of JPEG file"): not whole
        reader.addIIOReadWarningListener((r, warning) -> warned[0] = true);
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        if (w <= 0 || h <= 0 || w > MAX_SIDE || h > MAX_SIDE) {
          return false;
        }
        ImageReadParam p = reader.getDefaultReadParam();
        int step = Math.max(1, (int) Math.ceil(Math.sqrt((double) w * h / 1_000_000d)));
        p.setSourceSubsampling(step, step, 0, 0);
        return reader.read(0, p) != null && !warned[0];
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return false; // IIOException, a broken stream, an index past the data: not an image
    }
  }

  private static boolean webpWellFormed(byte[] b) {
    if (b.length < 20) {
      return false;
    }
    long riffSize =
        (b[4] & 0xFFL) | (b[5] & 0xFFL) << 8 | (b[6] & 0xFFL) << 16 | (b[7] & 0xFFL) << 24;
    if (riffSize + 8 != b.length) {
      return false;
    }
    String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
    return chunk.equals("VP8 ") || chunk.equals("VP8L") || chunk.equals("VP8X");
  }
}
