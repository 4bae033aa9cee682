package cn.szcg.intake.domain;

import cn.szcg.platform.files.FileContent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which attachments an arrival may carry: allowed content types with a size cap each, and a cap on
 * their number. Photos are the evidence of R-10.
 *
 * <p>Uploaded files (issue 19): the bytes must be the type declared ({@link #contentViolation}:
 * magic number, and for images a decode — platform's {@code FileContent}); and {@link #maxCount} is
 * a quota per report, purpose and uploader ({@link #quotaViolation}), never per report alone, so
 * that a collector with a verification task cannot fill a report's room for attachments and leave
 * none to the center or the reporter's channel.
 */
public record AttachmentPolicy(Map<String, Long> maxBytesByContentType, int maxCount) {

  public static final long MIB = 1024L * 1024L;

  /**
   * Default: JPEG/PNG/WebP photos up to 10 MiB each, MP4 video clips (video snapshots) up to 50
   * MiB, PDF documents up to 20 MiB; at most 9 attachments.
   */
  public static final AttachmentPolicy DEFAULT = new AttachmentPolicy(defaults(), 9);

  public AttachmentPolicy {
    maxBytesByContentType = Map.copyOf(maxBytesByContentType);
    if (maxCount < 0) {
      throw new IllegalArgumentException("maxCount must be >= 0");
    }
  }

  private static Map<String, Long> defaults() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("image/jpeg", 10 * MIB);
    m.put("image/png", 10 * MIB);
    m.put("image/webp", 10 * MIB);
    m.put("video/mp4", 50 * MIB);
    m.put("application/pdf", 20 * MIB);
    return m;
  }

  /** Whether the content type is an image type. */
  public static boolean isImage(String contentType) {
    return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("image/");
  }

  /** Media type without parameters, lower-case (e.g. "image/jpeg; q=1" → "image/jpeg"). */
  public static String baseType(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semi = contentType.indexOf(';');
    return (semi >= 0 ? contentType.substring(0, semi) : contentType)
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  /**
   * The violation of an uploaded file whose bytes are not the {@code contentType} declared (an HTML
   * or SVG page sent as {@code image/jpeg}, a forged magic number, a truncated image), if any;
   * field {@code contentType}, code {@code content_mismatch} or {@code not_decodable}.
   */
  public Optional<FieldViolation> contentViolation(String contentType, byte[] bytes) {
    return FileContent.mismatch(contentType, bytes)
        .map(m -> FieldViolation.of("contentType", m.code(), m.messageZh(), m.messageEn()));
  }

  /**
   * The violation of one more upload when this uploader already stored {@code storedByUploader}
   * attachments of the same purpose to the report (other uploaders' and other purposes' do not
   * count), if any; field {@code attachment}, code {@code too_many}.
   */
  public Optional<FieldViolation> quotaViolation(long storedByUploader) {
    if (storedByUploader < maxCount) {
      return Optional.empty();
    }
    return Optional.of(
        FieldViolation.of(
            "attachment",
            "too_many",
            "每位上传者每件上报每种用途最多 " + maxCount + " 个附件",
            "at most " + maxCount + " attachments per report, purpose and uploader"));
  }

  /**
   * Violations of one attachment list; field paths start with {@code path} (e.g. "attachments").
   */
  public List<FieldViolation> validate(List<AttachmentMeta> attachments, String path) {
    List<FieldViolation> out = new ArrayList<>();
    if (attachments == null) {
      return out;
    }
    if (attachments.size() > maxCount) {
      out.add(
          FieldViolation.of(
              path,
              "too_many",
              "附件最多 " + maxCount + " 个，实际 " + attachments.size() + " 个",
              "at most " + maxCount + " attachments, got " + attachments.size()));
    }
    Set<String> hashes = new HashSet<>();
    for (int i = 0; i < attachments.size(); i++) {
      AttachmentMeta a = attachments.get(i);
      String p = path + "[" + i + "]";
      if (a == null) {
        out.add(FieldViolation.of(p, "required", "附件为空", "attachment is null"));
        continue;
      }
      String type = baseType(a.contentType());
      Long max = type == null ? null : maxBytesByContentType.get(type);
      if (type == null || type.isEmpty()) {
        out.add(
            FieldViolation.of(
                p + ".contentType", "required", "必须注明附件类型", "content type is required"));
      } else if (max == null) {
        out.add(
            FieldViolation.of(
                p + ".contentType",
                "type_not_allowed",
                "不支持的附件类型 " + type + "，允许：" + maxBytesByContentType.keySet(),
                "content type "
                    + type
                    + " not allowed; allowed: "
                    + maxBytesByContentType.keySet()));
      }
      if (a.sizeBytes() <= 0) {
        out.add(FieldViolation.of(p + ".sizeBytes", "empty", "附件为空文件", "attachment is empty"));
      } else if (max != null && a.sizeBytes() > max) {
        out.add(
            FieldViolation.of(
                p + ".sizeBytes",
                "too_large",
                "附件超过 " + (max / MIB) + " MiB 上限",
                "attachment exceeds the " + (max / MIB) + " MiB limit"));
      }
      if (!ContentHash.isSha256Hex(a.sha256())) {
        out.add(
            FieldViolation.of(
                p + ".sha256",
                "bad_format",
                "附件摘要应为 64 位小写十六进制 SHA-256",
                "sha256 must be 64 lower-case hex digits"));
      } else if (!hashes.add(a.sha256())) {
        out.add(
            FieldViolation.of(
                p + ".sha256", "duplicate", "同一附件重复上传", "the same attachment appears twice"));
      }
      if (a.fileName() != null && a.fileName().length() > 255) {
        out.add(
            FieldViolation.of(
                p + ".fileName", "too_long", "文件名不得超过 255 个字符", "file name over 255 characters"));
      }
    }
    return out;
  }
}
