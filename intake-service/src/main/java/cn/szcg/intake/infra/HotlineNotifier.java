package cn.szcg.intake.infra;

import cn.szcg.platform.sql.SqlValues;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Pushes status changes to the hotline platform (热线) when {@code szcg.hotline.webhook-url} is set:
 * rows of {@code hotline_status} (written in the transaction of the state change) are POSTed in id
 * order as JSON; a 2xx marks the row delivered, anything else retries with exponential back-off (1
 * s, 2 s, 4 s … capped at 10 min). The receiver deduplicates by {@code eventId}. Without a URL
 * nothing is pushed and the hotline pulls (GET /api/v1/hotline/...).
 *
 * <p>Every callback is signed ({@link WebhookSignature}): {@code X-Szcg-Timestamp} (Unix seconds of
 * this attempt), {@code X-Szcg-Signature: sha256=<hex>} = HMAC-SHA256 with {@code
 * szcg.hotline.webhook-secret} ({@code SZCG_HOTLINE_WEBHOOK_SECRET}) over {@code timestamp + "." +
 * body}, and {@code X-Szcg-Event-Id} (= {@code eventId}). With a URL but no secret (or one shorter
 * than 32 characters) the packaged application (launch mode NORMAL: prod or any other profile)
 * refuses to start; dev and test mode log a warning and send unsigned.
 */
@ApplicationScoped
public class HotlineNotifier {

  private static final Logger LOG = Logger.getLogger(HotlineNotifier.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject EntityManager em;
  @Inject javax.sql.DataSource ds;

  @ConfigProperty(name = "szcg.hotline.webhook-url")
  Optional<String> webhookUrl;

  /** The secret shared with the hotline platform (HMAC-SHA256 key of the callbacks). */
  @ConfigProperty(name = "szcg.hotline.webhook-secret")
  Optional<String> webhookSecret;

  @ConfigProperty(name = "szcg.hotline.interval-ms", defaultValue = "2000")
  long intervalMs;

  @ConfigProperty(name = "szcg.hotline.max-backoff-ms", defaultValue = "600000")
  long maxBackoffMs;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
  private PeriodicTask timer;

  /** Minimum length of the secret in prod (e.g. {@code openssl rand -hex 32} gives 64). */
  static final int MIN_SECRET_LENGTH = 32;

  void start(@Observes StartupEvent ev) {
    if (webhookUrl.isEmpty() || webhookUrl.get().isBlank()) {
      return;
    }
    String problem = secretProblem(webhookSecret.orElse(null));
    if (problem != null) {
      if (LaunchMode.current() == LaunchMode.NORMAL) {
        throw new IllegalStateException(
            "szcg.hotline.webhook-url is set but "
                + problem
                + ": set SZCG_HOTLINE_WEBHOOK_SECRET (the secret shared with the hotline platform,"
                + " docs/intake.md §6) or unset the webhook URL");
      }
      LOG.warnf(
          "hotline webhook: %s — callbacks are sent UNSIGNED (allowed in %s mode only)",
          problem, LaunchMode.current());
    }
    timer = PeriodicTask.start("intake-hotline-webhook", intervalMs, LOG, this::round);
  }

  void stop(@Observes ShutdownEvent ev) {
    if (timer != null) {
      timer.stop();
    }
  }

  /** Why the secret cannot sign, or null when it can. */
  static String secretProblem(String secret) {
    if (secret == null || secret.isBlank()) {
      return "no szcg.hotline.webhook-secret is configured";
    }
    if (secret.length() < MIN_SECRET_LENGTH) {
      return "szcg.hotline.webhook-secret is shorter than " + MIN_SECRET_LENGTH + " characters";
    }
    return null;
  }

  /**
   * Sends due rows; returns how many were delivered. One sender at a time across all replicas: the
   * round holds a PostgreSQL session advisory lock (released when the round ends or the replica's
   * connection dies), so with several intake replicas a status change is not sent once per replica
   * and the order per ticket holds. A replica that finds the lock taken skips its round.
   */
  public int round() {
    if (webhookUrl.isEmpty()) {
      return 0;
    }
    try (Connection lock = ds.getConnection()) {
      if (!tryLock(lock, "SELECT pg_try_advisory_lock(?)")) {
        return 0;
      }
      try {
        return send();
      } finally {
        tryLock(lock, "SELECT pg_advisory_unlock(?)");
      }
    } catch (SQLException e) {
      LOG.warnf("hotline sender lock unavailable, round skipped: %s", e.toString());
      return 0;
    }
  }

  private static boolean tryLock(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, SENDER_LOCK);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /** The advisory lock key of the hotline sender (any constant unique in intake's database). */
  static final long SENDER_LOCK = 4242002L;

  /**
   * The last round failed: the next rounds read only the first due row (the one that failed, once
   * its back-off is over) until the hotline answers again, instead of 100 rows and their reports
   * each time (docs/intake.md §10).
   */
  private volatile boolean probing;

  private int send() {
    int limit = probing ? 1 : 100;
    @SuppressWarnings("unchecked")
    List<Object[]> due =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    em.createNativeQuery(
                            "SELECT h.id, h.source_ref, h.status, h.at, h.attempts, r.report_no,"
                                + " h.next_attempt_at <= now() FROM (SELECT id, report_id,"
                                + " source_ref, status, at, attempts, next_attempt_at"
                                + " FROM hotline_status WHERE delivered_at IS NULL"
                                + " ORDER BY id LIMIT "
                                + limit
                                + ") h JOIN report r ON r.id = h.report_id ORDER BY h.id")
                        .getResultList());
    List<Long> delivered = new ArrayList<>();
    Long failedId = null;
    String failure = null;
    int failedAttempts = 0;
    boolean waiting = false;
    for (Object[] row : due) {
      if (!Boolean.TRUE.equals(row[6])) {
        // the first undelivered change is backing off after a failure: later ones wait for it
        waiting = true;
        break;
      }
      long id = ((Number) row[0]).longValue();
      String error = deliver(id, row);
      if (Thread.currentThread().isInterrupted()) {
        break;
      }
      if (error == null) {
        delivered.add(id);
      } else {
        failedId = id;
        failure = error;
        failedAttempts = ((Number) row[4]).intValue();
        break; // keep the order: retry this row before later ones
      }
    }
    mark(delivered, failedId, failure, failedAttempts);
    probing = failedId != null || waiting;
    return delivered.size();
  }

