package cn.szcg.assessment.infra;

import cn.szcg.assessment.domain.Period;
import cn.szcg.assessment.domain.StaffFiguresBook;
import cn.szcg.assessment.domain.StaffFiguresBook.StoredFact;
import cn.szcg.assessment.domain.StaffPairing;
import cn.szcg.assessment.infra.StaffPairingStore.Note;
import cn.szcg.platform.inbox.BatchingEventHandler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one poll of the staff figures reads and writes ({@link StaffFiguresHandler}): pairings and
 * notes read ahead in two statements (= ANY, {@link StaffPairingStore}), kept in memory while the
 * events are applied, written back at the end with the facts (one insert returning the ids new to
 * the store) and the cell deltas of the new facts summed per cell (one upsert, {@link
 * StaffFigureStore}).
 */
final class StaffFiguresBatch implements BatchingEventHandler.Batch {

  /**
   * A fact to store (its row as {@link StaffFiguresBook} reads it back to recompute) and the
   * counters it adds to its cells; a collector's fact also to the collector's collection unit.
   */
  record StaffFact(StoredFact row, long[] delta) {
    String factId() {
      return row.factId();
    }

    boolean collector() {
      return row.book() == StaffFiguresBook.Book.COLLECTOR;
    }
  }

  private final StaffPairingStore store;
  private final StaffFigureStore figures;

  private final Map<String, Optional<StaffPairing>> pairs = new HashMap<>();
  private final Map<String, StaffPairing> dirtyPairs = new LinkedHashMap<>();
  private final Map<String, Optional<Note>> notes = new HashMap<>();
  private final Map<String, Note> newNotes = new LinkedHashMap<>();
  private final List<StaffFact> facts = new ArrayList<>();

  StaffFiguresBatch(StaffPairingStore store, StaffFigureStore figures) {
    this.store = store;
    this.figures = figures;
  }

  /** Reads ahead the pairings and notes of these keys. */
  void readAhead(Set<String> pairKeys, Set<String> noteKeys) {
    readPairs(pairKeys);
    readNotes(noteKeys);
  }

  StaffPairing pair(String key) {
    if (!pairs.containsKey(key)) {
      readPairs(Set.of(key));
    }
    return pairs.get(key).orElse(null);
  }

  void setPair(String key, StaffPairing p) {
    pairs.put(key, Optional.of(p));
    dirtyPairs.put(key, p);
  }

  Note note(String key) {
    if (!notes.containsKey(key)) {
      readNotes(Set.of(key));
    }
    return notes.get(key).orElse(null);
  }

  void addNote(String key, Note n) {
    notes.put(key, Optional.of(n));
    newNotes.put(key, n);
  }

  void fact(StaffFact f) {
    facts.add(f);
  }

  private void readPairs(Set<String> keys) {
    Set<String> missing = new LinkedHashSet<>(keys);
    missing.removeAll(pairs.keySet());
    if (missing.isEmpty()) {
      return;
    }
    missing.forEach(k -> pairs.put(k, Optional.empty()));
    store.readPairs(missing).forEach((k, p) -> pairs.put(k, Optional.of(p)));
  }

  private void readNotes(Set<String> keys) {
    Set<String> missing = new LinkedHashSet<>(keys);
    missing.removeAll(notes.keySet());
    if (missing.isEmpty()) {
      return;
    }
    missing.forEach(k -> notes.put(k, Optional.empty()));
    store.readNotes(missing).forEach((k, n) -> notes.put(k, Optional.of(n)));
  }

  @Override
  public void flush() {
    store.writePairs(dirtyPairs);
    store.insertNotes(newNotes);
    bookFacts();
  }

  /** Stores the facts; each one new to the store (first occurrence) adds to its cells. */
  private void bookFacts() {
    Map<String, StaffFact> first = new LinkedHashMap<>();
    for (StaffFact f : facts) {
      first.putIfAbsent(f.factId(), f);
    }
    if (first.isEmpty()) {
      return;
    }
    Set<String> stored = figures.insertFacts(first.values().stream().map(StaffFact::row).toList());
    // cell key: book, subject, period → the summed counters
    Map<List<String>, long[]> cells = new TreeMap<>(StaffFigureStore::compareKeys);
    for (StaffFact f : first.values()) {
      if (!stored.contains(f.factId())) {
        continue;
      }
      StoredFact r = f.row();
      for (Period p : List.of(Period.monthOf(r.at()), Period.yearOf(r.at()))) {
        add(cells, List.of(r.book().name(), r.subjectId(), p.toString()), f.delta());
        if (f.collector()) {
          add(
              cells,
              List.of(
                  StaffFiguresBook.Book.COLLECTION_UNIT.name(), r.collectionUnitId(), p.toString()),
              f.delta());
        }
      }
    }
    figures.addToCells(cells);
  }

  private static void add(Map<List<String>, long[]> cells, List<String> key, long[] d) {
    long[] sum = cells.computeIfAbsent(key, k -> new long[8]);
    for (int i = 0; i < 8; i++) {
      sum[i] += d[i];
    }
  }
}
