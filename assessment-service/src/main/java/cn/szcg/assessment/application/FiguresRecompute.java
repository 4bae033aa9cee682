package cn.szcg.assessment.application;

import cn.szcg.assessment.domain.Figures;
import cn.szcg.assessment.domain.FiguresBook;
import cn.szcg.assessment.domain.FiguresKey;
import cn.szcg.assessment.domain.Period;
import cn.szcg.assessment.domain.StaffFiguresBook;
import cn.szcg.assessment.infra.FigureStore;
import cn.szcg.assessment.infra.StaffFigureStore;
import cn.szcg.platform.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * The administrator's recompute (R-22, R-29: the figures stay true to the facts): the unit figures
 * ({@link FiguresBook} from {@code unit_fact}) and the staff figures ({@link StaffFiguresBook} from
 * {@code staff_fact}) of a period — or all — rebuilt from the stored facts and compared with the
 * incremental cells; with {@code repair}, the differing cells are replaced, in one transaction.
 */
@ApplicationScoped
public class FiguresRecompute {

  private static final Logger LOG = Logger.getLogger(FiguresRecompute.class);

  @Inject FigureStore figures;
  @Inject StaffFigureStore staffFigures;

  /**
   * The comparison of the incremental cells with a recomputation from the stored facts. The first
   * five fields are the unit figures' (处置责任单位, {@code unit_fact} / {@code figure_cell}), {@code
   * staff} the staff figures' (collectors, collection units, operators); {@code allEqual} = both.
   */
  public record RecomputeResult(
      long facts,
      int cells,
      boolean equal,
      List<String> differences,
      boolean repaired,
      StaffRecomputeResult staff,
      boolean allEqual) {}

  /**
   * The staff figures' part of a recompute (信息采集员, 信息采集单位, 受理员/值班长: {@code staff_fact} / {@code
   * staff_cell}).
   *
   * @param facts stored facts read (of the period)
   * @param cells cells compared (recomputed or stored), all books
   * @param cellsByBook cells compared per book (COLLECTOR, COLLECTION_UNIT, OPERATOR)
   * @param equal every cell equal and every fact rebuilt
   * @param differing number of cells that differ
   * @param differences the first 20 differing cells, "BOOK subject period: recomputed … stored …"
   * @param unreadableFacts facts that could not be rebuilt (listed first in {@code differences}); a
   *     repair is refused while there are any
   * @param repaired the stored cells were replaced by the recomputed ones
   */
  public record StaffRecomputeResult(
      long facts,
      int cells,
      Map<String, Integer> cellsByBook,
      boolean equal,
      int differing,
      List<String> differences,
      int unreadableFacts,
      boolean repaired) {}

  /**
   * Recomputes and compares the period (all when null); with {@code repair} replaces what differs.
   * {@code by}: the administrator, for the log.
   */
  @Transactional
  public RecomputeResult recompute(Period p, boolean repair, String by) {
    StaffComparison staffComparison = compareStaff(p, repair);
    FiguresBook book = new FiguresBook();
    long[] n = {0};
    figures.forEachFact(
        p,
        f -> {
          book.apply(f);
          n[0]++;
        });
    Map<FiguresKey, Figures> recomputed = new TreeMap<>();
    book.cells()
        .forEach(
            (k, v) -> {
              if (p == null || k.period().equals(p)) {
                recomputed.put(k, v);
              }
            });
    Map<FiguresKey, Figures> stored = figures.allCells(p);
    List<String> diffs = new ArrayList<>();
    Set<FiguresKey> keys = new TreeSet<>(recomputed.keySet());
    keys.addAll(stored.keySet());
    int differing = 0;
    for (FiguresKey k : keys) {
      Figures a = recomputed.getOrDefault(k, Figures.ZERO);
      Figures b = stored.getOrDefault(k, Figures.ZERO);
      if (!a.equals(b)) {
        differing++;
        if (diffs.size() < 20) {
          diffs.add(k + ": recomputed " + a + " stored " + b);
        }
      }
    }
    boolean equal = differing == 0;
    if (repair && !equal) {
      LOG.infof(
          "figure cells of %s replaced from the facts by %s (%d cells differed)",
          p == null ? "all periods" : p, by, differing);
      figures.deleteCells(p);
      recomputed.forEach(figures::addToCell);
    }
    StaffRecomputeResult staff = staffComparison.finish(repair, p, by);
    return new RecomputeResult(
        n[0], keys.size(), equal, diffs, repair && !equal, staff, equal && staff.equal());
  }

