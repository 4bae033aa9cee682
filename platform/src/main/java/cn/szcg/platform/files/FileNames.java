package cn.szcg.platform.files;

import java.nio.charset.StandardCharsets;

/**
 * File names of uploads (issue 19, docs/security.md "Hardening"): what is stored, and how it is
 * named when the file is served back. Plain Java.
 *
 * <p>Stored ({@link #sanitise}): the last path part only ({@code ../../etc/x.png} → {@code x.png},
 * {@code C:\\dir\\x.png} → {@code x.png}); without control characters (C0, DEL, C1), Unicode
 * direction overrides and isolates (which make {@code gpj.exe} read as {@code exe.jpg}) and line or
 * paragraph separators; without leading dots and surrounding blanks; at most 255 characters (the
 * end kept, with its extension). Chinese names are kept ({@code 现场照片.jpg}). Nothing left → null.
 *
 * <p>Served ({@link #contentDisposition}): RFC 6266 — an ASCII {@code filename} fallback (letters,
 * digits, dot, dash and underscore; anything else {@code _}) and the UTF-8 name percent-encoded in
 * {@code filename*} (RFC 8187), so that no quote, semicolon or line break of a name can reach the
 * header.
 */
public final class FileNames {

  public static final int MAX_LENGTH = 255;

  private FileNames() {}

  /** The name to store for an upload named {@code name}, or null when nothing usable is left. */
  public static String sanitise(String name) {
    if (name == null) {
      return null;
    }
    String base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    StringBuilder out = new StringBuilder(base.length());
    base.codePoints().filter(cp -> !refused(cp)).forEach(out::appendCodePoint);
    String s = out.toString().strip().replaceFirst("^\\.+", "").strip();
    if (s.codePointCount(0, s.length()) > MAX_LENGTH) {
      int start = s.offsetByCodePoints(s.length(), -MAX_LENGTH);
      s = s.substring(start).strip();
    }
    return s.isEmpty() || s.equals("..") ? null : s;
  }

  private static boolean refused(int cp) {
    return cp < 0x20
        || (cp >= 0x7F && cp <= 0x9F)
        || (cp >= 0x202A && cp <= 0x202E)
        || (cp >= 0x2066 && cp <= 0x2069)
        || cp == 0x200E
        || cp == 0x200F
        || cp == 0x061C
        || cp == 0x2028
        || cp == 0x2029
        || cp == 0xFEFF
        || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
  }

  /**
   * An RFC 6266 {@code Content-Disposition} value: {@code <type>; filename="<ascii>";
   * filename*=UTF-8''<percent-encoded>}; {@code fallback} (plain ASCII, e.g. {@code
   * attachment-<id>.jpg}) names a file whose name is missing or has no ASCII left.
   */
  public static String contentDisposition(String type, String name, String fallback) {
    String clean = sanitise(name);
    if (clean == null) {
      return type + "; filename=\"" + ascii(fallback, "file") + "\"";
    }
    return type
        + "; filename=\""
        + ascii(clean, fallback)
        + "\"; filename*=UTF-8''"
        + percentEncode(clean);
  }

  /**
   * The name with every character that is not an ASCII letter, digit, dot, dash or underscore
   * replaced by '_' (header- and file-system-safe), as is: no trimming, no fallback.
   */
  public static String asciiChars(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (char ch : name.toCharArray()) {
      boolean ok =
          (ch >= 'a' && ch <= 'z')
              || (ch >= 'A' && ch <= 'Z')
              || (ch >= '0' && ch <= '9')
              || ch == '.'
              || ch == '-'
              || ch == '_';
      out.append(ok ? ch : '_');
    }
    return out.toString();
  }

  /**
   * ASCII letters, digits, dot, dash and underscore, anything else '_'; the fallback if no letter
   * or digit of the name is left.
   */
  static String ascii(String name, String fallback) {
    String s = asciiChars(name);
    int dot = s.lastIndexOf('.');
    if (!(dot > 0 ? s.substring(0, dot) : s).matches(".*[A-Za-z0-9].*")) {
      return fallback; // nothing of the name itself is ASCII (e.g. 现场.jpg)
    }
    s = s.replaceFirst("^[._]+", "");
    return s.length() > 100 ? s.substring(s.length() - 100) : s;
  }

  /** RFC 8187 value characters: attr-char kept, every other byte of the UTF-8 form as %XX. */
  static String percentEncode(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      boolean attr =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!#$&+-.^_`|~".indexOf(c) >= 0;
      if (attr) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }
}
