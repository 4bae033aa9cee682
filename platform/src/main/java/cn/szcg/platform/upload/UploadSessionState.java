package cn.szcg.platform.upload;

import java.time.Instant;
import java.util.UUID;

/**
 * A resumable upload session (断点续传, issue 18) as the shared protocol ({@link ResumableUploads})
 * sees it. Each service keeps its sessions in its own table (its own Flyway migration: what a
 * session belongs to differs, a report in intake, a case in dispatch) and its entity implements
 * this; the chunks are the service's {@code upload_chunk} table, same shape everywhere.
 */
public interface UploadSessionState {

  /** The session id (the chunks' {@code upload_id}). */
  UUID uploadId();

  /** The declared length in bytes. */
  long declaredLength();

  /** The declared SHA-256, lower-case hex. */
  String declaredSha256();

  /** The bytes stored so far: the offset the next chunk starts at. */
  long storedBytes();

  /** Records the bytes stored (after a chunk; 0 after discarded bytes). */
  void storedBytes(long received);

  /** Whether chunks are still taken (not completed, not failed). */
  boolean acceptsChunks();

  /** Records activity at {@code at}: the session expires {@link ResumableUpload#IDLE} later. */
  void touched(Instant at);
}
