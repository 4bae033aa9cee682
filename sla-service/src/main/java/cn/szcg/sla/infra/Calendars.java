package cn.szcg.sla.infra;

import cn.szcg.platform.sql.SqlValues;
import cn.szcg.sla.domain.DayOverride;
import cn.szcg.sla.domain.HolidayData;
import cn.szcg.sla.domain.IcsHolidayParser;
import cn.szcg.sla.domain.StageClockPolicy;
import cn.szcg.sla.domain.WorkCalendar;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The county's working-time calendars (工作日历), versioned in the database. Revision 1 is seeded from
 * the shipped {@code calendar/cn-holidays.json} (one row per State Council notice) on first start;
 * every change (a year's notice, an ICS import) makes a new revision with a new version string, and
 * the in-memory {@link WorkCalendar} of the latest revision is rebuilt. Older revisions stay
 * available by version: a running clock keeps measuring with the calendar it started under
 * (LESSONS: never recompute with today's rules).
 */
@ApplicationScoped
public class Calendars {

  private static final Logger LOG = Logger.getLogger(Calendars.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A notice row in force in a revision. */
  public record NoticeRow(
      long id, int year, String source, String title, String body, int addedRevision) {}

  /** A revision of the calendar. */
  public record Revision(
      int revision, String version, String reason, String createdBy, Instant createdAt) {}

  @Inject EntityManager em;

  private volatile WorkCalendar current;
  private volatile int currentRevision;
  private final Map<String, WorkCalendar> byVersion = new ConcurrentHashMap<>();

  /** The calendar of the latest revision. */
  public WorkCalendar current() {
    WorkCalendar c = current;
    if (c == null) {
      synchronized (this) {
        if (current == null) {
          QuarkusTransaction.requiringNew().run(this::seedIfEmpty);
          reload();
        }
        c = current;
      }
    }
    return c;
  }

  public int currentRevision() {
    current();
    return currentRevision;
  }

  /**
   * The calendar of a version (the one a clock started under); the current one if the version is
   * unknown (e.g. a clock stored before the calendar was versioned in the database).
   */
  public WorkCalendar byVersion(String version) {
    WorkCalendar cur = current();
    if (version == null || version.equals(cur.version())) {
      return cur;
    }
    WorkCalendar c = byVersion.get(version);
    if (c != null) {
      return c;
    }
    Integer rev =
        QuarkusTransaction.joiningExisting()
            .call(
                () -> {
                  List<?> r =
                      em.createNativeQuery(
                              "SELECT revision FROM calendar_revision WHERE version = ?1")
                          .setParameter(1, version)
                          .getResultList();
                  return r.isEmpty() ? null : ((Number) r.get(0)).intValue();
                });
    if (rev == null) {
      return cur;
    }
    c = build(rev, version);
    byVersion.put(version, c);
    return c;
  }

  /** The version of a calendar id, or whether it exists: for the calculator's optional calendar. */
  public boolean knows(String version) {
    return version.equals(current().version()) || byVersion(version) != current();
  }

  public StageClockPolicy policy() {
    return StageClockPolicy.MINQING_2016;
  }

  /** Rebuilds the current calendar from the database. */
  public synchronized void reload() {
    Object[] latest =
        QuarkusTransaction.joiningExisting()
            .call(
                () ->
                    (Object[])
                        em.createNativeQuery(
                                "SELECT revision, version FROM calendar_revision"
                                    + " ORDER BY revision DESC LIMIT 1")
                            .getSingleResult());
    int rev = ((Number) latest[0]).intValue();
    String version = (String) latest[1];
    WorkCalendar c = build(rev, version);
    byVersion.put(version, c);
    currentRevision = rev;
    current = c;
    LOG.infof("calendar %s (revision %d) in force", version, rev);
  }

  /**
   * Rebuilds the current calendar if another instance stored a newer revision (called by the
   * scheduler about every few seconds).
   */
  public void refreshIfChanged() {
    if (current == null) {
      return;
    }
    Number max =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (Number)
                        em.createNativeQuery("SELECT max(revision) FROM calendar_revision")
                            .getSingleResult());
    if (max != null && max.intValue() > currentRevision) {
      reload();
    }
  }

  /** Notices in force at a revision, in application order. */
  public List<NoticeRow> noticesAt(int revision) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        QuarkusTransaction.joiningExisting()
            .call(
                () ->
                    em.createNativeQuery(
                            "SELECT id, year, source, title, body, added_revision"
                                + " FROM calendar_notice WHERE added_revision <= ?1"
                                + " AND (superseded_revision IS NULL OR superseded_revision > ?1)"
                                + " ORDER BY id")
                        .setParameter(1, revision)
                        .getResultList());
    List<NoticeRow> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(
          new NoticeRow(
              ((Number) r[0]).longValue(),
              ((Number) r[1]).intValue(),
              (String) r[2],
              (String) r[3],
              (String) r[4],
              ((Number) r[5]).intValue()));
    }
    return out;
  }

  /** Every revision, newest first. */
  public List<Revision> revisions() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT revision, version, reason, created_by, created_at FROM calendar_revision"
                    + " ORDER BY revision DESC")
            .getResultList();
    List<Revision> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(
          new Revision(
              ((Number) r[0]).intValue(),
              (String) r[1],
              (String) r[2],
              (String) r[3],
              SqlValues.instant(r[4])));
    }
    return out;
  }

  /**
   * Stores a year's notice (szcg-holidays/1 document whose notices are all of {@code year});
   * earlier rows of the year (shipped, JSON or ICS) are superseded. Call inside a transaction; the
   * current calendar is rebuilt after commit by the caller ({@link #reload()}).
   */
  public Revision putYear(int year, String document, String actor, String reason) {
    int rev = newRevision(actor, reason == null ? "notice for " + year : reason);
    em.createNativeQuery(
            "UPDATE calendar_notice SET superseded_revision = ?1"
                + " WHERE year = ?2 AND superseded_revision IS NULL")
        .setParameter(1, rev)
        .setParameter(2, year)
        .executeUpdate();
    String title = titleOf(document, year);
    insertNotice(year, "JSON", title, document, rev);
    return revisionOf(rev);
  }

  /** Adds the days of an ICS file on top of the notices in force (not superseding them). */
  public Revision importIcs(int year, String ics, String title, String actor, String reason) {
    int rev = newRevision(actor, reason == null ? "ICS import for " + year : reason);
    insertNotice(year, "ICS", title, ics, rev);
    return revisionOf(rev);
  }

  // ----------------------------------------------------------------------------- internals

  void seedIfEmpty() {
    Number n =
        (Number) em.createNativeQuery("SELECT count(*) FROM calendar_revision").getSingleResult();
    if (n.longValue() > 0) {
      return;
    }
    em.createNativeQuery("LOCK TABLE calendar_revision IN EXCLUSIVE MODE").executeUpdate();
    n = (Number) em.createNativeQuery("SELECT count(*) FROM calendar_revision").getSingleResult();
    if (n.longValue() > 0) {
      return;
    }
    JsonNode shipped;
    try (InputStream in = resource(HolidayDataLoader.SHIPPED_HOLIDAYS)) {
      shipped = JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String version = shipped.path("version").asText();
    em.createNativeQuery(
            "INSERT INTO calendar_revision (revision, version, reason, created_by, created_at)"
                + " VALUES (1, ?1, ?2, 'system', ?3)")
        .setParameter(1, version)
        .setParameter(2, "seeded from the shipped " + HolidayDataLoader.SHIPPED_HOLIDAYS)
        .setParameter(3, Instant.now())
        .executeUpdate();
    for (JsonNode notice : shipped.path("notices")) {
      ObjectNode doc = JSON.createObjectNode();
      doc.put("format", "szcg-holidays/1");
      doc.put("region", shipped.path("region").asText("CN"));
      doc.put("version", version);
      ArrayNode arr = doc.putArray("notices");
      arr.add(notice);
      insertNotice(
          notice.path("year").asInt(),
          "SHIPPED",
          notice.path("title").asText(""),
          doc.toString(),
          1);
    }
  }

  private int newRevision(String actor, String reason) {
    em.createNativeQuery("LOCK TABLE calendar_revision IN EXCLUSIVE MODE").executeUpdate();
    Object[] last =
        (Object[])
            em.createNativeQuery(
                    "SELECT revision, version FROM calendar_revision"
                        + " ORDER BY revision LIMIT 1")
                .getSingleResult();
    String base = (String) last[1];
    int rev =
        ((Number)
                    em.createNativeQuery("SELECT max(revision) FROM calendar_revision")
                        .getSingleResult())
                .intValue()
            + 1;
    em.createNativeQuery(
            "INSERT INTO calendar_revision (revision, version, reason, created_by, created_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, rev)
        .setParameter(2, base + "+r" + rev)
        .setParameter(3, reason)
        .setParameter(4, actor)
        .setParameter(5, Instant.now())
        .executeUpdate();
    return rev;
  }

  private Revision revisionOf(int rev) {
    return revisions().stream().filter(r -> r.revision() == rev).findFirst().orElseThrow();
  }

  private void insertNotice(int year, String source, String title, String body, int rev) {
    em.createNativeQuery(
            "INSERT INTO calendar_notice (year, source, title, body, added_revision)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, year)
        .setParameter(2, source)
        .setParameter(3, title)
        .setParameter(4, body)
        .setParameter(5, rev)
        .executeUpdate();
  }

  private WorkCalendar build(int revision, String version) {
    WorkCalendar.Builder b;
    try (InputStream in = resource(HolidayDataLoader.SHIPPED_WORK_HOURS)) {
      b = HolidayDataLoader.readWorkHours(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int lastYear = Integer.MIN_VALUE;
    for (NoticeRow row : noticesAt(revision)) {
      b.overrides(overridesOf(row.source(), row.body()));
      lastYear = Math.max(lastYear, row.year());
    }
    if (lastYear != Integer.MIN_VALUE) {
      // the years with a stored notice (JSON or ICS) are certain; later ones are not
      b.certainThrough(lastYear);
    }
    return b.version(version).build();
  }

  /** The day overrides of a stored body (JSON notice document or ICS text). */
  public static List<DayOverride> overridesOf(String source, String body) {
    if ("ICS".equals(source)) {
      return IcsHolidayParser.parse(body);
    }
    HolidayData data =
        HolidayDataLoader.readHolidays(
            new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    return data.dayOverrides();
  }

  private static String titleOf(String document, int year) {
    try {
      JsonNode root = JSON.readTree(document);
      List<String> titles = new ArrayList<>();
      root.path("notices").forEach(n -> titles.add(n.path("title").asText("")));
      String t = String.join("; ", titles).trim();
      return t.isEmpty() ? year + "年节假日安排 / holidays " + year : t;
    } catch (IOException e) {
      return year + "年节假日安排 / holidays " + year;
    }
  }

  private static InputStream resource(String name) {
    InputStream in = Calendars.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("calendar resource missing from the class path: " + name);
    }
    return in;
  }
}