  /** POSTs one row; null when the hotline took it (2xx), else why not. */
  private String deliver(long id, Object[] row) {
    ObjectNode body = JSON.createObjectNode();
    body.put("eventId", "intake-hotline-" + id);
    body.put("sourceRef", (String) row[1]);
    body.put("reportNo", (String) row[5]);
    body.put("status", (String) row[2]);
    body.put("at", SqlValues.instant(row[3]).toString());
    String json = body.toString();
    try {
      HttpRequest.Builder req =
          HttpRequest.newBuilder(URI.create(webhookUrl.get()))
              .timeout(Duration.ofSeconds(2))
              .header("Content-Type", "application/json; charset=UTF-8")
              .header(WebhookSignature.EVENT_ID, body.get("eventId").asText());
      String secret = webhookSecret.orElse("");
      if (!secret.isBlank()) {
        // a fresh timestamp per attempt: a retry after the back-off is not refused as stale
        long ts = Instant.now().getEpochSecond();
        req.header(WebhookSignature.TIMESTAMP, Long.toString(ts))
            .header(WebhookSignature.SIGNATURE, WebhookSignature.sign(secret, ts, json));
      }
      HttpResponse<Void> res =
          http.send(
              req.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
              HttpResponse.BodyHandlers.discarding());
      return res.statusCode() / 100 == 2 ? null : "HTTP " + res.statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (Exception e) {
      return e.getClass().getSimpleName();
    }
  }

  /**
   * Marks the round's delivered rows in one statement and the failed row's back-off in another. A
   * crash between a POST and this mark sends the row again (the receiver deduplicates by eventId).
   */
  private void mark(List<Long> delivered, Long failedId, String failure, int attempts) {
    if (delivered.isEmpty() && failedId == null) {
      return;
    }
    try (Connection c = ds.getConnection()) {
      if (!delivered.isEmpty()) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "UPDATE hotline_status SET attempts = attempts + 1, delivered_at = now(),"
                    + " last_error = NULL WHERE id = ANY(?)")) {
          ps.setArray(1, c.createArrayOf("bigint", delivered.toArray()));
          ps.executeUpdate();
        }
      }
      if (failedId != null) {
        long backoff = Math.min(maxBackoffMs, 1000L << Math.min(attempts, 20));
        try (PreparedStatement ps =
            c.prepareStatement(
                "UPDATE hotline_status SET attempts = attempts + 1, last_error = ?,"
                    + " next_attempt_at = ? WHERE id = ?")) {
          ps.setString(1, failure);
          ps.setTimestamp(2, Timestamp.from(Instant.now().plusMillis(backoff)));
          ps.setLong(3, failedId);
          ps.executeUpdate();
        }
      }
    } catch (SQLException e) {
      // not marked: the rows are sent again next round (deduplicated by eventId)
      LOG.warnf("hotline sender could not mark %d row(s): %s", delivered.size(), e.toString());
    }
  }
}
