package cn.szcg.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.intake.infra.CatalogueJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** a catalogue edit is validated field by field. */
class CatalogueValidationTest {

  static final List<MajorClass> MAJORS =
      List.of(
          new MajorClass("C-01", CategoryType.COMPONENT, "公用设施", "Public utilities"),
          new MajorClass("E-01", CategoryType.EVENT, "市容环境", "City appearance"),
          new MajorClass("E-05", CategoryType.EVENT, "突发事件", "Emergencies"));

  static Category cat(String code, TimeLimit limit, boolean emergency) {
    return new Category(
        code,
        code.startsWith("C") ? CategoryType.COMPONENT : CategoryType.EVENT,
        "名称" + code,
        "name " + code,
        BilingualText.of("立案条件", "filing"),
        BilingualText.of("结案条件", "closing"),
        limit,
        List.of(),
        emergency,
        true);
  }

  static CatalogueDraft valid() {
    return new CatalogueDraft(
        MAJORS,
        List.of(
            cat("C-0101", new TimeLimit(1, LimitUnit.WORKING_DAYS), false),
            cat("E-0101", new TimeLimit(4, LimitUnit.WORKING_HOURS), false),
            cat("E-0501", new TimeLimit(2, LimitUnit.NATURAL_HOURS), true)));
  }

  private static boolean has(List<FieldViolation> vs, String field, String code) {
    return vs.stream().anyMatch(v -> v.field().equals(field) && v.code().equals(code));
  }

  @Test
  void aValidDraftHasNoViolations() {
    assertEquals(List.of(), CatalogueValidator.validate(valid()));
  }

  @Test
  void duplicateCodesAreReportedAtTheSecondOccurrence() {
    CatalogueDraft d =
        new CatalogueDraft(
            MAJORS,
            List.of(
                cat("E-0101", new TimeLimit(4, LimitUnit.WORKING_HOURS), false),
                cat("E-0101", new TimeLimit(2, LimitUnit.WORKING_HOURS), false)));
    List<FieldViolation> vs = CatalogueValidator.validate(d);
    assertTrue(has(vs, "categories[1].code", "duplicate"), vs.toString());
    assertEquals(1, vs.size(), vs.toString());
  }

  @Test
  void limitsMustBePositive() {
    CatalogueDraft d =
        valid().withCategory(cat("E-0101", new TimeLimit(0, LimitUnit.WORKING_HOURS), false));
    assertTrue(
        has(CatalogueValidator.validate(d), "categories[1].handlingLimit.amount", "not_positive"));
    CatalogueDraft neg =
        valid().withCategory(cat("E-0101", new TimeLimit(-3, LimitUnit.WORKING_HOURS), false));
    assertTrue(
        has(
            CatalogueValidator.validate(neg),
            "categories[1].handlingLimit.amount",
            "not_positive"));
  }

  @Test
  void namesAndConditionsMustBePresent() {
    Category noNames =
        new Category(
            "E-0102",
            CategoryType.EVENT,
            " ",
            null,
            null,
            BilingualText.of("", "closing"),
            new TimeLimit(1, LimitUnit.WORKING_DAYS),
            null,
            false,
            true);
    List<FieldViolation> vs = CatalogueValidator.validate(valid().withCategory(noNames));
    assertTrue(has(vs, "categories[3].nameZh", "required"), vs.toString());
    assertTrue(has(vs, "categories[3].nameEn", "required"), vs.toString());
    assertTrue(has(vs, "categories[3].filingCondition.zh", "required"), vs.toString());
    assertTrue(has(vs, "categories[3].closingCondition.zh", "required"), vs.toString());
    vs.forEach(v -> assertTrue(!v.messageZh().isBlank() && !v.messageEn().isBlank()));
  }

  @Test
  void anEmergencyMustRunInNaturalTime() {
    CatalogueDraft d =
        valid().withCategory(cat("E-0501", new TimeLimit(2, LimitUnit.WORKING_HOURS), true));
    assertTrue(
        has(
            CatalogueValidator.validate(d),
            "categories[2].handlingLimit.unit",
            "emergency_needs_natural_time"));
  }

