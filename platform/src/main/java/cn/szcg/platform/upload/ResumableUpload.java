package cn.szcg.platform.upload;

import java.time.Duration;
import java.time.Instant;

/**
 * The rules of a resumable upload (断点续传, issue 18): a photo sent in chunks at byte offsets, so that
 * a phone on a weak link that loses the connection goes on from what the service already holds
 * instead of sending the whole photo again (evidence, R-10). Shared by every service that takes
 * photos from the phones (intake: report photos; dispatch: check and after-photos, R-14, R-15); the
 * protocol around it is {@link ResumableUploads}, docs/adr/0009.
 *
 * <ul>
 *   <li>A chunk at the stored offset is appended. A chunk that ends at or before the stored offset
 *       was already stored (its answer was lost): acknowledged, nothing stored again. A chunk that
 *       starts before the stored offset and reaches past it: only its new tail is appended.
 *   <li>A chunk that starts after the stored offset would leave a gap: refused (409) with the
 *       stored offset, from which the client goes on. A chunk reaching past the declared length is
 *       refused (400).
 *   <li>When the stored bytes reach the declared length, the upload completes: their SHA-256 must
 *       be the declared one (else the bytes are discarded, offset 0) and the service's photo policy
 *       (type, size, magic number) applies as to any one-request upload.
 *   <li>An open session expires {@link #IDLE} after its last chunk; it is only ever created for a
 *       report or case that already exists, so it never expires before what it belongs to.
 * </ul>
 */
public final class ResumableUpload {

  /** An open session idle this long is deleted (its chunks with it). */
  public static final Duration IDLE = Duration.ofHours(24);

  /** The largest chunk taken in one request (the phone sends 256 KiB). */
  public static final int MAX_CHUNK_BYTES = 4 * 1024 * 1024;

  private ResumableUpload() {}

  /** What to do with a chunk. */
  public enum Kind {
    /** append {@code bytes[skip..]} at the stored offset */
    APPEND,
    /** already stored: acknowledge with the stored offset */
    ALREADY_STORED,
    /** a gap before the chunk: 409 with the stored offset */
    GAP,
    /** past the declared length: 400 */
    TOO_LONG
  }

  /** The decision on one chunk; {@code skip} = bytes at its start that are already stored. */
  public record Decision(Kind kind, int skip) {}

  /**
   * The decision on a chunk of {@code chunkLength} bytes at {@code offset} when {@code stored}
   * bytes of {@code declaredLength} are held.
   */
  public static Decision decide(long offset, int chunkLength, long stored, long declaredLength) {
    if (offset < 0 || chunkLength < 0) {
      throw new IllegalArgumentException("offset and length must be >= 0");
    }
    if (offset > stored) {
      return new Decision(Kind.GAP, 0);
    }
    long end = offset + chunkLength;
    if (end > declaredLength) {
      return new Decision(Kind.TOO_LONG, 0);
    }
    if (end <= stored) {
      return new Decision(Kind.ALREADY_STORED, chunkLength);
    }
    return new Decision(Kind.APPEND, (int) (stored - offset));
  }

  /** Whether the stored bytes are all there. */
  public static boolean complete(long stored, long declaredLength) {
    return stored == declaredLength;
  }

  /** When a session touched at {@code lastActivity} expires. */
  public static Instant expiresAt(Instant lastActivity) {
    return lastActivity.plus(IDLE);
  }
}
