package cn.szcg.intake.infra;

import cn.szcg.intake.domain.Catalogue;
import cn.szcg.intake.domain.CatalogueHistory;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The filing standard (《立案、结案规范》, R-05) in the database, every published version kept in the table
 * {@code catalogue_version} (publishing one is {@code
 * cn.szcg.intake.application.StandardPublishing}'s use case). On first start version 1 is seeded
 * from the shipped Minqing default. The history is cached in memory and re-read when another
 * instance has published (checked at most every few seconds) or after a publish here. A case keeps
 * the version it was filed under.
 */
@ApplicationScoped
public class FilingStandard {

  private static final long RECHECK_MS = 5_000;

  @Inject AgroalDataSource ds;

  private volatile CatalogueHistory history;
  private volatile long checkedAt;

  void seed(@Observes StartupEvent ev) {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(true);
      Catalogue first = CatalogueJson.loadDefault();
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO catalogue_version (version, effective_from, content, published_at,"
                  + " published_by) VALUES (1, ?, ?, now(), 'system') ON CONFLICT DO NOTHING")) {
        ps.setTimestamp(1, Timestamp.from(first.effectiveFrom()));
        ps.setString(2, CatalogueJson.write(first));
        ps.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot seed the filing standard", e);
    }
    reload();
  }

  /** The version in force at {@code at}; before the first version took effect, the first one. */
  public Catalogue inForce(Instant at) {
    CatalogueHistory h = current();
    Catalogue first = h.versions().get(0);
    return at.isBefore(first.effectiveFrom()) ? first : h.inForceAt(at);
  }

  public Catalogue latest() {
    return current().latest();
  }

  public Optional<Catalogue> version(int v) {
    Optional<Catalogue> c = current().version(v);
    if (c.isEmpty()) {
      reload();
      c = history.version(v);
    }
    return c;
  }

  /**
   * Category {@code code} as version {@code version} defines it (a filed case keeps its version,
   * its filing and closing conditions; empty when either is unknown.
   */
  public Optional<cn.szcg.intake.domain.Category> category(Integer version, String code) {
    if (version == null || code == null) {
      return Optional.empty();
    }
    return version(version).flatMap(c -> c.find(code));
  }

  public List<Catalogue> versions() {
    return current().versions();
  }

  /**
   * The whole history as stored now, read under the publishers' lock (an advisory lock until the
   * caller's transaction ends): concurrent publishers are serialised.
   */
  public CatalogueHistory lockedHistory() {
    try (Connection c = ds.getConnection()) {
      try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(4242001)")) {
        lock.execute();
      }
      return new CatalogueHistory(readAll(c));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot publish the filing standard", e);
    }
  }

  /**
   * Stores {@code next}'s latest version, published by {@code by} at {@code now}, in the caller's
   * transaction; this instance answers from {@code next} and re-reads after the commit.
   */
  public Catalogue store(CatalogueHistory next, String by, Instant now) {
    Catalogue added = next.latest();
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO catalogue_version (version, effective_from, content, published_at,"
                    + " published_by) VALUES (?, ?, ?, ?, ?)")) {
      ps.setInt(1, added.version());
      ps.setTimestamp(2, Timestamp.from(added.effectiveFrom()));
      ps.setString(3, CatalogueJson.write(added));
      ps.setTimestamp(4, Timestamp.from(now));
      ps.setString(5, by);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot publish the filing standard", e);
    }
    history = next;
    checkedAt = 0; // re-read after commit on the next use
    return added;
  }

  private CatalogueHistory current() {
    long now = System.currentTimeMillis();
    if (history == null || now - checkedAt > RECHECK_MS) {
      reloadIfStale(now);
    }
    return history;
  }

  /** One thread re-reads; the others that queued behind it find the copy fresh and go on. */
  private synchronized void reloadIfStale(long now) {
    if (history == null || now - checkedAt > RECHECK_MS) {
      reload();
    }
  }

  private synchronized void reload() {
    try (Connection c = ds.getConnection()) {
      List<Catalogue> all = readAll(c);
      if (!all.isEmpty()) {
        history = new CatalogueHistory(all);
      }
      checkedAt = System.currentTimeMillis();
    } catch (SQLException e) {
      if (history == null) {
        throw new IllegalStateException("cannot read the filing standard", e);
      }
    }
  }

  private static List<Catalogue> readAll(Connection c) throws SQLException {
    List<Catalogue> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement("SELECT content FROM catalogue_version ORDER BY version");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(CatalogueJson.read(rs.getString(1)));
      }
    }
    return out;
  }
}
