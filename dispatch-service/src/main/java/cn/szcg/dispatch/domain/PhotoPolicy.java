package cn.szcg.dispatch.domain;

import cn.szcg.platform.files.FileContent;
import cn.szcg.platform.files.FileNames;
import cn.szcg.platform.files.ImageType;
import java.util.Optional;

/**
 * What a photo uploaded to dispatch-service's evidence store must be: a JPEG,
 * PNG or WebP image whose bytes are the type it claims (magic numbers and a decode, platform's
 * {@link FileContent}), not empty, at most {@link #maxBytes} (intake-service's AttachmentPolicy
 * limit for images: 10 MiB), and — where the device gives it — taken inside the county. Each
 * uploader (a unit, or a collector) has its own quota of {@link #maxPerUploader} photos per order
 * and purpose (issue 19): one party cannot use up another's room for evidence.
 *
 * @param maxBytes size limit of one photo
 * @param maxPerUploader photos one unit or collector may upload per order and purpose
 * @param minLon west edge of the county box
 * @param minLat south edge
 * @param maxLon east edge
 * @param maxLat north edge
 */
public record PhotoPolicy(
    long maxBytes, int maxPerUploader, double minLon, double minLat, double maxLon, double maxLat) {

  public static final long MIB = 1024L * 1024L;

  /**
   * Minqing County (闽清县, 350124): photos up to 10 MiB (as intake's images), 20 per uploader, order
   * and purpose, positions inside lon 118.3–119.2, lat 25.9–26.6 (the box intake checks reports
   * against).
   */
  public static final PhotoPolicy MINQING = new PhotoPolicy(10 * MIB, 20, 118.3, 25.9, 119.2, 26.6);

  /** Why a photo is refused: the field, a stable code and the message in Chinese and English. */
  public record Refusal(Kind kind, String field, String code, String messageZh, String messageEn) {
    public String message() {
      return messageZh + " / " + messageEn;
    }
  }

  /** Kinds of refusal (the API answers 415, 413, 400 and 409 for them). */
  public enum Kind {
    UNSUPPORTED_TYPE,
    TOO_LARGE,
    INVALID,
    QUOTA
  }

  /**
   * The refusal of one more photo when this uploader already stored {@code alreadyStored} photos
   * for the same order and purpose (photos of other uploaders do not count), if any.
   */
  public Optional<Refusal> quotaRefusal(long alreadyStored) {
    if (alreadyStored < maxPerUploader) {
      return Optional.empty();
    }
    return Optional.of(
        new Refusal(
            Kind.QUOTA,
            "body",
            "quota_exceeded",
            "每个上传方每个派遣、每种用途最多 " + maxPerUploader + " 张照片",
            "at most " + maxPerUploader + " photos per uploader, order and purpose"));
  }

  /**
   * The refusal of a photo declared before its bytes are sent (a resumable upload, 断点续传, issue 18):
   * its type must be a photo type and its length within the limit; the bytes themselves are checked
   * by {@link #refusal} once they are all there.
   */
  public Optional<Refusal> declaredRefusal(String contentType, long length) {
    if (ImageType.ofMediaType(contentType).isEmpty()) {
      return refusal(contentType, null);
    }
    if (length > maxBytes) {
      return tooLarge("length");
    }
    return Optional.empty();
  }

  private Optional<Refusal> tooLarge(String field) {
    return Optional.of(
        new Refusal(
            Kind.TOO_LARGE,
            field,
            "too_large",
            "照片超过 " + (maxBytes / MIB) + " MiB 上限",
            "the photo exceeds the " + (maxBytes / MIB) + " MiB limit"));
  }

  /** The refusal of these bytes declared as {@code contentType}, if any. */
  public Optional<Refusal> refusal(String contentType, byte[] bytes) {
    Optional<ImageType> declared = ImageType.ofMediaType(contentType);
    if (declared.isEmpty()) {
      return Optional.of(
          new Refusal(
              Kind.UNSUPPORTED_TYPE,
              "contentType",
              "type_not_allowed",
              "照片须为 JPEG、PNG 或 WebP 图像，实际为 " + contentType,
              "a photo must be image/jpeg, image/png or image/webp, got " + contentType));
    }
    if (bytes == null || bytes.length == 0) {
      return Optional.of(
          new Refusal(Kind.INVALID, "body", "empty", "照片为空文件", "the photo is empty"));
    }
    if (bytes.length > maxBytes) {
      return Optional.of(
          new Refusal(
              Kind.TOO_LARGE,
              "body",
              "too_large",
              "照片超过 " + (maxBytes / MIB) + " MiB 上限",
              "the photo exceeds the " + (maxBytes / MIB) + " MiB limit"));
    }
    Optional<FileContent.Mismatch> mismatch = FileContent.mismatch(contentType, bytes);
    if (mismatch.isPresent()) {
      FileContent.Mismatch m = mismatch.get();
      return Optional.of(
          new Refusal(
              Kind.UNSUPPORTED_TYPE, "contentType", m.code(), m.messageZh(), m.messageEn()));
    }
    return Optional.empty();
  }

  /**
   * The refusal of a device position, if any: both or neither of lon/lat, and inside the county.
   */
  public Optional<Refusal> positionRefusal(Double lon, Double lat) {
    if (lon == null && lat == null) {
      return Optional.empty();
    }
    if (lon == null || lat == null) {
      String missing = lon == null ? "lon" : "lat";
      return Optional.of(
          new Refusal(
              Kind.INVALID,
              missing,
              "required",
              "经度和纬度须同时提供",
              "lon and lat go together: " + missing + " is missing"));
    }
    if (!(lon >= minLon && lon <= maxLon)) {
      return Optional.of(outside("lon"));
    }
    if (!(lat >= minLat && lat <= maxLat)) {
      return Optional.of(outside("lat"));
    }
    return Optional.empty();
  }

  private Refusal outside(String field) {
    return new Refusal(
        Kind.INVALID,
        field,
        "out_of_area",
        "拍摄位置不在本县范围内（经度 " + minLon + "–" + maxLon + "，纬度 " + minLat + "–" + maxLat + "）",
        "the position lies outside the county (lon "
            + minLon
            + "–"
            + maxLon
            + ", lat "
            + minLat
            + "–"
            + maxLat
            + ")");
  }

  /**
   * A file name safe for a Content-Disposition header: ASCII letters, digits, dot, dash and
   * underscore only (anything else becomes '_'), no leading dots, at most 100 characters; {@code
   * photo-<id>.<ext>} when nothing usable is left.
   */
  public static String safeFileName(String name, String photoId, ImageType type) {
    String fallback = "photo-" + photoId + "." + type.extension();
    if (name == null) {
      return fallback;
    }
    String base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    String s = FileNames.asciiChars(base).replaceFirst("^[._]+", "");
    if (s.length() > 100) {
      s = s.substring(s.length() - 100);
    }
    return s.replace("_", "").replace(".", "").isEmpty() ? fallback : s;
  }
}
