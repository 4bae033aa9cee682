package cn.szcg.gis.infra;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** Builds rows in PostgreSQL COPY text format (tab separated, backslash escapes, \N = null). */
final class CopyRows {

  private final StringBuilder sb = new StringBuilder(1 << 16);
  private boolean lineStart = true;

  CopyRows add(Object value) {
    if (!lineStart) {
      sb.append('\t');
    }
    lineStart = false;
    if (value == null) {
      sb.append("\\N");
      return this;
    }
    String s = value instanceof LocalDate d ? d.toString() : value.toString();
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        default -> sb.append(ch);
      }
    }
    return this;
  }

  CopyRows end() {
    sb.append('\n');
    lineStart = true;
    return this;
  }

  int length() {
    return sb.length();
  }

  /** The rows so far as UTF-8, then empties the buffer. */
  byte[] drain() {
    byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
    sb.setLength(0);
    return b;
  }
}
