package cn.szcg.intake.domain;

import java.util.Objects;

/**
 * One field-level validation error (字段校验错误): a JSON-style path to the field (e.g. {@code
 * categories[3].handlingLimit.amount} or {@code location}), a stable machine code (e.g. {@code
 * required}, {@code out_of_area}) and a message in Chinese and English. Maps one-to-one onto an
 * entry of the RFC 9457 problem's field list.
 */
public record FieldViolation(String field, String code, String messageZh, String messageEn) {

  public FieldViolation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(messageZh, "messageZh");
    Objects.requireNonNull(messageEn, "messageEn");
  }

  public static FieldViolation of(String field, String code, String messageZh, String messageEn) {
    return new FieldViolation(field, code, messageZh, messageEn);
  }

  public BilingualText message() {
    return new BilingualText(messageZh, messageEn);
  }

  @Override
  public String toString() {
    return field + " [" + code + "]: " + messageZh + " / " + messageEn;
  }
}
