package cn.szcg.assessment.infra;

import cn.szcg.assessment.domain.AccountabilityAction;
import cn.szcg.assessment.domain.AccountabilityLedger;
import cn.szcg.assessment.domain.EscalationLadder;
import cn.szcg.assessment.domain.Incident;
import cn.szcg.assessment.domain.Period;
import cn.szcg.contracts.events.AccountabilityNotice;
import cn.szcg.platform.outbox.Outbox;
import cn.szcg.platform.sql.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The persistent accountability ledger: incidents seen (idempotent on the incident id),
 * counters per unit × kind × Asia/Shanghai month, and the actions the {@link AccountabilityLedger}
 * rule decides — each stored and published through the outbox as {@link AccountabilityNotice} on
 * {@code szcg.assessment} (key: case id), in the same transaction.
 */
@ApplicationScoped
public class AccountabilityStore {

  @Inject EntityManager em;
  @Inject Outbox outbox;

  EscalationLadder ladder = EscalationLadder.DEFAULT;

  /** Records an incident; returns the actions issued (none if the incident was seen before). */
  public List<AccountabilityAction> record(Incident incident) {
    String onDuty =
        incident.contacts().personOnDuty() == null
            ? null
            : incident.contacts().personOnDuty().personId();
    int inserted =
        em.createNativeQuery(
                "INSERT INTO incident (incident_id, unit_id, kind, case_id, order_id, occurred_at,"
                    + " person_on_duty, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, now()) ON"
                    + " CONFLICT (incident_id) DO NOTHING")
            .setParameter(1, incident.incidentId())
            .setParameter(2, incident.unitId())
            .setParameter(3, incident.kind().name())
            .setParameter(4, incident.caseId())
            .setParameter(5, incident.orderId())
            .setParameter(6, incident.occurredAt())
            .setParameter(7, onDuty)
            .executeUpdate();
    if (inserted == 0) {
      return List.of();
    }
    String month = Period.yearMonthOf(incident.occurredAt()).toString();
    int ordinal =
        ((Number)
                em.createNativeQuery(
                        "INSERT INTO accountability_counter (unit_id, kind, month, count) VALUES"
                            + " (?1, ?2, ?3, 1) ON CONFLICT (unit_id, kind, month) DO UPDATE SET"
                            + " count = accountability_counter.count + 1 RETURNING count")
                    .setParameter(1, incident.unitId())
                    .setParameter(2, incident.kind().name())
                    .setParameter(3, month)
                    .getSingleResult())
            .intValue();
    List<AccountabilityAction> actions = AccountabilityLedger.actionsFor(incident, ordinal, ladder);
    Instant issuedAt = incident.occurredAt();
    for (AccountabilityAction a : actions) {
      AccountabilityNotice n = notice(a, issuedAt);
      em.createNativeQuery(
              "INSERT INTO accountability_notice (action_id, type, level, unit_id, kind, month,"
                  + " ordinal, incident_id, case_id, person_id, person_name, person_missing,"
                  + " title_zh, title_en, issued_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                  + " ?10, ?11, ?12, ?13, ?14, ?15) ON CONFLICT (action_id) DO NOTHING")
          .setParameter(1, n.actionId())
          .setParameter(2, n.type())
          .setParameter(3, n.level())
          .setParameter(4, n.unitId())
          .setParameter(5, n.kind())
          .setParameter(6, n.month())
          .setParameter(7, n.ordinal())
          .setParameter(8, n.incidentId())
          .setParameter(9, n.caseId())
          .setParameter(10, n.personId())
          .setParameter(11, n.personName())
          .setParameter(12, n.personMissing())
          .setParameter(13, n.titleZh())
          .setParameter(14, n.titleEn())
          .setParameter(15, n.issuedAt())
          .executeUpdate();
      outbox.publish(n.caseId() != null ? n.caseId() : n.unitId(), n, issuedAt);
    }
    return actions;
  }

