package cn.szcg.intake.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * All published versions of the filing standard, oldest first. Immutable: {@link
 * #publish(CatalogueDraft, Instant)} returns a new history with one more version and leaves every
 * earlier {@link Catalogue} untouched, so a case can always look up the version it was filed under
 * with {@link #version(int)}.
 *
 * <p>Invariants: versions are 1, 2, 3, … without gaps; effective-from instants never go backwards.
 */
public final class CatalogueHistory {

  private final List<Catalogue> versions;

  public CatalogueHistory(List<Catalogue> versions) {
    if (versions == null || versions.isEmpty()) {
      throw new IllegalArgumentException("a catalogue history needs at least one version");
    }
    List<Catalogue> sorted = new ArrayList<>(versions);
    sorted.sort(Comparator.comparingInt(Catalogue::version));
    for (int i = 0; i < sorted.size(); i++) {
      Catalogue c = sorted.get(i);
      if (c.version() != i + 1) {
        throw new IllegalArgumentException(
            "catalogue versions must be 1..n without gaps, found "
                + c.version()
                + " at "
                + (i + 1));
      }
      if (i > 0 && c.effectiveFrom().isBefore(sorted.get(i - 1).effectiveFrom())) {
        throw new IllegalArgumentException(
            "version " + c.version() + " takes effect before version " + (c.version() - 1));
      }
    }
    this.versions = List.copyOf(sorted);
  }

  public static CatalogueHistory of(Catalogue first) {
    return new CatalogueHistory(List.of(first));
  }

  /** All versions, oldest first. */
  public List<Catalogue> versions() {
    return versions;
  }

  /** The newest published version (it may take effect in the future). */
  public Catalogue latest() {
    return versions.get(versions.size() - 1);
  }

  public Optional<Catalogue> version(int version) {
    return version >= 1 && version <= versions.size()
        ? Optional.of(versions.get(version - 1))
        : Optional.empty();
  }

  /**
   * The version in force at {@code instant}: the highest version whose effective-from is not after
   * it. Use it at registration/filing time and store its number on the case.
   *
   * @throws IllegalStateException if no version is in force yet at that instant
   */
  public Catalogue inForceAt(Instant instant) {
    for (int i = versions.size() - 1; i >= 0; i--) {
      if (!versions.get(i).effectiveFrom().isAfter(instant)) {
        return versions.get(i);
      }
    }
    throw new IllegalStateException("尚无生效的立案、结案规范 / no filing standard is in force at " + instant);
  }

  /**
   * Validates {@code draft} and publishes it as version {@code latest().version() + 1}, effective
   * from {@code effectiveFrom}.
   *
   * @throws DomainValidationException with field-level violations if the draft is invalid or the
   *     effective-from instant is before the latest version's
   */
  public CatalogueHistory publish(CatalogueDraft draft, Instant effectiveFrom) {
    List<FieldViolation> violations = new ArrayList<>(CatalogueValidator.validate(draft));
    if (effectiveFrom == null) {
      violations.add(
          CatalogueValidator.required("effectiveFrom", "生效时间", "effective-from instant"));
    } else if (effectiveFrom.isBefore(latest().effectiveFrom())) {
      violations.add(
          CatalogueValidator.v(
              "effectiveFrom",
              "before_current",
              "生效时间不得早于现行第 " + latest().version() + " 版的生效时间 " + latest().effectiveFrom(),
              "must not be before the effective-from of version "
                  + latest().version()
                  + " ("
                  + latest().effectiveFrom()
                  + ")"));
    }
    if (!violations.isEmpty()) {
      throw new DomainValidationException(
          "立案、结案规范修订无效", "invalid filing standard edit", violations);
    }
    List<Catalogue> next = new ArrayList<>(versions);
    next.add(
        new Catalogue(
            latest().version() + 1, effectiveFrom, draft.majorClasses(), draft.categories()));
    return new CatalogueHistory(next);
  }
}
