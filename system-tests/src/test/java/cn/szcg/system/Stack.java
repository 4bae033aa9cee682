package cn.szcg.system;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Where the running local stack is (deploy/local/start.sh), and waiting for it. */
final class Stack {

  static final String GIS = url("gis", 8081);
  static final String INTAKE = url("intake", 8082);
  static final String DISPATCH = url("dispatch", 8083);
  static final String SLA = url("sla", 8084);
  static final String ASSESSMENT = url("assessment", 8085);

  private Stack() {}

  private static String url(String service, int port) {
    return System.getProperty("szcg." + service + ".url", "http://127.0.0.1:" + port);
  }

  static RequestSpecification at(String baseUrl) {
    return given().baseUri(baseUrl);
  }

  static void await(String what, Duration timeout, BooleanSupplier condition) {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException | AssertionError e) {
        // not yet
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
    throw new AssertionError(what + " not seen within " + timeout.toSeconds() + " s");
  }
}
