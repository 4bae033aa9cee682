package cn.szcg.dispatch.domain;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/case-lifecycle.md's transition table says what the code does (no drift). */
class LifecycleDocTest {

  static final Pattern CONSTANT = Pattern.compile("\\b[A-Z][A-Z_]{2,}\\b");

  static List<String> docLines() throws IOException {
    Path doc = Path.of("..", "docs", "case-lifecycle.md");
    if (!Files.exists(doc)) {
      doc = Path.of("docs", "case-lifecycle.md");
    }
    return Files.readAllLines(doc);
  }

  static Set<String> constants(String cell) {
    Matcher m = CONSTANT.matcher(cell);
    Set<String> out = new java.util.TreeSet<>();
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  @Test
  void tableMatchesTheStateMachine() throws IOException {
    List<String> lines = docLines();
    for (CaseTransition t : CaseTransition.values()) {
      String prefix = "| " + t.name() + " " + t.labelZh() + " |";
      List<String> rows = lines.stream().filter(l -> l.startsWith(prefix)).toList();
      assertEquals(1, rows.size(), "one table row for " + t);
      String[] cells = rows.get(0).split("\\|");
      // cells[0] is empty: | transition | from | to | roles | guard | regulation |
      String from = cells[2].strip();
      String to = cells[3].strip();
      String roles = cells[4].strip();
      String regulation = cells[6].strip();

      Set<String> expectedFrom =
          t.from().size()
                  == EnumSet.allOf(CaseState.class).stream().filter(s -> !s.terminal()).count()
              ? Set.of()
              : t.from().stream()
                  .map(Enum::name)
                  .collect(Collectors.toCollection(java.util.TreeSet::new));
      if (expectedFrom.isEmpty() && !t.from().isEmpty()) {
        assertEquals("every non-terminal state", from, t + " from");
      } else {
        assertEquals(expectedFrom, constants(from), t + " from");
      }
      if (t.to() == null) {
        assertEquals("state before the request", to, t + " to");
      } else {
        assertEquals(Set.of(t.to().name()), constants(to), t + " to");
      }
      assertEquals(
          t.roles().stream()
              .map(Enum::name)
              .collect(Collectors.toCollection(java.util.TreeSet::new)),
          constants(roles),
          t + " roles");
      assertEquals(t.regulation(), regulation, t + " regulation");
    }
  }
}
