package cn.szcg.intake.infra;

import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.intake.domain.BilingualText;
import cn.szcg.intake.domain.Catalogue;
import cn.szcg.intake.domain.CatalogueDraft;
import cn.szcg.intake.domain.CatalogueHistory;
import cn.szcg.intake.domain.CatalogueValidator;
import cn.szcg.intake.domain.Category;
import cn.szcg.intake.domain.CategoryType;
import cn.szcg.intake.domain.DomainValidationException;
import cn.szcg.intake.domain.FieldViolation;
import cn.szcg.intake.domain.MajorClass;
import cn.szcg.intake.domain.StageLimit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON form of the filing standard (the format of {@code catalogue/minqing-default.json}). Uses the
 * Jackson tree model so that a wrong type or an unknown unit becomes a field-level violation
 * instead of an opaque mapping error.
 *
 * <pre>
 * { "version": 1, "effectiveFrom": "2026-01-01T00:00:00+08:00",
 *   "majorClasses": [ {"code": "E-01", "type": "EVENT", "nameZh": "市容环境", "nameEn": "..."} ],
 *   "categories": [ {"code": "E-0101", "type": "EVENT", "nameZh": "暴露垃圾", "nameEn": "...",
 *       "filingCondition": {"zh": "...", "en": "..."}, "closingCondition": {"zh": "...", "en": "..."},
 *       "handlingLimit": {"amount": 4, "unit": "WORKING_HOURS"},
 *       "stageLimits": [ {"key": "STOP", "nameZh": "...", "nameEn": "...",
 *                         "limit": {"amount": 2, "unit": "WORKING_HOURS"}} ],
 *       "emergency": false, "publicReportable": true } ] }
 * </pre>
 */
public final class CatalogueJson {

  /** Classpath location of the shipped default catalogue for Minqing (闽清县). */
  public static final String DEFAULT_RESOURCE = "/catalogue/minqing-default.json";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private CatalogueJson() {}

