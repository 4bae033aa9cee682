package cn.szcg.assessment.domain;

import java.util.Objects;

/** A person named in a notice or warning, as registered by the unit. */
public record PersonRef(String personId, String name) {
  public PersonRef {
    Objects.requireNonNull(personId, "personId");
  }
}
