package cn.szcg.assessment.infra;

import cn.szcg.assessment.infra.IntakeFigureStore.CaseRow;
import cn.szcg.contracts.EventType;
import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.contracts.events.ReportRegistered;
import cn.szcg.platform.inbox.BatchingEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts registrations and filings per month and channel, from intake events; a poll's counts and
 * cases are summed in a {@link Counts} batch and written at its end ({@link IntakeFigureStore}).
 */
@ApplicationScoped
public class IntakeFiguresHandler extends BatchingEventHandler<IntakeFiguresHandler.Counts> {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

  @Inject IntakeFigureStore store;

  @Override
  public String name() {
    return "intake-figures";
  }

  @Override
  public List<String> topics() {
    return List.of(Topics.INTAKE);
  }

  @Override
  public Set<EventType> types() {
    return Set.of(EventType.REPORT_REGISTERED, EventType.CASE_FILED);
  }

  /** Counters per month × channel × column, and the cases, of the batch being applied. */
  final class Counts implements BatchingEventHandler.Batch {
    final Map<List<String>, Long> counts = new TreeMap<>(IntakeFiguresHandler::compareKeys);
    final Map<String, CaseRow> cases = new TreeMap<>();

    @Override
    public void flush() {
      for (String column : List.of("registered", "filed")) {
        List<String> months = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        counts.forEach(
            (k, v) -> {
              if (k.get(2).equals(column)) {
                months.add(k.get(0));
                channels.add(k.get(1));
                values.add(v);
              }
            });
        store.addCounts(column, months, channels, values);
      }
      store.writeCases(cases);
    }
  }

  @Override
  protected Counts openBatch(List<Delivery> deliveries) {
    return new Counts();
  }

  /**
   * As one statement per event would: a registration inserts the case unless it exists; a filing
   * inserts it or sets its filed time and category.
   */
  @Override
  protected void apply(Counts batch, CloudEvent event, Record payload) {
    Map<List<String>, Long> counts = batch.counts;
    Map<String, CaseRow> cases = batch.cases;
    if (payload instanceof ReportRegistered r) {
      counts.merge(
          List.of(month(r.registeredAt()), r.channel().name(), "registered"), 1L, Long::sum);
      cases.computeIfAbsent(
          r.caseId(),
          k -> {
            CaseRow c = new CaseRow();
            c.reportNo = r.reportNo();
            c.channel = r.channel().name();
            c.registeredAt = r.registeredAt();
            c.categoryCode = r.categoryCode();
            return c;
          });
    } else if (payload instanceof CaseFiled f) {
      counts.merge(List.of(month(f.filedAt()), f.channel().name(), "filed"), 1L, Long::sum);
      CaseRow c =
          cases.computeIfAbsent(
              f.caseId(),
              k -> {
                CaseRow n = new CaseRow();
                n.reportNo = f.reportNo();
                n.channel = f.channel().name();
                n.registeredAt = f.registeredAt();
                return n;
              });
      c.filedAt = f.filedAt();
      c.categoryCode = f.categoryCode();
      c.filed = true;
    }
  }

  private static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  static String month(Instant t) {
    return MONTH.format(t.atZone(SHANGHAI));
  }
}
