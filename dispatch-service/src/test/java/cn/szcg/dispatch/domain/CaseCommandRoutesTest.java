package cn.szcg.dispatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every command of the sealed {@link CaseCommand} reaches exactly one phase of the case. */
class CaseCommandRoutesTest {

  @Test
  void everyCommandHasARoute() {
    Set<Class<?>> commands =
        Arrays.stream(CaseCommand.class.getPermittedSubclasses()).collect(Collectors.toSet());
    assertEquals(commands, Set.copyOf(CaseCommandRoutes.routed()));
    // one command per transition but OPEN (DispatchCase.open)
    assertEquals(CaseTransition.values().length - 1, commands.size());
  }
}