  /**
   * Records incidents in order, as {@link #record} one after the other would, in a few statements:
   * the incidents not seen before (an id twice: its first occurrence), one counter upsert per unit
   * × kind × month (ordinals follow the given order), the notices, and their outbox events in
   * order.
   */
  public List<AccountabilityAction> recordAll(List<Incident> incidents) {
    if (incidents.isEmpty()) {
      return List.of();
    }
    if (incidents.size() == 1) {
      return record(incidents.get(0));
    }
    Map<String, Incident> distinct = new LinkedHashMap<>();
    for (Incident i : incidents) {
      distinct.putIfAbsent(i.incidentId(), i);
    }
    List<String> ids = new ArrayList<>();
    List<String> units = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    List<String> cases = new ArrayList<>();
    List<String> orders = new ArrayList<>();
    List<Instant> at = new ArrayList<>();
    List<String> onDuty = new ArrayList<>();
    for (Incident i : distinct.values()) {
      ids.add(i.incidentId());
      units.add(i.unitId());
      kinds.add(i.kind().name());
      cases.add(i.caseId());
      orders.add(i.orderId());
      at.add(i.occurredAt());
      onDuty.add(
          i.contacts().personOnDuty() == null ? null : i.contacts().personOnDuty().personId());
    }
    Set<String> fresh =
        Jdbc.call(
            em,
            c -> {
              Set<String> out = new HashSet<>();
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO incident (incident_id, unit_id, kind, case_id, order_id,"
                          + " occurred_at, person_on_duty, recorded_at) SELECT x.*, now() FROM"
                          + " unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
                          + " ?::timestamptz[], ?::text[]) AS x ON CONFLICT (incident_id) DO"
                          + " NOTHING RETURNING incident_id")) {
                Jdbc.bind(
                    c,
                    ps,
                    Jdbc.texts(ids),
                    Jdbc.texts(units),
                    Jdbc.texts(kinds),
                    Jdbc.texts(cases),
                    Jdbc.texts(orders),
                    Jdbc.times(at),
                    Jdbc.texts(onDuty));
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    out.add(rs.getString(1));
                  }
                }
              }
              return out;
            });
    List<Incident> recorded = new ArrayList<>();
    for (Incident i : distinct.values()) {
      if (fresh.contains(i.incidentId())) {
        recorded.add(i);
      }
    }
    if (recorded.isEmpty()) {
      return List.of();
    }
    // counters: one upsert adding each key's number of new incidents; the ordinals of a key's
    // incidents run from (stored count before) + 1 in the given order
    Map<List<String>, Integer> increments = new TreeMap<>(AccountabilityStore::compareKeys);
    for (Incident i : recorded) {
      increments.merge(counterKey(i), 1, Integer::sum);
    }
    List<String> cu = new ArrayList<>();
    List<String> ck = new ArrayList<>();
    List<String> cm = new ArrayList<>();
    List<Integer> cn = new ArrayList<>();
    increments.forEach(
        (k, n) -> {
          cu.add(k.get(0));
          ck.add(k.get(1));
          cm.add(k.get(2));
          cn.add(n);
        });
    Map<List<String>, Integer> next =
        Jdbc.call(
            em,
            c -> {
              Map<List<String>, Integer> out = new HashMap<>();
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO accountability_counter (unit_id, kind, month, count) SELECT *"
                          + " FROM unnest(?::text[], ?::text[], ?::text[], ?::int4[]) ON CONFLICT"
                          + " (unit_id, kind, month) DO UPDATE SET count ="
                          + " accountability_counter.count + EXCLUDED.count RETURNING unit_id,"
                          + " kind, month, count")) {
                Jdbc.bind(c, ps, Jdbc.texts(cu), Jdbc.texts(ck), Jdbc.texts(cm), Jdbc.ints(cn));
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    List<String> k = List.of(rs.getString(1), rs.getString(2), rs.getString(3));
                    out.put(k, rs.getInt(4) - increments.get(k) + 1);
                  }
                }
              }
              return out;
            });
    List<AccountabilityAction> actions = new ArrayList<>();
    List<AccountabilityNotice> notices = new ArrayList<>();
    for (Incident i : recorded) {
      int ordinal = next.merge(counterKey(i), 1, Integer::sum) - 1;
      for (AccountabilityAction a : AccountabilityLedger.actionsFor(i, ordinal, ladder)) {
        actions.add(a);
        notices.add(notice(a, i.occurredAt()));
      }
    }
    insertNotices(notices);
    return actions;
  }

  private static List<String> counterKey(Incident i) {
    return List.of(i.unitId(), i.kind().name(), Period.yearMonthOf(i.occurredAt()).toString());
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

  /** Stores the notices (one statement) and publishes each through the outbox, in order. */
  private void insertNotices(List<AccountabilityNotice> notices) {
    if (notices.isEmpty()) {
      return;
    }
    List<List<Object>> cols = new ArrayList<>();
    for (int k = 0; k < 15; k++) {
      cols.add(new ArrayList<>());
    }
    for (AccountabilityNotice n : notices) {
      Object[] v = {
        n.actionId(),
        n.type(),
        n.level(),
        n.unitId(),
        n.kind(),
        n.month(),
        n.ordinal(),
        n.incidentId(),
        n.caseId(),
        n.personId(),
        n.personName(),
        n.personMissing(),
        n.titleZh(),
        n.titleEn(),
        n.issuedAt()
      };
      for (int k = 0; k < v.length; k++) {
        cols.get(k).add(v[k]);
      }
    }
    Object[] params = new Object[15];
    for (int k = 0; k < 15; k++) {
      List<Object> col = cols.get(k);
      if (k == 6) {
        params[k] = new Jdbc.Typed("int4", col.toArray(new Integer[0]));
      } else if (k == 11) {
        params[k] = new Jdbc.Typed("bool", col.toArray(new Boolean[0]));
      } else if (k == 14) {
        List<Instant> times = new ArrayList<>();
        col.forEach(o -> times.add((Instant) o));
        params[k] = Jdbc.times(times);
      } else {
        params[k] = new Jdbc.Typed("text", col.toArray(new String[0]));
      }
    }
    Jdbc.update(
        em,
        "INSERT INTO accountability_notice (action_id, type, level, unit_id, kind, month, ordinal,"
            + " incident_id, case_id, person_id, person_name, person_missing, title_zh, title_en,"
            + " issued_at) SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[], ?::text[], ?::int4[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::bool[], ?::text[], ?::text[], ?::timestamptz[]) ON CONFLICT (action_id) DO"
            + " NOTHING",
        params);
    publishAll(notices);
  }

  /**
   * Writes the notices' events into the outbox as one JDBC batch, in order (the relay sends by id):
   * {@link Outbox#publishAll}. One {@code publish} per notice cost a round trip each — most of a
   * poll's time when a poll raises a hundred notices (docs/assessment.md, Benchmark).
   */
  private void publishAll(List<AccountabilityNotice> notices) {
    List<Outbox.Outgoing> out = new ArrayList<>(notices.size());
    for (AccountabilityNotice n : notices) {
      out.add(new Outbox.Outgoing(n.caseId() != null ? n.caseId() : n.unitId(), n, n.issuedAt()));
    }
    outbox.publishAll(out);
  }

  static AccountabilityNotice notice(AccountabilityAction a, Instant issuedAt) {
    return new AccountabilityNotice(
        a.actionId(),
        a.type().name(),
        a.level().name(),
        a.unitId(),
        a.kind().name(),
        a.month().toString(),
        a.ordinal(),
        a.incidentId(),
        a.caseId(),
        a.person() == null ? null : a.person().personId(),
        a.person() == null ? null : a.person().name(),
        a.personMissing(),
        a.titleZh(),
        a.titleEn(),
        issuedAt);
  }

  /** An accountability notice as issued ({@code accountability_notice}). */
  public record NoticeRow(
      String actionId,
      String type,
      String level,
      String unitId,
      String kind,
      String month,
      int ordinal,
      String incidentId,
      String caseId,
      String personId,
      String personName,
      boolean personMissing,
      String titleZh,
      String titleEn,
      Instant issuedAt) {}

  private static final String NOTICE_FILTER =
      " WHERE (CAST(?1 AS text) IS NULL OR unit_id = ?1) AND (CAST(?2 AS text) IS NULL OR month"
          + " = ?2) AND (CAST(?3 AS text) IS NULL OR type = ?3)";

  /** How many notices match (each filter null = any). */
  public long countNotices(String unitId, String month, String type) {
    return ((Number)
            em.createNativeQuery("SELECT count(*) FROM accountability_notice" + NOTICE_FILTER)
                .setParameter(1, unitId)
                .setParameter(2, month)
                .setParameter(3, type)
                .getSingleResult())
        .longValue();
  }

  /** A page of the matching notices, newest first (each filter null = any). */
  public List<NoticeRow> notices(String unitId, String month, String type, int limit, long offset) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                NOTICE_COLUMNS
                    + NOTICE_FILTER
                    + " ORDER BY issued_at DESC, action_id LIMIT ?4 OFFSET ?5")
            .setParameter(1, unitId)
            .setParameter(2, month)
            .setParameter(3, type)
            .setParameter(4, limit)
            .setParameter(5, offset)
            .getResultList();
    return rows.stream().map(AccountabilityStore::noticeRow).toList();
  }

  /** The units given an efficiency-office notice (效能办通报, R-24) in some month of the year. */
  public Set<String> escalatedUnits(int year) {
    @SuppressWarnings("unchecked")
    List<String> units =
        em.createNativeQuery(
                "SELECT DISTINCT unit_id FROM accountability_notice WHERE type ="
                    + " 'EFFICIENCY_OFFICE_NOTICE' AND month LIKE ?1")
            .setParameter(1, year + "-%")
            .getResultList();
    return Set.copyOf(units);
  }

  private static final String NOTICE_COLUMNS =
      "SELECT action_id, type, level, unit_id, kind, month, ordinal, incident_id, case_id,"
          + " person_id, person_name, person_missing, title_zh, title_en, issued_at FROM"
          + " accountability_notice";

  /** The notices of the given months (yyyy-MM, Asia/Shanghai), oldest first (the 通报, R-23). */
  public List<NoticeRow> noticesOfMonths(List<String> months) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                NOTICE_COLUMNS
                    + " WHERE month = ANY(string_to_array(?1, ',')) ORDER BY issued_at, action_id")
            .setParameter(1, String.join(",", months))
            .getResultList();
    return rows.stream().map(AccountabilityStore::noticeRow).toList();
  }

  /** One notice, or null. */
  public NoticeRow notice(String actionId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(NOTICE_COLUMNS + " WHERE action_id = ?1")
            .setParameter(1, actionId)
            .getResultList();
    return rows.isEmpty() ? null : noticeRow(rows.get(0));
  }

  /** The units given an efficiency-office notice in one of the months (yyyy-MM). */
  public Set<String> escalatedUnitsInMonths(List<String> months) {
    @SuppressWarnings("unchecked")
    List<String> units =
        em.createNativeQuery(
                "SELECT DISTINCT unit_id FROM accountability_notice WHERE type ="
                    + " 'EFFICIENCY_OFFICE_NOTICE' AND month = ANY(string_to_array(?1, ','))")
            .setParameter(1, String.join(",", months))
            .getResultList();
    return Set.copyOf(units);
  }

  private static NoticeRow noticeRow(Object[] r) {
    return new NoticeRow(
        (String) r[0],
        (String) r[1],
        (String) r[2],
        (String) r[3],
        (String) r[4],
        (String) r[5],
        ((Number) r[6]).intValue(),
        (String) r[7],
        (String) r[8],
        (String) r[9],
        (String) r[10],
        (Boolean) r[11],
        (String) r[12],
        (String) r[13],
        SqlValues.instant(r[14]));
  }
}
