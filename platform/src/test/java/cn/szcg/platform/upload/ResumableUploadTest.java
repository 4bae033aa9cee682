package cn.szcg.platform.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.platform.upload.ResumableUpload.Decision;
import cn.szcg.platform.upload.ResumableUpload.Kind;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rules of a chunk at an offset (断点续传, issue 18). */
class ResumableUploadTest {

  @Test
  void aChunkAtTheStoredOffsetIsAppendedWhole() {
    assertEquals(new Decision(Kind.APPEND, 0), ResumableUpload.decide(100, 50, 100, 1000));
    assertEquals(new Decision(Kind.APPEND, 0), ResumableUpload.decide(0, 1000, 0, 1000));
  }

  @Test
  void aChunkAlreadyStoredIsAcknowledged() {
    // its answer was lost: sent again, nothing stored twice
    assertEquals(Kind.ALREADY_STORED, ResumableUpload.decide(0, 100, 100, 1000).kind());
    assertEquals(Kind.ALREADY_STORED, ResumableUpload.decide(0, 50, 100, 1000).kind());
  }

  @Test
  void aChunkOverlappingTheStoredOffsetAppendsOnlyItsTail() {
    assertEquals(new Decision(Kind.APPEND, 30), ResumableUpload.decide(70, 50, 100, 1000));
  }

  @Test
  void aGapIsRefused() {
    assertEquals(Kind.GAP, ResumableUpload.decide(101, 50, 100, 1000).kind());
  }

  @Test
  void pastTheDeclaredLengthIsRefused() {
    assertEquals(Kind.TOO_LONG, ResumableUpload.decide(900, 101, 900, 1000).kind());
    assertEquals(Kind.APPEND, ResumableUpload.decide(900, 100, 900, 1000).kind());
  }

  @Test
  void completeAtTheDeclaredLength() {
    assertTrue(ResumableUpload.complete(1000, 1000));
    assertFalse(ResumableUpload.complete(999, 1000));
  }

  @Test
  void expiresADayAfterTheLastChunk() {
    Instant t = Instant.parse("2026-12-07T08:00:00Z");
    assertEquals(t.plus(Duration.ofHours(24)), ResumableUpload.expiresAt(t));
  }
}