  /**
   * The staff books recomputed from {@code staff_fact} and compared with {@code staff_cell}; with
   * {@code repair} the cells are locked first (the consumers' cell upserts wait until the end of
   * the transaction) and a fact that cannot be rebuilt refuses the whole request (422).
   */
  private StaffComparison compareStaff(Period p, boolean repair) {
    if (repair) {
      staffFigures.lockCells();
    }
    StaffFiguresBook book = new StaffFiguresBook();
    long[] n = {0};
    List<String> unreadable = new ArrayList<>();
    int[] unreadableCount = {0};
    BiConsumer<String, String> bad =
        (id, why) -> {
          unreadableCount[0]++;
          if (unreadable.size() < 20) {
            unreadable.add("fact " + id + " cannot be rebuilt: " + why);
          }
        };
    staffFigures.forEachFact(
        p,
        f -> {
          n[0]++;
          try {
            book.apply(f);
          } catch (IllegalArgumentException e) {
            bad.accept(f.factId(), e.getMessage());
          }
        },
        (id, why) -> {
          n[0]++;
          bad.accept(id, why);
        });
    if (repair && unreadableCount[0] > 0) {
      throw ProblemException.unprocessable(
          "staff-facts-unreadable",
          "人员考核事实无法重建，未修复 / staff facts cannot be rebuilt, nothing repaired",
          unreadableCount[0] + " staff fact(s) cannot be rebuilt, e.g. " + unreadable.get(0));
    }
    StaffFiguresBook.Cells recomputed = book.cells().of(p);
    StaffFiguresBook.Cells stored = staffFigures.cells(p);
    return new StaffComparison(
        n[0],
        recomputed,
        stored,
        StaffFiguresBook.differences(recomputed, stored),
        unreadable,
        unreadableCount[0]);
  }

  /** A staff comparison made before the unit figures', finished (and repaired) after them. */
  private final class StaffComparison {
    final long facts;
    final StaffFiguresBook.Cells recomputed;
    final StaffFiguresBook.Cells stored;
    final List<StaffFiguresBook.Difference> differences;
    final List<String> unreadable;
    final int unreadableCount;

    StaffComparison(
        long facts,
        StaffFiguresBook.Cells recomputed,
        StaffFiguresBook.Cells stored,
        List<StaffFiguresBook.Difference> differences,
        List<String> unreadable,
        int unreadableCount) {
      this.facts = facts;
      this.recomputed = recomputed;
      this.stored = stored;
      this.differences = differences;
      this.unreadable = unreadable;
      this.unreadableCount = unreadableCount;
    }

    StaffRecomputeResult finish(boolean repair, Period p, String by) {
      boolean equal = differences.isEmpty() && unreadableCount == 0;
      List<String> lines = new ArrayList<>(unreadable);
      for (StaffFiguresBook.Difference d : differences) {
        if (lines.size() >= 20) {
          break;
        }
        lines.add(d.toString());
      }
      Map<String, Integer> byBook = new LinkedHashMap<>();
      int total = 0;
      for (StaffFiguresBook.Book b : StaffFiguresBook.Book.values()) {
        int c = StaffFiguresBook.compared(recomputed, stored, b);
        byBook.put(b.name(), c);
        total += c;
      }
      boolean repairing = repair && !differences.isEmpty();
      if (repairing) {
        LOG.infof(
            "staff cells of %s replaced from the facts by %s (%d cells differed)",
            p == null ? "all periods" : p, by, differences.size());
        staffFigures.replaceCells(p, recomputed);
      }
      return new StaffRecomputeResult(
          facts, total, byBook, equal, differing(), lines, unreadableCount, repairing);
    }

    private int differing() {
      return differences.size();
    }
  }
}
