package cn.szcg.gis.infra;

import cn.szcg.contracts.events.Zone;
import cn.szcg.gis.domain.ComponentClass;
import cn.szcg.gis.domain.ComponentClassCatalogue;
import cn.szcg.gis.domain.locate.LocateIndex;
import cn.szcg.platform.tx.AfterCommit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Keeps the {@link LocateIndex} layers (areas, grids with zones, components) in memory and fresh.
 *
 * <p>Every change of a layer (an import of areas, grids or components; a zone change) bumps the
 * layer's row in {@code map_version} in its own transaction. Each instance polls that table every
 * {@code szcg.gis.locate-index.poll} (default 1 s) and reloads a layer whose version moved; a
 * change committed by this instance is noted at commit, so its own next locate is already right.
 * While a layer is behind the known version (loading at start, reloading after a change), {@link
 * #fresh()} is false and locate answers from PostGIS as before — never an answer older than the
 * last change this instance has seen. Other instances see a change within one poll interval.
 */
@ApplicationScoped
public class MapIndex {

  private static final Logger LOG = Logger.getLogger(MapIndex.class);

  /** The layers, as named in {@code map_version}. */
  public enum Layer {
    AREAS("areas"),
    GRIDS("grids"),
    COMPONENTS("components");

    final String row;

    Layer(String row) {
      this.row = row;
    }
  }

  @Inject DataSource dataSource;
  @Inject AfterCommit afterCommit;

  @ConfigProperty(name = "szcg.gis.locate-index.enabled", defaultValue = "true")
  boolean enabled;

  @ConfigProperty(name = "szcg.gis.locate-index.poll", defaultValue = "PT1S")
  Duration poll;

  private final ComponentClassCatalogue catalogue = ComponentClassesJson.loadDefault();
  private final Map<Layer, Long> known = new ConcurrentHashMap<>();
  private volatile LocateIndex.Areas areas;
  private volatile LocateIndex.Grids grids;
  private volatile LocateIndex.Components components;
  private ScheduledExecutorService worker;

  void start(@Observes StartupEvent ev) {
    if (!enabled) {
      return;
    }
    worker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "gis-map-index");
              t.setDaemon(true);
              return t;
            });
    worker.scheduleWithFixedDelay(this::pollAndRefresh, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
  }

  void stop(@Observes ShutdownEvent ev) {
    if (worker != null) {
      worker.shutdownNow();
    }
  }

  /** True when every layer is loaded at the latest version this instance knows of. */
  public boolean fresh() {
    LocateIndex.Areas a = areas;
    LocateIndex.Grids g = grids;
    LocateIndex.Components c = components;
    return a != null
        && g != null
        && c != null
        && a.version() >= known.getOrDefault(Layer.AREAS, 0L)
        && g.version() >= known.getOrDefault(Layer.GRIDS, 0L)
        && c.version() >= known.getOrDefault(Layer.COMPONENTS, 0L);
  }

  public LocateIndex.Areas areas() {
    return areas;
  }

  public LocateIndex.Grids grids() {
    return grids;
  }

  public LocateIndex.Components components() {
    return components;
  }

  /** Waits until {@link #fresh()} (tests, benchmarks); false on timeout. */
  public boolean awaitFresh(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!fresh()) {
      if (System.nanoTime() > end) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }

  /**
   * Records a change of {@code layer} in the current transaction: bumps its version; at commit this
   * instance knows the new version (and stops answering from the old layer) and reloads.
   */
  public void changed(Connection c, Layer layer) throws SQLException {
    long v;
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE map_version SET version = version + 1 WHERE layer = ? RETURNING version")) {
      ps.setString(1, layer.row);
      try (ResultSet rs = ps.executeQuery()) {
        v = rs.next() ? rs.getLong(1) : 0;
      }
    }
    afterCommit.run(
        () -> {
          known.merge(layer, v, Math::max);
          if (worker != null) {
            worker.execute(MapIndex.this::pollAndRefresh);
          }
        });
  }

  // ------------------------------------------------------------------ loading

  private void pollAndRefresh() {
    try {
      Map<Layer, Long> db = new HashMap<>();
      try (Connection c = dataSource.getConnection();
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT layer, version FROM map_version")) {
        while (rs.next()) {
          for (Layer l : Layer.values()) {
            if (l.row.equals(rs.getString(1))) {
              db.put(l, rs.getLong(2));
            }
          }
        }
      }
      db.forEach((l, v) -> known.merge(l, v, Math::max));
      if (areas == null || areas.version() < known.getOrDefault(Layer.AREAS, 0L)) {
        load(Layer.AREAS);
      }
      if (grids == null || grids.version() < known.getOrDefault(Layer.GRIDS, 0L)) {
        load(Layer.GRIDS);
      }
      if (components == null || components.version() < known.getOrDefault(Layer.COMPONENTS, 0L)) {
        load(Layer.COMPONENTS);
      }
    } catch (Exception e) {
      // the database may be away for a moment: locate falls back to it (and fails there) meanwhile
      LOG.warnf("map index refresh failed: %s", e.toString());
    }
  }

  private void load(Layer layer) {
    long t0 = System.nanoTime();
    int n =
        QuarkusTransaction.requiringNew()
            .timeout(1800)
            .call(
                () -> {
                  try (Connection c = dataSource.getConnection()) {
                    long v = version(c, layer);
                    return switch (layer) {
                      case AREAS -> {
                        areas = new LocateIndex.Areas(v, loadAreas(c));
                        yield areas.size();
                      }
                      case GRIDS -> {
                        grids = new LocateIndex.Grids(v, loadGrids(c));
                        yield grids.size();
                      }
                      case COMPONENTS -> {
                        components = new LocateIndex.Components(v, loadComponents(c));
                        yield components.size();
                      }
                    };
                  }
                });
    LOG.infof(
        "map index: %s loaded (%,d) in %,d ms", layer.row, n, (System.nanoTime() - t0) / 1_000_000);
  }

  /** The version is read before the rows: the rows are at least as new as the version says. */
  private static long version(Connection c, Layer layer) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT version FROM map_version WHERE layer = ?")) {
      ps.setString(1, layer.row);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  private static List<LocateIndex.Area> loadAreas(Connection c) throws SQLException {
    List<LocateIndex.Area> out = new ArrayList<>();
    WKBReader wkb = new WKBReader();
    try (Statement st = c.createStatement()) {
      st.setFetchSize(1000);
      try (ResultSet rs =
          st.executeQuery(
              "SELECT code, name, level, parent_code, ST_AsBinary(geom) FROM admin_area")) {
        while (rs.next()) {
          out.add(
              new LocateIndex.Area(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  geometry(wkb, rs.getBytes(5))));
        }
      }
    }
    return out;
  }

  private static List<LocateIndex.Grid> loadGrids(Connection c) throws SQLException {
    Map<String, List<LocateIndex.ZoneSpan>> zones = new HashMap<>();
    try (Statement st = c.createStatement()) {
      st.setFetchSize(10_000);
      try (ResultSet rs =
          st.executeQuery(
              "SELECT grid_code, zone, valid_from, valid_to FROM grid_zone ORDER BY grid_code,"
                  + " valid_from")) {
        while (rs.next()) {
          Timestamp to = rs.getTimestamp(4);
          zones
              .computeIfAbsent(rs.getString(1), k -> new ArrayList<>(1))
              .add(
                  new LocateIndex.ZoneSpan(
                      Zone.valueOf(rs.getString(2)),
                      LocateIndex.micros(rs.getTimestamp(3).toInstant()),
                      to == null ? Long.MAX_VALUE : LocateIndex.micros(to.toInstant())));
        }
      }
    }
    List<LocateIndex.Grid> out = new ArrayList<>();
    WKBReader wkb = new WKBReader();
    try (Statement st = c.createStatement()) {
      st.setFetchSize(10_000);
      try (ResultSet rs =
          st.executeQuery(
              "SELECT code, effective_from, effective_to, ST_AsBinary(geom) FROM unit_grid")) {
        while (rs.next()) {
          String code = rs.getString(1);
          java.sql.Date to = rs.getDate(3);
          List<LocateIndex.ZoneSpan> z = zones.getOrDefault(code, List.of());
          out.add(
              new LocateIndex.Grid(
                  code,
                  geometry(wkb, rs.getBytes(4)),
                  rs.getDate(2).toLocalDate(),
                  to == null ? null : to.toLocalDate(),
                  List.copyOf(z)));
        }
      }
    }
    return out;
  }

  private List<LocateIndex.Component> loadComponents(Connection c) throws SQLException {
    List<LocateIndex.Component> out = new ArrayList<>();
    // names, owners, classes … repeat: one String each
    Map<String, String> strings = new HashMap<>();
    WKBReader wkb = new WKBReader();
    try (Statement st = c.createStatement()) {
      st.setFetchSize(10_000);
      try (ResultSet rs =
          st.executeQuery(
              "SELECT id, class_code, name, state, department, owner, maintainer, grid_code,"
                  + " ST_AsGeoJSON(geom, 7), ST_AsBinary(geom) FROM component")) {
        while (rs.next()) {
          String cls = shared(strings, rs.getString(2));
          out.add(
              new LocateIndex.Component(
                  rs.getString(1),
                  cls,
                  cls == null ? null : shared(strings, className(cls)),
                  shared(strings, rs.getString(3)),
                  shared(strings, rs.getString(4)),
                  shared(strings, rs.getString(5)),
                  shared(strings, rs.getString(6)),
                  shared(strings, rs.getString(7)),
                  shared(strings, rs.getString(8)),
                  geometry(wkb, rs.getBytes(10)),
                  rs.getString(9)));
        }
      }
    }
    return out;
  }

  private String className(String cls) {
    return catalogue.find(cls).map(ComponentClass::nameZh).orElse(null);
  }

  private static String shared(Map<String, String> pool, String s) {
    return s == null ? null : pool.computeIfAbsent(s, k -> k);
  }

  private static Geometry geometry(WKBReader wkb, byte[] b) {
    try {
      return wkb.read(b);
    } catch (ParseException e) {
      throw new IllegalStateException("unreadable geometry", e);
    }
  }
}
