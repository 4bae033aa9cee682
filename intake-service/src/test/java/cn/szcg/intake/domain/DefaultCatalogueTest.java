package cn.szcg.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.intake.infra.CatalogueJson;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** the shipped default filing standard for Minqing loads, is valid and is complete. */
class DefaultCatalogueTest {

  private final Catalogue catalogue = CatalogueJson.loadDefault();

  @Test
  void loadsAsVersionOneEffectiveFromNewYear2026InShanghai() {
    assertEquals(1, catalogue.version());
    assertEquals(Instant.parse("2025-12-31T16:00:00Z"), catalogue.effectiveFrom());
  }

  @Test
  void isValidAndHasAtLeastFortyCategoriesWithUniqueCodes() {
    assertTrue(CatalogueValidator.validate(catalogue.toDraft()).isEmpty());
    assertTrue(catalogue.categories().size() >= 40, "got " + catalogue.categories().size());
    Set<String> codes = new HashSet<>();
    catalogue.categories().forEach(c -> assertTrue(codes.add(c.code()), c.code()));
  }

  @Test
  void coversEveryMajorClassOfBothTypes() {
    List<String> expected =
        List.of(
            "C-01", "C-02", "C-03", "C-04", "C-05", "C-06", "E-01", "E-02", "E-03", "E-04", "E-05",
            "E-06");
    assertEquals(
        expected, catalogue.majorClasses().stream().map(MajorClass::code).sorted().toList());
    for (String major : expected) {
      assertFalse(catalogue.categoriesIn(major).isEmpty(), "no category in " + major);
    }
    assertFalse(catalogue.categoriesOf(CategoryType.COMPONENT).isEmpty());
    assertFalse(catalogue.categoriesOf(CategoryType.EVENT).isEmpty());
  }

  @Test
  void usesEveryLimitUnit() {
    Set<LimitUnit> used = EnumSet.noneOf(LimitUnit.class);
    for (Category c : catalogue.categories()) {
      used.add(c.handlingLimit().unit());
      c.stageLimits().forEach(s -> used.add(s.limit().unit()));
    }
    assertEquals(EnumSet.allOf(LimitUnit.class), used);
  }

  @Test
  void everyCategoryHasChineseAndEnglishNamesAndConditions() {
    for (Category c : catalogue.categories()) {
      assertFalse(c.nameZh().isBlank(), c.code());
      assertFalse(c.nameEn().isBlank(), c.code());
      assertFalse(c.filingCondition().zh().isBlank(), c.code());
      assertFalse(c.filingCondition().en().isBlank(), c.code());
      assertFalse(c.closingCondition().zh().isBlank(), c.code());
      assertFalse(c.closingCondition().en().isBlank(), c.code());
    }
  }

  @Test
  void publishedLimitsOfWellKnownCategories() {
    Category garbage = catalogue.require("E-0101");
    assertEquals("暴露垃圾", garbage.nameZh());
    assertEquals(new TimeLimit(4, LimitUnit.WORKING_HOURS), garbage.handlingLimit());
    assertFalse(garbage.emergency());

    Category manhole = catalogue.require("E-0501");
    assertEquals("井盖丢失", manhole.nameZh());
    assertEquals(new TimeLimit(2, LimitUnit.NATURAL_HOURS), manhole.handlingLimit());
    assertTrue(manhole.emergency());

    Category collapse = catalogue.require("E-0502");
    assertEquals("道路塌陷", collapse.nameZh());
    assertTrue(collapse.emergency());

    Category lamp = catalogue.require("C-0109");
    assertEquals("路灯", lamp.nameZh());
    assertEquals(new TimeLimit(2, LimitUnit.WORKING_DAYS), lamp.handlingLimit());

    Category illegal = catalogue.require("E-0301");
    assertEquals("违法建设", illegal.nameZh());
    assertEquals(new TimeLimit(5, LimitUnit.WORKING_DAYS), illegal.handlingLimit());
    assertEquals(1, illegal.stageLimits().size());
    assertEquals("STOP", illegal.stageLimits().get(0).key());
    assertEquals(new TimeLimit(2, LimitUnit.WORKING_HOURS), illegal.stageLimits().get(0).limit());
  }

  @Test
  void everyEmergencyRunsInNaturalTimeAndAllMajorClassFiveEventsAreEmergencies() {
    List<Category> emergencies =
        catalogue.categories().stream().filter(Category::emergency).toList();
    assertFalse(emergencies.isEmpty());
    for (Category c : emergencies) {
      assertFalse(c.handlingLimit().unit().isWorkingTime(), c.code());
      c.stageLimits().forEach(s -> assertFalse(s.limit().unit().isWorkingTime(), c.code()));
    }
    assertEquals(
        catalogue.categoriesIn("E-05").stream().map(Category::code).collect(Collectors.toSet()),
        emergencies.stream().map(Category::code).collect(Collectors.toSet()));
  }

  @Test
  void somethingIsNotPublicReportableButMostAre() {
    long pub = catalogue.categories().stream().filter(Category::publicReportable).count();
    assertTrue(pub > catalogue.categories().size() / 2);
    assertTrue(pub < catalogue.categories().size());
  }

  @Test
  void writesAndReadsBackTheSameCatalogue() {
    Catalogue again = CatalogueJson.read(CatalogueJson.write(catalogue));
    assertEquals(catalogue, again);
  }
}