  @Test
  void codesFollowTheSchemeAndBelongToAKnownMajorClassOfTheSameType() {
    CatalogueDraft d =
        new CatalogueDraft(
            MAJORS,
            List.of(
                cat("E-101", new TimeLimit(1, LimitUnit.WORKING_DAYS), false),
                cat("E-0300", new TimeLimit(1, LimitUnit.WORKING_DAYS), false),
                cat("E-0201", new TimeLimit(1, LimitUnit.WORKING_DAYS), false),
                new Category(
                    "C-0102",
                    CategoryType.EVENT,
                    "污水井盖",
                    "Sewer cover",
                    BilingualText.of("a", "a"),
                    BilingualText.of("b", "b"),
                    new TimeLimit(1, LimitUnit.WORKING_DAYS),
                    List.of(),
                    false,
                    true)));
    List<FieldViolation> vs = CatalogueValidator.validate(d);
    assertTrue(has(vs, "categories[0].code", "bad_format"), vs.toString());
    assertTrue(has(vs, "categories[1].code", "bad_format"), vs.toString());
    assertTrue(has(vs, "categories[2].code", "unknown_major_class"), vs.toString());
    assertTrue(has(vs, "categories[3].type", "type_mismatch"), vs.toString());
  }

  @Test
  void stageLimitsAreValidatedToo() {
    Category c =
        new Category(
            "E-0101",
            CategoryType.EVENT,
            "违法建设",
            "Illegal construction",
            BilingualText.of("a", "a"),
            BilingualText.of("b", "b"),
            new TimeLimit(5, LimitUnit.WORKING_DAYS),
            List.of(
                new StageLimit("STOP", "限时停工", "Stop", new TimeLimit(2, LimitUnit.WORKING_HOURS)),
                new StageLimit("STOP", "重复", "Dup", new TimeLimit(0, null))),
            false,
            true);
    List<FieldViolation> vs = CatalogueValidator.validate(valid().withCategory(c));
    assertTrue(has(vs, "categories[1].stageLimits[1].key", "duplicate"), vs.toString());
    assertTrue(has(vs, "categories[1].stageLimits[1].limit.amount", "not_positive"), vs.toString());
    assertTrue(has(vs, "categories[1].stageLimits[1].limit.unit", "unknown_unit"), vs.toString());
  }

  @Test
  void anUnknownUnitInJsonBecomesAFieldViolation() {
    String json =
        """
        {"majorClasses":[{"code":"E-01","type":"EVENT","nameZh":"市容环境","nameEn":"City"}],
         "categories":[{"code":"E-0101","type":"EVENT","nameZh":"暴露垃圾","nameEn":"Garbage",
           "filingCondition":{"zh":"有垃圾"},"closingCondition":{"zh":"已清除"},
           "handlingLimit":{"amount":4,"unit":"FORTNIGHTS"}}]}
        """;
    CatalogueDraft d = CatalogueJson.readDraft(json);
    List<FieldViolation> vs = CatalogueValidator.validate(d);
    assertTrue(has(vs, "categories[0].handlingLimit.unit", "unknown_unit"), vs.toString());
  }

  @Test
  void wrongJsonTypesAndMalformedJsonAreFieldViolations() {
    DomainValidationException e =
        assertThrows(
            DomainValidationException.class,
            () ->
                CatalogueJson.readDraft(
                    "{\"categories\":[{\"code\":7,\"handlingLimit\":{\"amount\":1.5}}]}"));
    assertTrue(e.has("categories[0].code", "bad_type"), e.getMessage());
    assertTrue(e.has("categories[0].handlingLimit.amount", "bad_type"), e.getMessage());
    DomainValidationException m =
        assertThrows(DomainValidationException.class, () -> CatalogueJson.readDraft("{oops"));
    assertTrue(m.has("$", "malformed_json"));
  }

  @Test
  void aCatalogueCannotBeConstructedInvalid() {
    DomainValidationException e =
        assertThrows(
            DomainValidationException.class,
            () ->
                new Catalogue(
                    1,
                    java.time.Instant.EPOCH,
                    MAJORS,
                    List.of(cat("E-0101", new TimeLimit(0, LimitUnit.WORKING_HOURS), false))));
    assertTrue(e.has("categories[0].handlingLimit.amount", "not_positive"));
  }
}