  /** Loads the shipped default catalogue (version 1) from {@link #DEFAULT_RESOURCE}. */
  public static Catalogue loadDefault() {
    try (InputStream in = CatalogueJson.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + DEFAULT_RESOURCE);
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a complete, versioned catalogue; throws {@link DomainValidationException} if invalid. */
  public static Catalogue read(InputStream in) {
    try {
      return read(MAPPER.readTree(in));
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Catalogue read(String json) {
    return read(parse(json));
  }

  /**
   * Reads the content of a catalogue edit (version and effectiveFrom, if present, are ignored).
   * Structural errors (wrong JSON types) throw {@link DomainValidationException}; rule violations
   * (duplicates, unknown units, …) are left to {@link CatalogueValidator}/{@link
   * CatalogueHistory#publish}.
   */
  public static CatalogueDraft readDraft(String json) {
    Reader r = new Reader();
    CatalogueDraft d = r.draft(parse(json));
    r.throwIfAny();
    return d;
  }

  private static Catalogue read(JsonNode root) {
    Reader r = new Reader();
    CatalogueDraft d = r.draft(root);
    int version = root.path("version").asInt(0);
    Instant effectiveFrom = null;
    String ef = root.path("effectiveFrom").asText(null);
    if (ef != null) {
      try {
        effectiveFrom = OffsetDateTime.parse(ef).toInstant();
      } catch (DateTimeParseException e) {
        r.errors.add(
            FieldViolation.of(
                "effectiveFrom",
                "bad_format",
                "生效时间应为带时区偏移的 ISO-8601 时间",
                "effectiveFrom must be an ISO-8601 date-time with offset"));
      }
    }
    r.throwIfAny();
    return new Catalogue(version, effectiveFrom, d.majorClasses(), d.categories());
  }

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
  }

  private static DomainValidationException malformed(JsonProcessingException e) {
    return new DomainValidationException(
        "立案、结案规范无法解析",
        "filing standard cannot be parsed",
        List.of(
            FieldViolation.of(
                "$",
                "malformed_json",
                "JSON 格式错误：" + e.getOriginalMessage(),
                "malformed JSON: " + e.getOriginalMessage())));
  }

  /** Writes a catalogue version in the same JSON form (effectiveFrom with +08:00 offset). */
  public static String write(Catalogue catalogue) {
    try {
      return MAPPER.writeValueAsString(toJson(catalogue));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ObjectNode toJson(Catalogue catalogue) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", catalogue.version());
    root.put(
        "effectiveFrom", catalogue.effectiveFrom().atZone(SHANGHAI).toOffsetDateTime().toString());
    ArrayNode majors = root.putArray("majorClasses");
    for (MajorClass m : catalogue.majorClasses()) {
      majors
          .addObject()
          .put("code", m.code())
          .put("type", m.type().name())
          .put("nameZh", m.nameZh())
          .put("nameEn", m.nameEn());
    }
    ArrayNode cats = root.putArray("categories");
    for (Category c : catalogue.categories()) {
      ObjectNode n = cats.addObject();
      n.put("code", c.code()).put("type", c.type().name());
      n.put("nameZh", c.nameZh()).put("nameEn", c.nameEn());
      text(n.putObject("filingCondition"), c.filingCondition());
      text(n.putObject("closingCondition"), c.closingCondition());
      limit(n.putObject("handlingLimit"), c.handlingLimit());
      ArrayNode stages = n.putArray("stageLimits");
      for (StageLimit s : c.stageLimits()) {
        ObjectNode sn =
            stages
                .addObject()
                .put("key", s.key())
                .put("nameZh", s.nameZh())
                .put("nameEn", s.nameEn());
        limit(sn.putObject("limit"), s.limit());
      }
      n.put("emergency", c.emergency()).put("publicReportable", c.publicReportable());
    }
    return root;
  }

  private static void text(ObjectNode n, BilingualText t) {
    n.put("zh", t.zh());
    n.put("en", t.en());
  }

  private static void limit(ObjectNode n, TimeLimit l) {
    n.put("amount", l.amount()).put("unit", l.unit().name());
  }

  /** Collects structural errors while reading. */
  private static final class Reader {
    final List<FieldViolation> errors = new ArrayList<>();

    void throwIfAny() {
      if (!errors.isEmpty()) {
        throw new DomainValidationException(
            "立案、结案规范格式错误", "filing standard has structural errors", errors);
      }
    }

    CatalogueDraft draft(JsonNode root) {
      if (!root.isObject()) {
        errors.add(FieldViolation.of("$", "bad_type", "应为 JSON 对象", "must be a JSON object"));
        return new CatalogueDraft(List.of(), List.of());
      }
      List<MajorClass> majors = new ArrayList<>();
      JsonNode mj = array(root, "majorClasses", "majorClasses");
      for (int i = 0; i < mj.size(); i++) {
        JsonNode m = mj.get(i);
        String p = "majorClasses[" + i + "]";
        majors.add(
            new MajorClass(
                str(m, "code", p), type(m, p), str(m, "nameZh", p), str(m, "nameEn", p)));
      }
      List<Category> cats = new ArrayList<>();
      JsonNode cj = array(root, "categories", "categories");
      for (int i = 0; i < cj.size(); i++) {
        JsonNode c = cj.get(i);
        String p = "categories[" + i + "]";
        List<StageLimit> stages = new ArrayList<>();
        JsonNode sj = array(c, "stageLimits", p + ".stageLimits");
        for (int j = 0; j < sj.size(); j++) {
          JsonNode s = sj.get(j);
          String sp = p + ".stageLimits[" + j + "]";
          stages.add(
              new StageLimit(
                  str(s, "key", sp),
                  str(s, "nameZh", sp),
                  str(s, "nameEn", sp),
                  limit(s.get("limit"), sp + ".limit")));
        }
        cats.add(
            new Category(
                str(c, "code", p),
                type(c, p),
                str(c, "nameZh", p),
                str(c, "nameEn", p),
                text(c.get("filingCondition"), p + ".filingCondition"),
                text(c.get("closingCondition"), p + ".closingCondition"),
                limit(c.get("handlingLimit"), p + ".handlingLimit"),
                stages,
                bool(c, "emergency", p),
                bool(c, "publicReportable", p)));
      }
      return new CatalogueDraft(majors, cats);
    }

    JsonNode array(JsonNode parent, String name, String path) {
      JsonNode n = parent.get(name);
      if (n == null || n.isNull()) {
        return MAPPER.createArrayNode();
      }
      if (!n.isArray()) {
        errors.add(FieldViolation.of(path, "bad_type", "应为数组", "must be an array"));
        return MAPPER.createArrayNode();
      }
      return n;
    }

    String str(JsonNode parent, String name, String p) {
      JsonNode n = parent.get(name);
      if (n == null || n.isNull()) {
        return null;
      }
      if (!n.isTextual()) {
        errors.add(FieldViolation.of(p + "." + name, "bad_type", "应为字符串", "must be a string"));
        return null;
      }
      return n.asText();
    }

    boolean bool(JsonNode parent, String name, String p) {
      JsonNode n = parent.get(name);
      if (n == null || n.isNull()) {
        return false;
      }
      if (!n.isBoolean()) {
        errors.add(
            FieldViolation.of(p + "." + name, "bad_type", "应为 true 或 false", "must be a boolean"));
        return false;
      }
      return n.booleanValue();
    }

    CategoryType type(JsonNode parent, String p) {
      String t = str(parent, "type", p);
      if (t == null) {
        return null;
      }
      try {
        return CategoryType.valueOf(t);
      } catch (IllegalArgumentException e) {
        return null; // reported by the validator as unknown_type
      }
    }

    BilingualText text(JsonNode n, String p) {
      if (n == null || n.isNull()) {
        return null;
      }
      if (n.isTextual()) {
        return new BilingualText(n.asText(), null);
      }
      String zh = str(n, "zh", p);
      String en = str(n, "en", p);
      return zh == null ? null : new BilingualText(zh, en);
    }

    TimeLimit limit(JsonNode n, String p) {
      if (n == null || n.isNull()) {
        return null;
      }
      if (!n.isObject()) {
        errors.add(
            FieldViolation.of(p, "bad_type", "应为 {amount, unit} 对象", "must be {amount, unit}"));
        return null;
      }
      JsonNode a = n.get("amount");
      int amount = 0;
      if (a != null && !a.isNull()) {
        if (a.isIntegralNumber() && a.canConvertToInt()) {
          amount = a.intValue();
        } else {
          errors.add(
              FieldViolation.of(
                  p + ".amount", "bad_type", "时限应为整数", "amount must be a whole number"));
        }
      }
      LimitUnit unit = null;
      String u = str(n, "unit", p);
      if (u != null) {
        try {
          unit = LimitUnit.valueOf(u);
        } catch (IllegalArgumentException e) {
          unit = null; // reported by the validator as unknown_unit
        }
      }
      return new TimeLimit(amount, unit);
    }
  }
}
