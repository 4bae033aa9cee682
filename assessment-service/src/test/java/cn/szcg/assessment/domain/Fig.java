package cn.szcg.assessment.domain;

import cn.szcg.assessment.domain.Figures.Counter;

/** Test helper: figures from (counter, amount) pairs. */
final class Fig {
  private Fig() {}

  static Figures of(Object... pairs) {
    Figures f = Figures.ZERO;
    for (int i = 0; i < pairs.length; i += 2) {
      f = f.add((Counter) pairs[i], ((Number) pairs[i + 1]).longValue());
    }
    return f;
  }
}
