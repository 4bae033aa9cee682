package cn.szcg.platform.files;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether an uploaded file's bytes are what its declared type says (issue 19, docs/security.md
 * "Hardening"): every upload of the suite (intake's attachments 附件, dispatch's evidence photos
 * 证据照片) is checked here before it is stored, so that an HTML or SVG page sent as {@code image/jpeg}
 * is refused instead of being stored as evidence and served back. Plain Java.
 *
 * <ul>
 *   <li>{@code image/jpeg}, {@code image/png}, {@code image/webp}: the magic number and a decode
 *       ({@link ImageType#decodes}).
 *   <li>{@code application/pdf}: starts {@code %PDF-} and ends with an {@code %%EOF} marker (within
 *       its last 1,024 bytes).
 *   <li>{@code video/mp4}: an ISO base media file, its first box {@code ftyp} (bytes 4–7).
 * </ul>
 *
 * Any other declared type is not checked here (the caller's policy refuses types it does not
 * allow).
 */
public final class FileContent {

  private FileContent() {}

  /**
   * Why the bytes are not what they claim: a stable code and the message in Chinese and English.
   */
  public record Mismatch(String code, String messageZh, String messageEn) {
    public String message() {
      return messageZh + " / " + messageEn;
    }
  }

  /**
   * The media type without parameters, lower-case; {@code image/jpg} read as {@code image/jpeg}.
   */
  public static String baseType(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semi = contentType.indexOf(';');
    String base =
        (semi >= 0 ? contentType.substring(0, semi) : contentType).strip().toLowerCase(Locale.ROOT);
    return base.equals("image/jpg") || base.equals("image/pjpeg") ? "image/jpeg" : base;
  }

  /** The mismatch between the declared {@code contentType} and {@code bytes}, if any. */
  public static Optional<Mismatch> mismatch(String contentType, byte[] bytes) {
    String type = baseType(contentType);
    if (type == null || bytes == null || bytes.length == 0) {
      return Optional.empty(); // a missing type or an empty body is the caller's own refusal
    }
    Optional<ImageType> image = ImageType.ofMediaType(type);
    if (image.isPresent()) {
      ImageType declared = image.get();
      Optional<ImageType> actual = ImageType.sniff(bytes);
      if (actual.isEmpty() || actual.get() != declared) {
        return Optional.of(
            new Mismatch(
                "content_mismatch",
                "文件内容不是所声明的 "
                    + declared.mediaType()
                    + " 图像"
                    + actual.map(a -> "（实为 " + a.mediaType() + "）").orElse(""),
                "the bytes are not the "
                    + declared.mediaType()
                    + " image declared"
                    + actual.map(a -> " (they are " + a.mediaType() + ")").orElse("")));
      }
      if (!declared.decodes(bytes)) {
        return Optional.of(
            new Mismatch(
                "not_decodable",
                "文件不是完整可读的 " + declared.mediaType() + " 图像",
                "the bytes do not decode as a whole " + declared.mediaType() + " image"));
      }
      return Optional.empty();
    }
    return switch (type) {
      case "application/pdf" ->
          startsWith(bytes, 0, "%PDF-") && tailHas(bytes, "%%EOF")
              ? Optional.empty()
              : Optional.of(
                  new Mismatch(
                      "content_mismatch",
                      "文件内容不是 PDF 文档",
                      "the bytes are not a PDF document (%PDF- … %%EOF)"));
      case "video/mp4" ->
          bytes.length >= 12 && startsWith(bytes, 4, "ftyp")
              ? Optional.empty()
              : Optional.of(
                  new Mismatch(
                      "content_mismatch",
                      "文件内容不是 MP4 视频",
                      "the bytes are not an MP4 video (no ftyp box)"));
      default -> Optional.empty();
    };
  }

  private static boolean startsWith(byte[] b, int offset, String ascii) {
    byte[] m = ascii.getBytes(StandardCharsets.US_ASCII);
    if (b.length < offset + m.length) {
      return false;
    }
    for (int i = 0; i < m.length; i++) {
      if (b[offset + i] != m[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean tailHas(byte[] b, String ascii) {
    int from = Math.max(0, b.length - 1024);
    String tail = new String(b, from, b.length - from, StandardCharsets.ISO_8859_1);
    return tail.contains(ascii);
  }
}
