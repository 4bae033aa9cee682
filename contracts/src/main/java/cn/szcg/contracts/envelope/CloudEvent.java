package cn.szcg.contracts.envelope;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A CloudEvents 1.0 event in the Kafka protocol binding, binary content mode: the attributes travel
 * as {@code ce_*} headers, the JSON data is the record value, the record key is the case id ({@code
 * subject}).
 */
public record CloudEvent(
    String id, String source, String type, String subject, Instant time, String data) {

  public static final String SPEC_VERSION = "1.0";
  public static final String CONTENT_TYPE = "application/json";

  public CloudEvent {
    require(id, "id");
    require(source, "source");
    require(type, "type");
    require(subject, "subject");
    if (time == null) {
      throw new InvalidEventException("time is required");
    }
    require(data, "data");
  }

  private static void require(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new InvalidEventException(name + " is required");
    }
  }

  /** The headers of the binary content mode. */
  public Headers toHeaders() {
    RecordHeaders headers = new RecordHeaders();
    put(headers, "ce_specversion", SPEC_VERSION);
    put(headers, "ce_id", id);
    put(headers, "ce_source", source);
    put(headers, "ce_type", type);
    put(headers, "ce_subject", subject);
    put(headers, "ce_time", time.toString());
    put(headers, "content-type", CONTENT_TYPE);
    return headers;
  }

  /**
   * Reads an event from a Kafka record. Throws {@link InvalidEventException} (with the reason) for
   * anything that is not a well-formed CloudEvent of spec version 1.0 with JSON data.
   */
  public static CloudEvent fromKafka(Headers headers, String value) {
    if (headers == null) {
      throw new InvalidEventException("no headers: not a CloudEvent in binary mode");
    }
    String spec = header(headers, "ce_specversion");
    if (!SPEC_VERSION.equals(spec)) {
      throw new InvalidEventException("ce_specversion must be 1.0 but was " + spec);
    }
    String contentType = header(headers, "content-type");
    if (contentType != null && !contentType.startsWith(CONTENT_TYPE)) {
      throw new InvalidEventException("content-type must be application/json: " + contentType);
    }
    String time = header(headers, "ce_time");
    Instant instant;
    try {
      instant = time == null ? null : Instant.parse(time);
    } catch (DateTimeParseException e) {
      throw new InvalidEventException("ce_time is not an RFC 3339 instant: " + time);
    }
    return new CloudEvent(
        header(headers, "ce_id"),
        header(headers, "ce_source"),
        header(headers, "ce_type"),
        header(headers, "ce_subject"),
        instant,
        value);
  }

  private static void put(Headers headers, String key, String value) {
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }

  private static String header(Headers headers, String key) {
    Header h = headers.lastHeader(key);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
