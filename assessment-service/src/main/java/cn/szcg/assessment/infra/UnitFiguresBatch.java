package cn.szcg.assessment.infra;

import cn.szcg.assessment.domain.FactEvent;
import cn.szcg.assessment.domain.Figures;
import cn.szcg.assessment.domain.FiguresKey;
import cn.szcg.assessment.domain.Incident;
import cn.szcg.assessment.infra.OrderTrackStore.CaseContext;
import cn.szcg.assessment.infra.OrderTrackStore.OrderInfo;
import cn.szcg.assessment.infra.OrderTrackStore.TrackRow;
import cn.szcg.assessment.infra.OrderTrackStore.Verdict;
import cn.szcg.platform.inbox.BatchingEventHandler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one poll of the unit figures reads and writes ({@link UnitFiguresHandler}). Each map holds
 * the state of the keys read so far (present or known to be absent); it is the truth for those keys
 * until {@link #flush} writes it back. {@link #readAhead} reads what the poll's events will touch
 * in a few {@code = ANY(?)} statements ({@link OrderTrackStore}: tracks, locked; orders; case
 * contexts; verdicts; {@link ParkedEvents parked events}); a key not read ahead is read through on
 * first use. {@link #flush} writes back new and changed tracks, orders, contexts, verdicts, parked
 * events, the facts (one insert, returning the ids new to the store), the cell deltas of the new
 * facts summed per cell (one upsert), and the incidents of the new facts in event order (so
 * ordinals and notices are exactly those of one-by-one application).
 */
final class UnitFiguresBatch implements BatchingEventHandler.Batch {

  /** An incident to record at the end of the batch; if it comes from a fact, only if it is new. */
  record PendingIncident(Incident incident, FactEvent fact) {}

  /** The keys a poll's events will touch (see {@link UnitFactMapping#keysOf}). */
  record Keys(
      Set<String> cases,
      Set<String> orders,
      Set<String> handlingStops,
      Set<String> passOrders,
      Set<String> registered,
      Set<String> dispatchCases) {}

  private final OrderTrackStore store;
  private final ParkedEvents.Lot parked;
  private final FigureStore figures;
  private final AccountabilityStore accountability;
  private final UnitNames unitNames;

  private final Map<String, TrackRow> tracks = new HashMap<>();
  private final Map<String, Set<String>> tracksByCase = new HashMap<>();
  private final Set<String> casesRead = new HashSet<>();
  private final Map<String, String> pendingIndex = new HashMap<>();
  private final Set<String> pendingRead = new HashSet<>();
  private final Set<String> newTracks = new LinkedHashSet<>();
  private final Set<String> dirtyTracks = new LinkedHashSet<>();

  private final Map<String, Optional<OrderInfo>> orders = new HashMap<>();
  private final Map<String, OrderInfo> newOrders = new LinkedHashMap<>();

  private final Map<String, Optional<CaseContext>> contexts = new HashMap<>();
  private final Map<String, CaseContext> dirtyContexts = new LinkedHashMap<>();

  private final Map<String, Optional<Verdict>> verdicts = new HashMap<>();
  private final Map<String, Verdict> dirtyVerdicts = new LinkedHashMap<>();

  private final List<FactEvent> facts = new ArrayList<>();
  private final List<PendingIncident> incidents = new ArrayList<>();

  /** The latest unit name seen in this poll per unit (written at the end, latest wins). */
  private final Map<String, UnitNames.Named> names = new TreeMap<>();

  UnitFiguresBatch(
      OrderTrackStore store,
      ParkedEvents parked,
      FigureStore figures,
      AccountabilityStore accountability,
      UnitNames unitNames) {
    this.store = store;
    this.parked = parked.lot();
    this.figures = figures;
    this.accountability = accountability;
    this.unitNames = unitNames;
  }

  /** Reads ahead what the events will touch, a few statements for the whole poll. */
  void readAhead(Keys k) {
    Set<String> cases = new LinkedHashSet<>(k.cases());
    cases.remove(null);
    readOrders(k.orders());
    Set<String> trackIds = new LinkedHashSet<>();
    for (String o : k.orders()) {
      orders.get(o).ifPresent(i -> trackIds.add(i.trackId()));
    }
    readTracks(cases, trackIds, k.handlingStops());
    readContexts(k.dispatchCases());
    readVerdicts(k.passOrders());
    parked.read(k.registered());
  }

  void name(String unitId, String name, Instant at) {
    if (name == null || name.isBlank() || at == null) {
      return;
    }
    UnitNames.Named n = new UnitNames.Named(name.strip(), at);
    names.merge(unitId, n, UnitNames.Named::latest);
  }

  /** A fact to book at the end (counted only if new to the store and to this batch). */
  void fact(FactEvent f) {
    facts.add(f);
  }

  /** An incident to record at the end; with its fact, only if that fact is new. */
  void incident(Incident i, FactEvent fact) {
    incidents.add(new PendingIncident(i, fact));
  }

  ParkedEvents.Lot parked() {
    return parked;
  }

  // ---- tracks

  Optional<TrackRow> track(String caseId, String unitId) {
    if (!casesRead.contains(caseId)) {
      readTracks(Set.of(caseId), Set.of(), Set.of());
    }
    for (String id : tracksByCase.getOrDefault(caseId, Set.of())) {
      TrackRow r = tracks.get(id);
      if (!r.subOrder() && unitId.equals(r.track().ref().unitId())) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  List<TrackRow> tracksOfCase(String caseId) {
    if (!casesRead.contains(caseId)) {
      readTracks(Set.of(caseId), Set.of(), Set.of());
    }
    List<TrackRow> out = new ArrayList<>();
    for (String id : tracksByCase.getOrDefault(caseId, Set.of())) {
      out.add(tracks.get(id));
    }
    return out;
  }

  Optional<TrackRow> trackById(String trackId) {
    if (!tracks.containsKey(trackId)) {
      readTracks(Set.of(), Set.of(trackId), Set.of());
    }
    return Optional.ofNullable(tracks.get(trackId));
  }

  /** The track whose passed check waits for this order's verdict. */
  Optional<TrackRow> pendingOn(String orderId) {
    if (!pendingRead.contains(orderId)) {
      readTracks(Set.of(), Set.of(), Set.of(orderId));
    }
    String id = pendingIndex.get(orderId);
    return id == null ? Optional.empty() : Optional.of(tracks.get(id));
  }

  void insert(TrackRow row) {
    put(row);
    newTracks.add(row.trackId());
  }

  void save(TrackRow row) {
    put(row);
    if (!newTracks.contains(row.trackId())) {
      dirtyTracks.add(row.trackId());
    }
  }

  private void put(TrackRow row) {
    TrackRow old = tracks.put(row.trackId(), row);
    if (old != null
        && old.pendingPassOrder() != null
        && row.trackId().equals(pendingIndex.get(old.pendingPassOrder()))) {
      pendingIndex.remove(old.pendingPassOrder());
    }
    if (row.pendingPassOrder() != null) {
      pendingIndex.put(row.pendingPassOrder(), row.trackId());
    }
    tracksByCase
        .computeIfAbsent(row.track().ref().caseId(), k -> new LinkedHashSet<>())
        .add(row.trackId());
  }

  private void readTracks(Set<String> cases, Set<String> ids, Set<String> pendingOrders) {
    if (cases.isEmpty() && ids.isEmpty() && pendingOrders.isEmpty()) {
      return;
    }
    for (TrackRow r : store.readTracks(cases, ids, pendingOrders)) {
      if (!tracks.containsKey(r.trackId())) {
        put(r); // what this batch holds already is newer
      }
    }
    casesRead.addAll(cases);
    pendingRead.addAll(pendingOrders);
  }

  // ---- orders

  Optional<OrderInfo> order(String orderId) {
    if (!orders.containsKey(orderId)) {
      readOrders(Set.of(orderId));
    }
    return orders.get(orderId);
  }

  /** As INSERT … ON CONFLICT DO NOTHING: the first registration of an order stays. */
  void registerOrder(OrderInfo o) {
    if (order(o.orderId()).isEmpty()) {
      orders.put(o.orderId(), Optional.of(o));
      newOrders.put(o.orderId(), o);
    }
  }

  private void readOrders(Set<String> orderIds) {
    if (orderIds.isEmpty()) {
      return;
    }
    for (String o : orderIds) {
      orders.putIfAbsent(o, Optional.empty());
    }
    for (OrderInfo o : store.readOrders(orderIds)) {
      if (orders.get(o.orderId()).isEmpty() && !newOrders.containsKey(o.orderId())) {
        orders.put(o.orderId(), Optional.of(o));
      }
    }
  }

  // ---- case contexts

  Optional<CaseContext> context(String caseId) {
    if (!contexts.containsKey(caseId)) {
      readContexts(Set.of(caseId));
    }
    return contexts.get(caseId);
  }

  void setContext(String caseId, CaseContext c) {
    contexts.put(caseId, Optional.of(c));
    dirtyContexts.put(caseId, c);
  }

  private void readContexts(Set<String> caseIds) {
    Set<String> missing = new LinkedHashSet<>(caseIds);
    missing.removeAll(contexts.keySet());
    if (missing.isEmpty()) {
      return;
    }
    for (String id : missing) {
      contexts.put(id, Optional.empty());
    }
    store.readContexts(missing).forEach((id, c) -> contexts.put(id, Optional.of(c)));
  }

  // ---- verdicts

  Boolean verdict(String orderId) {
    if (!verdicts.containsKey(orderId)) {
      readVerdicts(Set.of(orderId));
    }
    return verdicts.get(orderId).map(Verdict::onTime).orElse(null);
  }

  void setVerdict(String orderId, Verdict v) {
    verdicts.put(orderId, Optional.of(v));
    dirtyVerdicts.put(orderId, v);
  }

  private void readVerdicts(Set<String> orderIds) {
    Set<String> missing = new LinkedHashSet<>(orderIds);
    missing.removeAll(verdicts.keySet());
    if (missing.isEmpty()) {
      return;
    }
    for (String id : missing) {
      verdicts.put(id, Optional.empty());
    }
    store.readVerdicts(missing).forEach((id, v) -> verdicts.put(id, Optional.of(v)));
  }

  // ---- writing back

  @Override
  public void flush() {
    unitNames.record(names);
    store.writeContexts(dirtyContexts);
    store.insertTracks(sorted(newTracks));
    store.updateTracks(sorted(dirtyTracks));
    store.insertOrders(newOrders.values());
    store.writeVerdicts(dirtyVerdicts);
    parked.flush();
    bookFacts();
  }

  /** The tracks in track-id order (the order in which rows are locked). */
  private List<TrackRow> sorted(Set<String> ids) {
    List<TrackRow> out = new ArrayList<>();
    for (String id : new TreeSet<>(ids)) {
      out.add(tracks.get(id));
    }
    return out;
  }

  /**
   * Stores the facts; a fact counts only if its id is new to the store and to this batch (its first
   * occurrence): its delta goes to its cells (summed per cell, one upsert) and its incident is
   * recorded, with the breach incidents, in the order the events produced them.
   */
  private void bookFacts() {
    Map<String, FactEvent> first = new LinkedHashMap<>();
    for (FactEvent f : facts) {
      first.putIfAbsent(f.factId(), f);
    }
    Set<String> stored = figures.insertFacts(first.values());
    Map<FactEvent, Boolean> counts = new IdentityHashMap<>();
    Map<FiguresKey, Figures> deltas = new TreeMap<>();
    for (FactEvent f : first.values()) {
      if (!stored.contains(f.factId())) {
        continue;
      }
      counts.put(f, Boolean.TRUE);
      Figures delta = f.delta();
      if (!delta.equals(Figures.ZERO)) {
        for (FiguresKey k : FiguresKey.cellsFor(f.ref().unitId(), f.ref())) {
          deltas.merge(k, delta, Figures::plus);
        }
      }
    }
    figures.addToCells(deltas);
    List<Incident> recorded = new ArrayList<>();
    for (PendingIncident p : incidents) {
      if (p.fact() == null || counts.containsKey(p.fact())) {
        recorded.add(p.incident());
      }
    }
    accountability.recordAll(recorded);
  }
}
