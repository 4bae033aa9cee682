package cn.szcg.intake.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * SHA-256 content hashes of attachments (R-10: photos kept unaltered and traceable). The hash is
 * computed when the bytes arrive and stored beside them; a later re-hash that differs proves
 * tampering.
 */
public final class ContentHash {

  private static final Pattern SHA256_HEX = Pattern.compile("^[0-9a-f]{64}$");

  private ContentHash() {}

  /** Lower-case hex SHA-256 of the bytes. */
  public static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /** Lower-case hex SHA-256 of the stream's remaining bytes (read to the end, not closed). */
  public static String sha256Hex(InputStream in) {
    MessageDigest d = digest();
    byte[] buf = new byte[64 * 1024];
    try {
      int n;
      while ((n = in.read(buf)) != -1) {
        d.update(buf, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(d.digest());
  }

  /** Whether {@code hex} is a well-formed lower-case SHA-256 hex digest. */
  public static boolean isSha256Hex(String hex) {
    return hex != null && SHA256_HEX.matcher(hex).matches();
  }

  /** Whether the bytes still hash to {@code expectedHex}. */
  public static boolean verify(byte[] bytes, String expectedHex) {
    return MessageDigest.isEqual(
        sha256Hex(bytes).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        expectedHex == null
            ? new byte[0]
            : expectedHex
                .toLowerCase(java.util.Locale.ROOT)
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
