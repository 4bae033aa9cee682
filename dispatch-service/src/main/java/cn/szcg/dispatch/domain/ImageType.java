package cn.szcg.dispatch.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The image types a photo may have, recognised by their bytes (magic numbers), never by the name or
 * the declared type alone: a file whose bytes are not the image it claims to be is refused.
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
}
