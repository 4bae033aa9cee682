package cn.szcg.intake.domain;

import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.TimeLimit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validation of a filing-standard edit: unique and well-formed codes, names present,
 * conditions present, positive limits with known units, emergencies in natural time. Returns
 * every violation with its field path (e.g. {@code categories[3].handlingLimit.amount}).
 */
public final class CatalogueValidator {

  /** Category code: type letter, dash, major class (2 digits), minor class (2 digits). */
  public static final Pattern CATEGORY_CODE = Pattern.compile("^([CE])-(\\d{2})(\\d{2})$");

  /** Major class code: type letter, dash, two digits. */
  public static final Pattern MAJOR_CLASS_CODE = Pattern.compile("^([CE])-(\\d{2})$");

  /** Stage key: upper-case letters, digits and underscores. */
  public static final Pattern STAGE_KEY = Pattern.compile("^[A-Z][A-Z0-9_]{0,31}$");

  public static final int MAX_NAME_LENGTH = 60;
  public static final int MAX_CONDITION_LENGTH = 500;

  private CatalogueValidator() {}

  public static List<FieldViolation> validate(CatalogueDraft draft) {
    List<FieldViolation> out = new ArrayList<>();
    Set<String> majorCodes = new HashSet<>();
    List<MajorClass> majors = draft.majorClasses();
    if (majors.isEmpty()) {
      out.add(v("majorClasses", "empty", "至少需要一个大类", "at least one major class is required"));
    }
    for (int i = 0; i < majors.size(); i++) {
      MajorClass m = majors.get(i);
      String p = "majorClasses[" + i + "]";
      if (isBlank(m.code())) {
        out.add(required(p + ".code", "大类编码", "major class code"));
      } else if (!MAJOR_CLASS_CODE.matcher(m.code()).matches()) {
        out.add(
            v(
                p + ".code",
                "bad_format",
                "大类编码格式应为 C-01 或 E-01：" + m.code(),
                "major class code must look like C-01 or E-01: " + m.code()));
      } else if (!majorCodes.add(m.code())) {
        out.add(duplicate(p + ".code", m.code()));
      }
      if (m.type() == null) {
        out.add(unknownType(p + ".type"));
      } else if (!isBlank(m.code()) && !m.code().startsWith(m.type().prefix() + "-")) {
        out.add(typeMismatch(p + ".type", m.code(), m.type()));
      }
      names(out, p, m.nameZh(), m.nameEn());
    }

    List<Category> cats = draft.categories();
    if (cats.isEmpty()) {
      out.add(v("categories", "empty", "至少需要一个分类", "at least one category is required"));
    }
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < cats.size(); i++) {
      Category c = cats.get(i);
      String p = "categories[" + i + "]";
      if (isBlank(c.code())) {
        out.add(required(p + ".code", "分类编码", "category code"));
      } else if (!CATEGORY_CODE.matcher(c.code()).matches()
          || c.code().endsWith("00")
          || c.code().substring(2, 4).equals("00")) {
        out.add(
            v(
                p + ".code",
                "bad_format",
                "分类编码格式应为 C-0101 或 E-0101（大类、小类各两位，不得为 00）：" + c.code(),
                "category code must look like C-0101 or E-0101 (two-digit major and minor class,"
                    + " not 00): "
                    + c.code()));
      } else {
        if (!codes.add(c.code())) {
          out.add(duplicate(p + ".code", c.code()));
        }
        if (!majorCodes.contains(c.majorClassCode())) {
          out.add(
              v(
                  p + ".code",
                  "unknown_major_class",
                  "分类 " + c.code() + " 所属大类 " + c.majorClassCode() + " 不存在",
                  "major class " + c.majorClassCode() + " of " + c.code() + " does not exist"));
        }
      }
      if (c.type() == null) {
        out.add(unknownType(p + ".type"));
      } else if (!isBlank(c.code()) && !c.code().startsWith(c.type().prefix() + "-")) {
        out.add(typeMismatch(p + ".type", c.code(), c.type()));
      }
      names(out, p, c.nameZh(), c.nameEn());
      condition(out, p + ".filingCondition", c.filingCondition(), "立案条件", "filing condition");
      condition(out, p + ".closingCondition", c.closingCondition(), "结案条件", "closing condition");
      limit(out, p + ".handlingLimit", c.handlingLimit(), c.emergency());
      Set<String> keys = new HashSet<>();
      for (int j = 0; j < c.stageLimits().size(); j++) {
        StageLimit s = c.stageLimits().get(j);
        String sp = p + ".stageLimits[" + j + "]";
        if (isBlank(s.key())) {
          out.add(required(sp + ".key", "阶段标识", "stage key"));
        } else if (!STAGE_KEY.matcher(s.key()).matches()) {
          out.add(
              v(
                  sp + ".key",
                  "bad_format",
                  "阶段标识只能为大写字母、数字和下划线：" + s.key(),
                  "stage key must be upper-case letters, digits, underscores: " + s.key()));
        } else if (!keys.add(s.key())) {
          out.add(duplicate(sp + ".key", s.key()));
        }
        names(out, sp, s.nameZh(), s.nameEn());
        limit(out, sp + ".limit", s.limit(), c.emergency());
      }
    }
    return out;
  }

  private static void names(List<FieldViolation> out, String p, String zh, String en) {
    if (isBlank(zh)) {
      out.add(required(p + ".nameZh", "中文名称", "Chinese name"));
    } else if (zh.length() > MAX_NAME_LENGTH) {
      out.add(tooLong(p + ".nameZh", MAX_NAME_LENGTH));
    }
    if (isBlank(en)) {
      out.add(required(p + ".nameEn", "英文名称", "English name"));
    } else if (en.length() > MAX_NAME_LENGTH) {
      out.add(tooLong(p + ".nameEn", MAX_NAME_LENGTH));
    }
  }

  private static void condition(
      List<FieldViolation> out, String p, BilingualText text, String zhLabel, String enLabel) {
    if (text == null || isBlank(text.zh())) {
      out.add(required(p + ".zh", zhLabel, enLabel));
    } else if (text.zh().length() > MAX_CONDITION_LENGTH) {
      out.add(tooLong(p + ".zh", MAX_CONDITION_LENGTH));
    }
    if (text != null && text.en() != null && text.en().length() > MAX_CONDITION_LENGTH * 3) {
      out.add(tooLong(p + ".en", MAX_CONDITION_LENGTH * 3));
    }
  }

  private static void limit(
      List<FieldViolation> out, String p, TimeLimit limit, boolean emergency) {
    if (limit == null) {
      out.add(required(p, "时限", "time limit"));
      return;
    }
    if (limit.amount() <= 0) {
      out.add(
          v(
              p + ".amount",
              "not_positive",
              "时限必须为正整数：" + limit.amount(),
              "time limit must be a positive whole number: " + limit.amount()));
    }
    if (limit.unit() == null) {
      out.add(
          v(
              p + ".unit",
              "unknown_unit",
              "时限单位缺失或无法识别，应为 " + Arrays.toString(LimitUnit.values()) + " 之一",
              "time limit unit missing or unknown, must be one of "
                  + Arrays.toString(LimitUnit.values())));
    } else if (emergency && limit.unit().isWorkingTime()) {
      out.add(
          v(
              p + ".unit",
              "emergency_needs_natural_time",
              "突发事件的处置时限必须按自然时间计算（第二十九条），不能使用 " + limit.unit(),
              "an emergency's limit runs in natural time (Art 29, R-20), not " + limit.unit()));
    }
  }

  static FieldViolation v(String field, String code, String zh, String en) {
    return FieldViolation.of(field, code, zh, en);
  }

  static FieldViolation required(String field, String zhLabel, String enLabel) {
    return v(field, "required", "必须填写" + zhLabel, enLabel + " is required");
  }

  private static FieldViolation tooLong(String field, int max) {
    return v(field, "too_long", "长度不得超过 " + max + " 个字符", "must not exceed " + max + " characters");
  }

  private static FieldViolation duplicate(String field, String value) {
    return v(field, "duplicate", "编码重复：" + value, "duplicate code: " + value);
  }

  private static FieldViolation unknownType(String field) {
    return v(
        field,
        "unknown_type",
        "类型缺失或无法识别，应为 COMPONENT（部件）或 EVENT（事件）",
        "type missing or unknown, must be COMPONENT or EVENT");
  }

  private static FieldViolation typeMismatch(String field, String code, CategoryType type) {
    return v(
        field,
        "type_mismatch",
        "编码 " + code + " 的前缀与类型 " + type.displayName().zh() + " 不符",
        "code " + code + " does not carry the prefix of type " + type);
  }

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
