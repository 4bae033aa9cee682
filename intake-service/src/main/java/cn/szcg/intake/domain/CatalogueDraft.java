package cn.szcg.intake.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The content of a catalogue edit, not yet validated nor versioned: major classes and categories.
 * Publish it with {@link CatalogueHistory#publish(CatalogueDraft, java.time.Instant)}.
 */
public record CatalogueDraft(List<MajorClass> majorClasses, List<Category> categories) {

  public CatalogueDraft {
    majorClasses = majorClasses == null ? List.of() : List.copyOf(majorClasses);
    categories = categories == null ? List.of() : List.copyOf(categories);
  }

  /** A copy with {@code category} added, or replacing the category with the same code. */
  public CatalogueDraft withCategory(Category category) {
    List<Category> next = new ArrayList<>(categories);
    boolean replaced = false;
    for (int i = 0; i < next.size(); i++) {
      if (next.get(i).code() != null && next.get(i).code().equals(category.code())) {
        next.set(i, category);
        replaced = true;
        break;
      }
    }
    if (!replaced) {
      next.add(category);
    }
    return new CatalogueDraft(majorClasses, next);
  }

  /** A copy without the category of this code. */
  public CatalogueDraft withoutCategory(String code) {
    return new CatalogueDraft(
        majorClasses, categories.stream().filter(c -> !code.equals(c.code())).toList());
  }
}
