package cn.szcg.intake.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * The two formats of Open311 GeoReport v2: JSON (an array, or an object for discovery) and XML (a
 * root element holding one element per item, UTF-8 with the XML declaration, as the spec requires).
 * Lists inside an item are written as a plural element holding singular ones ({@code attributes} →
 * {@code attribute}, {@code values} → {@code value}, {@code endpoints} → {@code endpoint}, {@code
 * formats} → {@code format}); nulls are left out of XML and written as null in JSON.
 */
final class Open311Format {

  static final String JSON_TYPE = "application/json; charset=utf-8";
  static final String XML_TYPE = "text/xml; charset=utf-8";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Open311Format() {}

  /** Whether {@code format} is one of the two (json, xml). */
  static boolean known(String format) {
    return "json".equals(format) || "xml".equals(format);
  }

  /** A list answer: JSON array, or {@code <root><item>…</item>…</root>}. */
  static Response list(int status, String format, String root, String item, List<?> items) {
    if ("xml".equals(format)) {
      StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
      b.append('<').append(root).append('>');
      for (Object o : items) {
        element(b, item, o);
      }
      b.append("</").append(root).append('>');
      return Response.status(status).type(XML_TYPE).entity(b.toString()).build();
    }
    return Response.status(status).type(JSON_TYPE).entity(json(items)).build();
  }

  /**
   * A single-object answer (service definition, discovery): JSON object or {@code <root>…</root>}.
   */
  static Response object(String format, String root, Map<String, ?> value) {
    if ("xml".equals(format)) {
      StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
      element(b, root, value);
      return Response.ok(b.toString()).type(XML_TYPE).build();
    }
    return Response.ok(json(value)).type(JSON_TYPE).build();
  }

  /** The spec's error answer: {@code [{code, description}]} / {@code <errors><error>…}. */
  static Response errors(int status, String format, List<Map<String, Object>> errors) {
    return list(status, "xml".equals(format) ? "xml" : "json", "errors", "error", errors);
  }

  private static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void element(StringBuilder b, String name, Object value) {
    if (value == null) {
      return;
    }
    b.append('<').append(name).append('>');
    if (value instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        element(b, String.valueOf(e.getKey()), e.getValue());
      }
    } else if (value instanceof List<?> l) {
      String single = singular(name);
      for (Object o : l) {
        element(b, single, o);
      }
    } else {
      escape(b, String.valueOf(value));
    }
    b.append("</").append(name).append('>');
  }

  static String singular(String plural) {
    return switch (plural) {
      case "attributes" -> "attribute";
      case "values" -> "value";
      case "endpoints" -> "endpoint";
      case "formats" -> "format";
      default -> plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : "item";
    };
  }

  private static void escape(StringBuilder b, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            b.append(' '); // not allowed in XML 1.0
          } else {
            b.append(c);
          }
        }
      }
    }
  }
}
