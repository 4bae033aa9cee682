package cn.szcg.intake.api;

import io.restassured.specification.RequestSpecification;

/** {@link Api}'s helpers for tests outside this package. */
public final class ApiAccess {

  private ApiAccess() {}

  public static void signInAsOperator() {
    Api.signIn(Api.OPERATOR);
  }

  public static RequestSpecification sender(String body) {
    return Api.sender(body);
  }

  public static String register(String body) {
    return Api.register(body);
  }
}
