package cn.szcg.assessment.infra;

import cn.szcg.contracts.EventType;
import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.contracts.events.ReportRegistered;
import cn.szcg.platform.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Counts registrations and filings per month and channel, from intake events. */
@ApplicationScoped
public class IntakeFiguresHandler implements EventHandler {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

  @Inject EntityManager em;

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

  /** A case as the batch leaves it: the row to insert, or what to update if it exists. */
  static final class CaseRow {
    String reportNo;
    String channel;
    Instant registeredAt;
    Instant filedAt;
    String categoryCode;

    /** A CaseFiled came in this batch: an existing row takes its filed time and category. */
    boolean filed;
  }

  /** Counters per month × channel × column, and the cases, of the batch being applied. */
  private Map<List<String>, Long> counts;

  private Map<String, CaseRow> cases;

  @Override
  public void beginBatch(List<Delivery> batch) {
    counts = new TreeMap<>(IntakeFiguresHandler::compareKeys);
    cases = new TreeMap<>();
  }

  /**
   * Always inside a batch: the platform calls {@link #beginBatch} first, also for a single event.
   */
  @Override
  public void handle(CloudEvent event, Record payload) {
    apply(payload);
  }

  /**
   * As one statement per event would: a registration inserts the case unless it exists; a filing
   * inserts it or sets its filed time and category.
   */
  private void apply(Record payload) {
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

  @Override
  public void endBatch() {
    Map<List<String>, Long> n = counts;
    Map<String, CaseRow> c = cases;
    counts = null;
    cases = null;
    if (n == null) {
      return;
    }
    for (String column : List.of("registered", "filed")) {
      List<String> months = new ArrayList<>();
      List<String> channels = new ArrayList<>();
      List<Long> values = new ArrayList<>();
      n.forEach(
          (k, v) -> {
            if (k.get(2).equals(column)) {
              months.add(k.get(0));
              channels.add(k.get(1));
              values.add(v);
            }
          });
      if (!months.isEmpty()) {
        Jdbc.update(
            em,
            "INSERT INTO intake_figure (month, channel, "
                + column
                + ") SELECT * FROM unnest(?::text[], ?::text[], ?::int8[]) ON CONFLICT (month,"
                + " channel) DO UPDATE SET "
                + column
                + " = intake_figure."
                + column
                + " + EXCLUDED."
                + column,
            Jdbc.texts(months),
            Jdbc.texts(channels),
            Jdbc.longs(values));
      }
    }
    if (c.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>(c.keySet());
    List<String> reportNo = new ArrayList<>();
    List<String> channel = new ArrayList<>();
    List<Instant> registered = new ArrayList<>();
    List<Instant> filed = new ArrayList<>();
    List<String> category = new ArrayList<>();
    for (CaseRow r : c.values()) {
      reportNo.add(r.reportNo);
      channel.add(r.channel);
      registered.add(r.registeredAt);
      filed.add(r.filedAt);
      category.add(r.categoryCode);
    }
    Jdbc.update(
        em,
        "INSERT INTO assessed_case AS a (case_id, report_no, channel, registered_at, filed_at,"
            + " category_code) SELECT x.id, x.no, x.ch, x.reg, x.fil, x.cat FROM unnest(?::text[],"
            + " ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::text[]) AS"
            + " x(id, no, ch, reg, fil, cat) ORDER BY x.id ON CONFLICT (case_id) DO UPDATE"
            + " SET filed_at = EXCLUDED.filed_at, category_code = EXCLUDED.category_code WHERE"
            + " a.case_id = ANY(?::text[])",
        Jdbc.texts(ids),
        Jdbc.texts(reportNo),
        Jdbc.texts(channel),
        Jdbc.times(registered),
        Jdbc.times(filed),
        Jdbc.texts(category),
        Jdbc.texts(filedIds(c)));
  }

  private static List<String> filedIds(Map<String, CaseRow> c) {
    List<String> out = new ArrayList<>();
    c.forEach(
        (id, r) -> {
          if (r.filed) {
            out.add(id);
          }
        });
    return out;
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
