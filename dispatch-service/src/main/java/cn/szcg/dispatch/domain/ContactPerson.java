package cn.szcg.dispatch.domain;

/**
 * A registered contact person (联系人).
 *
 * @param personId stable key of the person (e.g. the staff number)
 * @param userId the person's login, if any (null when the person has no account)
 */
public record ContactPerson(String personId, String name, String phone, String userId) {
  public ContactPerson {
    if (personId == null || personId.isBlank()) {
      throw new IllegalArgumentException("personId must not be blank");
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
  }
}
