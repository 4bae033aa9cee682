package cn.szcg.dispatch.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The county's unit register in one file (责任单位导入, R-02, R-17, R-27, Art 36): its responsible units
 * (county departments, utilities, companies, township bodies and their departments), each unit's
 * registered people — one 分管领导 leader in charge, one 处置机构负责人 head of the handling organ and at
 * least one 批办件接收人员 daily receiver, every one with a phone — and the responsibility matrix.
 *
 * <p>{@link #plan} validates the whole file against the register as it is before anything is
 * written, and answers either every error (each naming its row and field, e.g. {@code
 * units[12].contacts[0].phone}) or the complete plan: the new unit records and the rules. The
 * service writes a plan in one transaction (all or nothing). The local demo's seed is a file of the
 * same format, loaded the same way.
 *
 * <p>Why one class of ~500 lines (issue 20's ~400-line bound): it is the file's format and its
 * whole validation, read top to bottom in the file's own order (units, their people, rules) so that
 * each error names its row; the records are the format, {@link #plan} the checks against the
 * register, the rest small parsers. Split, each part would only make sense beside the others.
 */
public final class UnitImport {

  /** At most this many errors are reported (the first ones, in file order). */
  public static final int MAX_ERRORS = 200;

  static final int MAX_UNITS = 5_000;
  static final int MAX_RULES = 20_000;
  static final int MAX_CONTACTS = 50;

  static final Pattern UNIT_ID = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
  static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
  static final Pattern PERSON_ID = Pattern.compile("[A-Za-z0-9_.@-]{1,100}");
  static final Pattern AREA_CODE = Pattern.compile("[0-9A-Za-z-]{1,20}");
  static final Pattern CATEGORY = Pattern.compile("[A-Za-z0-9-]{0,49}\\*?");

  /**
   * A phone number as units register it: digits with an optional leading '+', and '-' or spaces
   * between groups (0591-22311000, 13805910000, +86 591 2231 1000); 5 to 30 characters.
   */
  static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{3,28}[0-9]");

  private UnitImport() {}

  /**
   * The file. {@code validFrom}: when the units and contact terms take effect (default: the time of
   * the import); {@code description}: free text about the file (ignored).
   */
  public record File(
      String description, Instant validFrom, List<UnitEntry> units, List<RuleEntry> rules) {}

  /** One unit. {@code kind}: a {@link UnitKind} name; a SUB_DEPARTMENT names its township body. */
  public record UnitEntry(
      String unitId,
      String name,
      String kind,
      String parentUnitId,
      String townshipCode,
      List<ContactEntry> contacts) {}

  /** One registered person. {@code role}: a {@link ContactRole} name. */
  public record ContactEntry(
      String role, String personId, String name, String phone, String userId) {}

  /** One rule of the responsibility matrix (as {@code PUT /responsibility-rules/{ruleId}}). */
  public record RuleEntry(
      String ruleId,
      String categoryPattern,
      String townshipCode,
      String communityCode,
      String gridCode,
      String unitId,
      String note) {}

  /** What to do with a unit id or rule id the register already has. */
  public enum Existing {
    /**
     * The county's import: a unit already registered is an error (its changes are dated changes of
     * the register, never a silent overwrite); a rule with an existing id is replaced.
     */
    REFUSE_UNITS_REPLACE_RULES,
    /** The demo seed: units and rules that exist already are left as they are. */
    KEEP
  }

  /** One problem, naming the row and field ({@code units[3].contacts[1].phone}). */
  public record Error(String field, String code, String messageZh, String messageEn) {
    public String message() {
      return messageZh + " / " + messageEn;
    }
  }

  /**
   * The validated plan: new unit records (in file order), rules to write, and what was left alone.
   */
  public record Plan(
      List<UnitRecord> units,
      List<ResponsibilityRule> rules,
      int contacts,
      int unitsKept,
      int rulesKept) {}

  /** Either errors (nothing may be written) or a plan. */
  public record Outcome(List<Error> errors, Plan plan) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  /**
   * Validates {@code file} completely against {@code register} and {@code existingRuleIds}.
   *
   * @param now the default {@code validFrom} and the recording time
   * @param by who records it (the importing user, or "seed")
   */
  public static Outcome plan(
      File file,
      UnitRegister register,
      Set<String> existingRuleIds,
      Existing existing,
      Instant now,
      String by) {
    Errors e = new Errors();
    List<UnitEntry> units = file == null || file.units() == null ? List.of() : file.units();
    List<RuleEntry> rules = file == null || file.rules() == null ? List.of() : file.rules();
    if (units.isEmpty() && rules.isEmpty()) {
      e.add("units", "empty", "文件中没有单位，也没有责任矩阵规则", "the file has neither units nor rules");
      return e.outcome();
    }
    if (units.size() > MAX_UNITS) {
      e.add("units", "too-many", "单位不得超过 " + MAX_UNITS + " 个", "at most " + MAX_UNITS + " units");
      return e.outcome();
    }
    if (rules.size() > MAX_RULES) {
      e.add("rules", "too-many", "规则不得超过 " + MAX_RULES + " 条", "at most " + MAX_RULES + " rules");
      return e.outcome();
    }
    Instant validFrom = file.validFrom() == null ? now : file.validFrom();

    // 1. the units' ids and kinds first: parents and rules may name units further down the file
    Map<String, UnitKind> fileKinds = new HashMap<>();
    Map<String, Integer> firstRow = new HashMap<>();
    for (int i = 0; i < units.size(); i++) {
      UnitEntry u = units.get(i);
      if (u == null || blank(u.unitId())) {
        continue;
      }
      String id = u.unitId().strip();
      if (firstRow.putIfAbsent(id, i) == null) {
        fileKinds.put(id, parseKind(u.kind()));
      }
    }

    // 2. every unit
    List<UnitRecord> records = new ArrayList<>();
    int contactCount = 0;
    int unitsKept = 0;
    for (int i = 0; i < units.size(); i++) {
      String at = "units[" + i + "]";
      UnitEntry u = units.get(i);
      if (u == null) {
        e.add(at, "required", "单位不能为空", "a unit entry must not be null");
        continue;
      }
      String id = strip(u.unitId());
      if (id == null) {
        e.add(at + ".unitId", "required", "须填写单位编号", "unitId is required");
      } else if (!UNIT_ID.matcher(id).matches()) {
        e.add(
            at + ".unitId",
            "invalid-format",
            "单位编号只能由字母、数字、_ . - 组成（至多100字符）",
            "unitId: letters, digits, '_', '.', '-' (at most 100)");
      } else if (firstRow.get(id) != i) {
        e.add(
            at + ".unitId",
            "duplicate",
            "单位编号 " + id + " 在文件中重复（首次出现于 units[" + firstRow.get(id) + "]）",
            "unit " + id + " appears twice (first at units[" + firstRow.get(id) + "])");
      } else if (register.find(id).isPresent()) {
        if (existing == Existing.KEEP) {
          unitsKept++;
          continue;
        }
        e.add(
            at + ".unitId",
            "already-registered",
            "单位 " + id + " 已登记；变更请用单位变更与联系人接口（保留历史）",
            "unit "
                + id
                + " is already registered; change it with PUT /units/{id} and its contacts"
                + " (dated history)");
      }
      String name = strip(u.name());
      if (name == null) {
        e.add(at + ".name", "required", "须填写单位名称", "name is required");
      } else if (name.length() > 200) {
        e.add(at + ".name", "too-long", "单位名称至多200字", "name: at most 200 characters");
      }
      UnitKind kind = parseKind(u.kind());
      if (blank(u.kind())) {
        e.add(at + ".kind", "required", "须填写单位类别", "kind is required");
      } else if (kind == null) {
        e.add(
            at + ".kind",
            "invalid-value",
            "未知单位类别 " + u.kind() + "，可选：" + List.of(UnitKind.values()),
            "unknown kind " + u.kind() + "; one of " + List.of(UnitKind.values()));
      }
      String parent = strip(u.parentUnitId());
      if (kind == UnitKind.SUB_DEPARTMENT) {
        if (parent == null) {
          e.add(
              at + ".parentUnitId",
              "required",
              "乡镇下属部门须填写所属乡镇工作机构",
              "a SUB_DEPARTMENT needs its township body as parentUnitId");
        } else if (kindOf(parent, fileKinds, register) != UnitKind.TOWNSHIP_BODY) {
          e.add(
              at + ".parentUnitId",
              "invalid-parent",
              "上级单位 " + parent + " 不是本文件或登记册中的乡镇工作机构",
              "parent " + parent + " is not a TOWNSHIP_BODY of this file or the register");
        }
      } else if (kind != null && parent != null) {
        e.add(
            at + ".parentUnitId",
            "not-allowed",
            "只有乡镇下属部门有上级单位",
            "only a SUB_DEPARTMENT has a parent unit");
      }
      String township = strip(u.townshipCode());
      if (township != null && !AREA_CODE.matcher(township).matches()) {
        e.add(
            at + ".townshipCode",
            "invalid-format",
            "乡镇代码格式不正确（至多20位）",
            "townshipCode: letters, digits, '-' (at most 20)");
      }
      List<ContactEntry> contacts = u.contacts() == null ? List.of() : u.contacts();
      contactCount += checkContacts(e, at, contacts);
      if (e.isEmpty() && id != null && kind != null) {
        records.add(
            record(new Unit(id, name, kind, parent, township, true), contacts, validFrom, now, by));
      }
    }

    // 3. every rule
    List<ResponsibilityRule> planned = new ArrayList<>();
    Map<String, Integer> ruleRows = new HashMap<>();
    int rulesKept = 0;
    for (int k = 0; k < rules.size(); k++) {
      String at = "rules[" + k + "]";
      RuleEntry r = rules.get(k);
      if (r == null) {
        e.add(at, "required", "规则不能为空", "a rule entry must not be null");
        continue;
      }
      String ruleId = strip(r.ruleId());
      if (ruleId == null) {
        e.add(at + ".ruleId", "required", "须填写规则编号", "ruleId is required");
      } else if (!RULE_ID.matcher(ruleId).matches()) {
        e.add(
            at + ".ruleId",
            "invalid-format",
            "规则编号只能由字母、数字、_ . - 组成（至多100字符）",
            "ruleId: letters, digits, '_', '.', '-' (at most 100)");
      } else if (ruleRows.putIfAbsent(ruleId, k) != null) {
        e.add(
            at + ".ruleId",
            "duplicate",
            "规则编号 " + ruleId + " 在文件中重复（首次出现于 rules[" + ruleRows.get(ruleId) + "]）",
            "rule " + ruleId + " appears twice (first at rules[" + ruleRows.get(ruleId) + "])");
      }
      String pattern = strip(r.categoryPattern());
      if (pattern == null) {
        e.add(
            at + ".categoryPattern",
            "required",
            "须填写类别（编码、前缀* 或 *）",
            "categoryPattern is required");
      } else if (!CATEGORY.matcher(pattern).matches()) {
        e.add(
            at + ".categoryPattern",
            "invalid-format",
            "类别须为编码（C-0101）、以*结尾的前缀（C-01*）或 *",
            "categoryPattern: a code (C-0101), a prefix ending in '*' (C-01*) or '*'");
      }
      String[] area = {strip(r.townshipCode()), strip(r.communityCode()), strip(r.gridCode())};
      String[] areaFields = {"townshipCode", "communityCode", "gridCode"};
      for (int a = 0; a < 3; a++) {
        if (area[a] != null && !AREA_CODE.matcher(area[a]).matches()) {
          e.add(
              at + "." + areaFields[a],
              "invalid-format",
              "区域代码格式不正确（至多20位）",
              areaFields[a] + ": letters, digits, '-' (at most 20)");
        }
      }
      String unitId = strip(r.unitId());
      if (unitId == null) {
        e.add(at + ".unitId", "required", "须填写责任单位", "unitId is required");
      } else {
        UnitKind kind = kindOf(unitId, fileKinds, register);
        if (kind == null) {
          e.add(
              at + ".unitId",
              "unknown-unit",
              "单位 " + unitId + " 既不在本文件中也未登记",
              "unit " + unitId + " is neither in this file nor registered");
        } else if (kind.dispatchLevel() != 1) {
          e.add(
              at + ".unitId",
              "sub-department",
              "规则须指向一级单位（乡镇下属部门由其乡镇二级派遣）",
              "a rule names a level-1 unit (a township's department gets sub-orders from it)");
        }
      }
      String note = strip(r.note());
      if (note != null && note.length() > 500) {
        e.add(at + ".note", "too-long", "说明至多500字", "note: at most 500 characters");
      }
      if (ruleId != null && existingRuleIds.contains(ruleId) && existing == Existing.KEEP) {
        rulesKept++;
        continue;
      }
      if (e.isEmpty()) {
        planned.add(
            new ResponsibilityRule(
                ruleId, pattern, new AreaRef(area[0], area[1], area[2]), unitId, note));
      }
    }
    if (!e.isEmpty()) {
      return e.outcome();
    }
    // the register with the new units must hold together (two levels, R-02)
    List<UnitRecord> all = new ArrayList<>(register.all());
    all.addAll(records);
    try {
      new UnitRegister(all);
    } catch (UnitRegisterException ex) {
      e.add("units", ex.code().toLowerCase().replace('_', '-'), ex.messageZh(), ex.messageEn());
      return e.outcome();
    }
    return new Outcome(
        List.of(),
        new Plan(List.copyOf(records), List.copyOf(planned), contactCount, unitsKept, rulesKept));
  }

  /** Checks one unit's people; answers how many there are. */
  private static int checkContacts(Errors e, String unitAt, List<ContactEntry> contacts) {
    if (contacts.size() > MAX_CONTACTS) {
      e.add(
          unitAt + ".contacts",
          "too-many",
          "联系人至多 " + MAX_CONTACTS + " 名",
          "at most " + MAX_CONTACTS + " contacts");
      return 0;
    }
    Map<ContactRole, Integer> perRole = new EnumMap<>(ContactRole.class);
    Set<String> seen = new HashSet<>();
    for (int j = 0; j < contacts.size(); j++) {
      String at = unitAt + ".contacts[" + j + "]";
      ContactEntry c = contacts.get(j);
      if (c == null) {
        e.add(at, "required", "联系人不能为空", "a contact entry must not be null");
        continue;
      }
      ContactRole role = parseRole(c.role());
      if (blank(c.role())) {
        e.add(at + ".role", "required", "须填写联系人角色", "role is required");
      } else if (role == null) {
        e.add(
            at + ".role",
            "invalid-value",
            "未知联系人角色 " + c.role() + "，可选：" + List.of(ContactRole.values()),
            "unknown role " + c.role() + "; one of " + List.of(ContactRole.values()));
      } else {
        perRole.merge(role, 1, Integer::sum);
      }
      String personId = strip(c.personId());
      if (personId == null) {
        e.add(at + ".personId", "required", "须填写人员编号（如工号）", "personId is required");
      } else if (!PERSON_ID.matcher(personId).matches()) {
        e.add(
            at + ".personId",
            "invalid-format",
            "人员编号只能由字母、数字、_ . @ - 组成（至多100字符）",
            "personId: letters, digits, '_', '.', '@', '-' (at most 100)");
      } else if (role != null && !seen.add(role + "/" + personId)) {
        e.add(
            at + ".personId",
            "duplicate",
            personId + " 在本单位已登记为" + role.labelZh(),
            personId + " is already listed as " + role + " of this unit");
      }
      String name = strip(c.name());
      if (name == null) {
        e.add(at + ".name", "required", "须填写姓名", "name is required");
      } else if (name.length() > 100) {
        e.add(at + ".name", "too-long", "姓名至多100字", "name: at most 100 characters");
      }
      String phone = strip(c.phone());
      if (phone == null) {
        e.add(at + ".phone", "required", "须填写联系电话", "phone is required");
      } else if (!PHONE.matcher(phone).matches()) {
        e.add(
            at + ".phone",
            "invalid-format",
            "联系电话格式不正确：" + phone + "（数字，可含 + - 空格，5–30位）",
            "phone " + phone + " is not a phone number (digits, '+', '-', spaces; 5 to 30)");
      }
      String user = strip(c.userId());
      if (user != null && user.length() > 100) {
        e.add(at + ".userId", "too-long", "账号至多100字符", "userId: at most 100 characters");
      }
    }
    for (ContactRole r : ContactRole.values()) {
      int n = perRole.getOrDefault(r, 0);
      if (n == 0) {
        e.add(
            unitAt + ".contacts",
            "missing-" + r.name().toLowerCase().replace('_', '-'),
            "须登记" + r.labelZh() + "（R-27）",
            "a " + r + " must be registered (R-27)");
      } else if (r.single() && n > 1) {
        e.add(
            unitAt + ".contacts",
            "several-" + r.name().toLowerCase().replace('_', '-'),
            r.labelZh() + "只能有一名，文件中有 " + n + " 名",
            "one " + r + " at a time; the file lists " + n);
      }
    }
    return contacts.size();
  }

  private static UnitRecord record(
      Unit unit, List<ContactEntry> contacts, Instant validFrom, Instant now, String by) {
    UnitRecord r = UnitRecord.register(unit, validFrom, now, by);
    for (ContactEntry c : contacts) {
      r =
          r.assign(
              ContactRole.valueOf(c.role().strip()),
              new ContactPerson(
                  c.personId().strip(), c.name().strip(), c.phone().strip(), strip(c.userId())),
              validFrom,
              now,
              by);
    }
    return r;
  }

  private static UnitKind kindOf(
      String unitId, Map<String, UnitKind> fileKinds, UnitRegister register) {
    if (fileKinds.containsKey(unitId)) {
      return fileKinds.get(unitId);
    }
    return register.find(unitId).map(r -> r.current().kind()).orElse(null);
  }

  private static UnitKind parseKind(String s) {
    try {
      return s == null ? null : UnitKind.valueOf(s.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static ContactRole parseRole(String s) {
    try {
      return s == null ? null : ContactRole.valueOf(s.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String strip(String s) {
    return blank(s) ? null : s.strip();
  }

  /** Collects errors in file order, up to {@link #MAX_ERRORS}. */
  private static final class Errors {
    final Map<String, Error> byField = new LinkedHashMap<>();
    int count;

    void add(String field, String code, String zh, String en) {
      count++;
      if (byField.size() < MAX_ERRORS) {
        byField.putIfAbsent(field + "|" + code, new Error(field, code, zh, en));
      }
    }

    boolean isEmpty() {
      return count == 0;
    }

    Outcome outcome() {
      return new Outcome(List.copyOf(byField.values()), null);
    }
  }
}
