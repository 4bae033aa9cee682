package cn.szcg.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The four rooms of the service and the rule of each (docs/architecture.md): {@code api/} maps HTTP
 * to the use cases and back — no SQL, no EntityManager, no transactions; {@code application/} holds
 * the use cases and their transactions; {@code infra/} persistence, messaging and clients, never
 * the use cases nor the resources; {@code domain/} the rules in plain Java. A class of {@code
 * domain/} or {@code application/} over 400 lines says why in its Javadoc ("Longer than 400 lines
 * because …").
 */
class LayeringTest {

  static final Path ROOT = Path.of("src/main/java/cn/szcg/assessment");

  /** SQL in Java source: a native query, a JDBC statement, or SQL text. */
  static final Pattern SQL =
      Pattern.compile(
          "EntityManager|createNativeQuery|prepareStatement|\"\\s*(SELECT|INSERT INTO|UPDATE|DELETE"
              + " FROM)\\b|\\bJdbc\\.");

  static List<String> violations(String room, Pattern forbidden) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ROOT.resolve(room))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          if (forbidden.matcher(lines.get(i)).find()) {
            out.add(ROOT.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).strip());
          }
        }
      }
    }
    return out;
  }

  @Test
  void noSqlInApi() throws IOException {
    assertEquals(List.of(), violations("api", SQL), "SQL belongs in infra/, not in api/");
  }

  @Test
  void noTransactionsInApi() throws IOException {
    assertEquals(
        List.of(),
        violations("api", Pattern.compile("@Transactional|QuarkusTransaction")),
        "transactions are the use cases' (application/), not the resources'");
  }

  @Test
  void domainIsPlainJava() throws IOException {
    assertEquals(
        List.of(),
        violations(
            "domain",
            Pattern.compile(
                "^import (jakarta|javax\\.persistence|io\\.quarkus|org\\.hibernate|"
                    + "cn\\.szcg\\.platform|cn\\.szcg\\.assessment\\.(infra|application|api))")));
  }

  @Test
  void infraKnowsNoUseCaseAndNoResource() throws IOException {
    assertEquals(
        List.of(),
        violations("infra", Pattern.compile("^import cn\\.szcg\\.assessment\\.(application|api)")));
  }

  /**
   * The consumers use the stores, never the other way round: a store (every infra class that is not
   * a consumer, its mapping or its batch) names no handler's method, constant or type.
   */
  @Test
  void storesKnowNoHandler() throws IOException {
    List<String> out = new ArrayList<>();
    for (String v :
        violations("infra", Pattern.compile("\\b(?!Event|Batching)[A-Z]\\w*Handler[.:]"))) {
      String file = v.substring(0, v.indexOf(':'));
      if (!file.matches(".*(Handler|FactMapping|Batch)\\.java")) {
        out.add(v);
      }
    }
    assertEquals(List.of(), out, "stores must not depend on the consumers");
  }

  @Test
  void applicationKnowsNoResource() throws IOException {
    assertEquals(
        List.of(),
        violations("application", Pattern.compile("^import cn\\.szcg\\.assessment\\.api")));
  }

  @Test
  void domainAndApplicationClassesStaySmall() throws IOException {
    List<String> large = new ArrayList<>();
    for (String room : List.of("domain", "application")) {
      try (Stream<Path> files = Files.walk(ROOT.resolve(room))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          List<String> lines = Files.readAllLines(f);
          if (lines.size() > 400
              && lines.stream().noneMatch(l -> l.contains("Longer than 400 lines because"))) {
            large.add(ROOT.relativize(f) + ": " + lines.size() + " lines");
          }
        }
      }
    }
    assertEquals(List.of(), large, "split it, or say in its Javadoc why it is one class");
  }
}
