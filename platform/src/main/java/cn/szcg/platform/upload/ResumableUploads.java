package cn.szcg.platform.upload;

import cn.szcg.platform.web.Problem;
import cn.szcg.platform.web.ProblemException;
import cn.szcg.platform.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The resumable upload protocol (断点续传, issue 18; rules in {@link ResumableUpload}; docs/api.md
 * "Resumable uploads", docs/adr/0009), shared by intake (report photos) and dispatch (check and
 * after-photos): one chunk at an offset taken into a service's session, its bytes kept in the
 * service's {@code upload_chunk} table until complete, then verified against the declared length
 * and SHA-256. What the verified bytes become (an attachment, a case photo) and the photo policy
 * stay with the service: {@link #append} hands them back as {@link Step#complete}.
 */
@ApplicationScoped
public class ResumableUploads {

  /** The request header naming where a chunk starts, and in answers the stored offset. */
  public static final String OFFSET = "Upload-Offset";

  @Inject EntityManager em;

  /**
   * What a chunk led to: {@code refusal} to answer with after the transaction committed what it
   * changed (a gap: nothing; a hash mismatch: the bytes discarded), or {@code complete} = the
   * verified bytes of the whole photo for the service to store; neither: more chunks to come (or
   * already stored, or the session no longer takes chunks: its state says why).
   */
  public record Step(ProblemException refusal, byte[] complete) {
    static final Step PENDING = new Step(null, null);
  }

  /**
   * Takes a chunk of {@code chunk} at {@code offset} into session {@code s}, which the caller has
   * loaded locked for its transaction (one chunk at a time). 413 over {@link
   * ResumableUpload#MAX_CHUNK_BYTES}, 400 ({@value #OFFSET}) past the declared length.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Step append(UploadSessionState s, long offset, byte[] chunk, Instant at) {
    byte[] bytes = chunk == null ? new byte[0] : chunk;
    if (bytes.length > ResumableUpload.MAX_CHUNK_BYTES) {
      throw new ProblemException(
          413,
          "payload-too-large",
          Problems.TITLE_TOO_LARGE,
          "每块最多 4 MiB / a chunk is at most 4 MiB",
          List.of(new Problem.FieldError("body", "too_large", "每块最多 4 MiB / at most 4 MiB")));
    }
    if (!s.acceptsChunks()) {
      // completed (a lost answer to the last chunk) or failed: the session says which
      return Step.PENDING;
    }
    long length = s.declaredLength();
    ResumableUpload.Decision d =
        ResumableUpload.decide(offset, bytes.length, s.storedBytes(), length);
    switch (d.kind()) {
      case GAP -> {
        return new Step(gap(s.storedBytes()), null);
      }
      case TOO_LONG ->
          throw ProblemException.invalidField(
              OFFSET,
              "past_length",
              "该块超出声明的长度 "
                  + length
                  + " 字节 / the chunk ends past the declared length of "
                  + length
                  + " bytes");
      case ALREADY_STORED -> {
        if (!ResumableUpload.complete(s.storedBytes(), length)) {
          return Step.PENDING;
        }
        // all bytes held but not yet stored (the service stores them in a later transaction that
        // did not commit): the last chunk sent again completes it now
      }
      case APPEND -> {
        byte[] tail = d.skip() == 0 ? bytes : Arrays.copyOfRange(bytes, d.skip(), bytes.length);
        if (tail.length > 0) {
          appendChunk(s.uploadId(), s.storedBytes(), tail);
          s.storedBytes(s.storedBytes() + tail.length);
        }
      }
    }
    s.touched(at);
    if (!ResumableUpload.complete(s.storedBytes(), length)) {
      return Step.PENDING;
    }
    byte[] all = content(s.uploadId(), length);
    String hash = sha256Hex(all);
    if (all.length != length || !hash.equals(s.declaredSha256())) {
      // altered on the way: nothing of it is kept, the client sends it again from 0
      dropChunks(s.uploadId());
      s.storedBytes(0);
      String m =
          "收到的字节摘要为 "
              + hash
              + "，与声明的不符，已丢弃，请从 0 重新上传 / the bytes received hash to "
              + hash
              + ", not the declared SHA-256; discarded, upload again from offset 0";
      return new Step(
          new ProblemException(
              422,
              "hash-mismatch",
              Problems.TITLE_INVALID,
              m,
              List.of(new Problem.FieldError("sha256", "hash_mismatch", m))),
          null);
    }
    return new Step(null, all);
  }

  /** Drops a session's stored chunks (once its bytes are stored, or refused). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void dropChunks(UUID uploadId) {
    em.createNativeQuery("DELETE FROM upload_chunk WHERE upload_id = ?1")
        .setParameter(1, uploadId)
        .executeUpdate();
  }

  private void appendChunk(UUID uploadId, long offset, byte[] bytes) {
    em.createNativeQuery(
            "INSERT INTO upload_chunk (upload_id, start_offset, content) VALUES (?1, ?2, ?3)")
        .setParameter(1, uploadId)
        .setParameter(2, offset)
        .setParameter(3, bytes)
        .executeUpdate();
  }

  private byte[] content(UUID uploadId, long length) {
    @SuppressWarnings("unchecked")
    List<byte[]> chunks =
        em.createNativeQuery(
                "SELECT content FROM upload_chunk WHERE upload_id = ?1 ORDER BY start_offset")
            .setParameter(1, uploadId)
            .getResultList();
    ByteArrayOutputStream out =
        new ByteArrayOutputStream((int) Math.min(length, Integer.MAX_VALUE));
    for (byte[] c : chunks) {
      out.writeBytes(c);
    }
    return out.toByteArray();
  }

  /** 409: the chunk starts after the stored offset; the client goes on from {@code received}. */
  public static ProblemException gap(long received) {
    String m =
        "已存储 "
            + received
            + " 字节，请从该偏移继续 / "
            + received
            + " bytes are stored; continue from that offset";
    return new ProblemException(
        409,
        "offset-mismatch",
        Problems.TITLE_CONFLICT,
        m,
        List.of(new Problem.FieldError(OFFSET, "offset_mismatch", m)));
  }

  /** The {@value #OFFSET} request header as a non-negative offset, or 400 naming it. */
  public static long offset(String header) {
    if (header == null || header.isBlank()) {
      throw ProblemException.invalidField(
          OFFSET, "required", "须注明本块的起始偏移 / the chunk's start offset is required");
    }
    try {
      long o = Long.parseLong(header.trim());
      if (o < 0) {
        throw new NumberFormatException();
      }
      return o;
    } catch (NumberFormatException e) {
      throw ProblemException.invalidField(
          OFFSET, "invalid", "偏移须为非负整数 / the offset must be a non-negative integer");
    }
  }

  /** SHA-256 of {@code bytes}, lower-case hex. */
  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
