package cn.szcg.intake.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One immutable, published version of the filing standard 《立案、结案规范》. A case keeps the {@link
 * #version()} it was filed under; an edit never changes an existing version but publishes a new one
 * through {@link CatalogueHistory}.
 *
 * <p>Every instance is valid: the constructor runs {@link CatalogueValidator} and throws {@link
 * DomainValidationException} with the field-level violations otherwise.
 */
public record Catalogue(
    int version, Instant effectiveFrom, List<MajorClass> majorClasses, List<Category> categories) {

  public Catalogue {
    majorClasses = majorClasses == null ? List.of() : List.copyOf(majorClasses);
    categories = categories == null ? List.of() : List.copyOf(categories);
    List<FieldViolation> violations =
        new java.util.ArrayList<>(
            CatalogueValidator.validate(new CatalogueDraft(majorClasses, categories)));
    if (version < 1) {
      violations.add(
          FieldViolation.of("version", "not_positive", "版本号必须为正整数", "version must be >= 1"));
    }
    if (effectiveFrom == null) {
      violations.add(
          FieldViolation.of(
              "effectiveFrom", "required", "必须填写生效时间", "effective-from instant is required"));
    }
    if (!violations.isEmpty()) {
      throw new DomainValidationException("立案、结案规范无效", "invalid filing standard", violations);
    }
  }

  private Map<String, Category> index() {
    Map<String, Category> m = new LinkedHashMap<>();
    categories.forEach(c -> m.put(c.code(), c));
    return m;
  }

  /** The category with this code, if present in this version. */
  public Optional<Category> find(String code) {
    if (code == null) {
      return Optional.empty();
    }
    return categories.stream().filter(c -> c.code().equals(code)).findFirst();
  }

  /** The category with this code; throws {@link UnknownCategoryException} otherwise. */
  public Category require(String code) {
    return find(code).orElseThrow(() -> new UnknownCategoryException(code, version));
  }

  public boolean contains(String code) {
    return find(code).isPresent();
  }

  /** Categories of one type, in catalogue order. */
  public List<Category> categoriesOf(CategoryType type) {
    return categories.stream().filter(c -> c.type() == type).toList();
  }

  /** Categories under one major class (e.g. "E-05"), in catalogue order. */
  public List<Category> categoriesIn(String majorClassCode) {
    return categories.stream()
        .filter(c -> Objects.equals(c.majorClassCode(), majorClassCode))
        .toList();
  }

  public Optional<MajorClass> majorClass(String code) {
    return majorClasses.stream().filter(m -> m.code().equals(code)).findFirst();
  }

  /** Code → category, in catalogue order (a fresh copy). */
  public Map<String, Category> byCode() {
    return index();
  }

  /** The content of this version as a draft, to start an edit from. */
  public CatalogueDraft toDraft() {
    return new CatalogueDraft(majorClasses, categories);
  }
}
