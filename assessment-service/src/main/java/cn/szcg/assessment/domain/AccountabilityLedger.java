package cn.szcg.assessment.domain;

import cn.szcg.assessment.domain.AccountabilityAction.Type;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Accountability counters (问责计数, Art 33, R-24): takes incidents in order and returns the notices
 * and warnings to publish. Deterministic, no clock and no I/O; idempotent on {@link
 * Incident#incidentId()} (an incident seen again yields nothing).
 *
 * <p>Every incident → a center notice (县智慧中心通报) to the unit naming the case and the person on duty.
 * The n-th incident of a kind for a unit in an Asia/Shanghai calendar month → if n is a rung of the
 * {@link EscalationLadder}: an efficiency-office notice (县效能办通报) to the unit and an efficiency
 * warning (效能告诫) to the rung's addressee. A new month starts at zero.
 *
 * <p>The service persists {@link #counters()} and the seen incident ids (or recomputes by replaying
 * the incidents in their original order) and can {@link #restore} a ledger from them.
 */
public final class AccountabilityLedger {

  /** Counter key: unit × kind × calendar month. */
  public record CounterKey(String unitId, IncidentKind kind, YearMonth month)
      implements Comparable<CounterKey> {
    @Override
    public int compareTo(CounterKey o) {
      int c = unitId.compareTo(o.unitId);
      if (c != 0) {
        return c;
      }
      c = kind.compareTo(o.kind);
      return c != 0 ? c : month.compareTo(o.month);
    }
  }

  private final EscalationLadder ladder;
  private final Map<CounterKey, Integer> counts = new HashMap<>();
  private final Set<String> seen = new HashSet<>();

  public AccountabilityLedger() {
    this(EscalationLadder.DEFAULT);
  }

  public AccountabilityLedger(EscalationLadder ladder) {
    this.ladder = Objects.requireNonNull(ladder);
  }

  /** A ledger continuing from persisted counters and seen incident ids. */
  public static AccountabilityLedger restore(
      EscalationLadder ladder, Map<CounterKey, Integer> counters, Collection<String> seenIds) {
    AccountabilityLedger l = new AccountabilityLedger(ladder);
    l.counts.putAll(counters);
    l.seen.addAll(seenIds);
    return l;
  }

  /** Records an incident; returns the actions to publish (empty if already recorded). */
  public List<AccountabilityAction> record(Incident incident) {
    if (!seen.add(incident.incidentId())) {
      return List.of();
    }
    CounterKey key =
        new CounterKey(
            incident.unitId(), incident.kind(), Period.yearMonthOf(incident.occurredAt()));
    int ordinal = counts.merge(key, 1, Integer::sum);
    return actionsFor(incident, ordinal, ladder);
  }

  /** How many incidents of a kind the unit has in a month. */
  public int count(String unitId, IncidentKind kind, YearMonth month) {
    return counts.getOrDefault(new CounterKey(unitId, kind, month), 0);
  }

  /** A sorted snapshot of the counters, for persistence. */
  public Map<CounterKey, Integer> counters() {
    return Collections.unmodifiableMap(new TreeMap<>(counts));
  }

  /** The pure rule: the actions for the {@code ordinal}-th incident of its kind in its month. */
  public static List<AccountabilityAction> actionsFor(
      Incident incident, int ordinal, EscalationLadder ladder) {
    YearMonth month = Period.yearMonthOf(incident.occurredAt());
    List<AccountabilityAction> out = new ArrayList<>();
    PersonRef onDuty = incident.contacts().personOnDuty();
    String caseId = incident.caseId();
    String kindZh = incident.kind().zh();
    out.add(
        action(
            incident,
            Type.CENTER_NOTICE,
            AccountabilityLevel.UNIT,
            month,
            ordinal,
            onDuty,
            onDuty == null,
            String.format(
                "县智慧中心通报：%s%s（案件%s，%s月第%d次，责任人%s）",
                incident.unitId(), kindZh, caseId, month, ordinal, nameOf(onDuty)),
            String.format(
                "Center notice: %s — %s (case %s, #%d in %s, person on duty %s)",
                incident.unitId(), incident.kind().en(), caseId, ordinal, month, nameOf(onDuty))));
    Optional<AccountabilityLevel> level = ladder.levelAt(ordinal);
    if (level.isPresent()) {
      AccountabilityLevel l = level.get();
      PersonRef addressee = l.personIn(incident.contacts());
      out.add(
          action(
              incident,
              Type.EFFICIENCY_OFFICE_NOTICE,
              AccountabilityLevel.UNIT,
              month,
              ordinal,
              addressee,
              false,
              String.format(
                  "县效能办通报：%s %s月累计%d次%s（%s）",
                  incident.unitId(), month, ordinal, kindZh, incident.kind().article()),
              String.format(
                  "Efficiency-office notice: %s — %d incidents of %s in %s",
                  incident.unitId(), ordinal, incident.kind().en(), month)));
      out.add(
          action(
              incident,
              Type.EFFICIENCY_WARNING,
              l,
              month,
              ordinal,
              addressee,
              addressee == null,
              String.format(
                  "效能告诫：%s%s %s（%s月累计%d次%s）",
                  incident.unitId(), l.zh(), nameOf(addressee), month, ordinal, kindZh),
              String.format(
                  "Efficiency warning to the %s of %s, %s (%d incidents of %s in %s)",
                  l.en(),
                  incident.unitId(),
                  nameOf(addressee),
                  ordinal,
                  incident.kind().en(),
                  month)));
    }
    return out;
  }

  private static String nameOf(PersonRef p) {
    if (p == null) {
      return "未登记";
    }
    return p.name() != null ? p.name() : p.personId();
  }

  private static AccountabilityAction action(
      Incident incident,
      Type type,
      AccountabilityLevel level,
      YearMonth month,
      int ordinal,
      PersonRef person,
      boolean missing,
      String zh,
      String en) {
    return new AccountabilityAction(
        incident.incidentId() + ":" + type.name(),
        type,
        level,
        incident.unitId(),
        incident.kind(),
        month,
        ordinal,
        incident.incidentId(),
        incident.caseId(),
        person,
        missing,
        zh,
        en);
  }
}
