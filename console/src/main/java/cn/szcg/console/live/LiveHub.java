package cn.szcg.console.live;

import cn.szcg.console.ConsoleConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The open push streams (实时推送) of this console replica and what each is sent: every {@link Change}
 * the Kafka feed reads that the stream's person may hear of ({@link Audience}: the command center
 * every change, a unit the changes of its cases, a collector those of its reports and tasks), as
 * one SSE frame {@code data: {kind,id,change,at}}, and a comment line as heartbeat every {@code
 * szcg.console.live.heartbeat} (15 s) so that proxies keep the connection and the browser notices a
 * dead one.
 *
 * <p>A slow client never holds memory without bound: frames waiting for its event loop are counted
 * ({@code max-pending}) and its connection's write queue is capped ({@code client-buffer} bytes); a
 * client over either limit is dropped (its connection closed). The browser then reconnects and
 * re-reads its screen through the owning services, so nothing is lost but a little time. A stream
 * also ends when the token it was opened with expires (an {@code event: reauth} frame first): the
 * browser reconnects with its renewed token, so nobody keeps a stream longer than their token.
 */
@ApplicationScoped
public class LiveHub {

  private static final Logger LOG = Logger.getLogger(LiveHub.class);
  static final String HEARTBEAT = ": heartbeat\n\n";
  static final String REAUTH = "event: reauth\ndata: {}\n\n";

  private final Set<Client> clients = ConcurrentHashMap.newKeySet();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong published = new AtomicLong();
  private final ConsoleConfig.Live config;
  private final Vertx vertx;
  private long heartbeatTimer = -1;

  LiveHub(ConsoleConfig config, Vertx vertx) {
    this.config = config.live();
    this.vertx = vertx;
  }

  void start(@Observes StartupEvent ev) {
    heartbeatTimer =
        vertx.setPeriodic(
            config.heartbeat().toMillis(), id -> clients.forEach(c -> c.send(HEARTBEAT)));
  }

  void stop(@Observes ShutdownEvent ev) {
    if (heartbeatTimer >= 0) {
      vertx.cancelTimer(heartbeatTimer);
    }
    clients.forEach(c -> c.close("shutdown"));
  }

  /** Sends one change to the command center's open streams of this replica. */
  public void publish(Change change) {
    publish(change, Audience.CENTER_ONLY);
  }

  /**
   * Sends one change to every open stream of this replica whose person may hear of it: the command
   * center's, and the units' and collectors' of its {@code audience}.
   */
  public void publish(Change change, Audience audience) {
    published.incrementAndGet();
    String frame = "data: " + change.toJson() + "\n\n";
    clients.forEach(
        c -> {
          if (audience.reaches(c.who, c.viewer)) {
            c.send(frame);
          }
        });
  }

  /**
   * Starts a stream on {@code response} (headers already set), owned by {@code context} (the
   * request's event loop); ends it at {@code expiresAt} (the token's end) if given.
   */
  Client attach(
      HttpServerResponse response,
      Context context,
      Instant expiresAt,
      String who,
      Audience.Viewer viewer) {
    Client c = new Client(response, context, who, viewer);
    response.setWriteQueueMaxSize(config.clientBuffer());
    response.closeHandler(v -> c.close(null));
    response.exceptionHandler(e -> c.close(null));
    clients.add(c);
    context.runOnContext(v -> response.write(": 实时 live\n\n"));
    if (expiresAt != null) {
      long ms = Math.max(1, expiresAt.toEpochMilli() - System.currentTimeMillis());
      c.expiryTimer =
          vertx.setTimer(
              ms,
              id ->
                  context.runOnContext(
                      x -> {
                        if (!c.closed.get()) {
                          response.write(REAUTH);
                          c.close("token expired");
                        }
                      }));
    }
    return c;
  }

  /** Open streams of this replica. */
  public int clients() {
    return clients.size();
  }

  /** Streams dropped for being too slow since start. */
  public long dropped() {
    return dropped.get();
  }

  /** Changes published since start. */
  public long published() {
    return published.get();
  }

  /** One open stream. */
  final class Client {
    private final HttpServerResponse response;
    private final Context context;
    private final String who;
    private final Audience.Viewer viewer;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private long expiryTimer = -1;

    Client(HttpServerResponse response, Context context, String who, Audience.Viewer viewer) {
      this.response = response;
      this.context = context;
      this.who = who;
      this.viewer = viewer;
    }

    void send(String frame) {
      if (closed.get()) {
        return;
      }
      if (pending.incrementAndGet() > config.maxPending()) {
        drop();
        return;
      }
      context.runOnContext(
          v -> {
            pending.decrementAndGet();
            if (closed.get()) {
              return;
            }
            if (response.writeQueueFull()) {
              drop();
              return;
            }
            response.write(frame);
          });
    }

    private void drop() {
      if (!closed.get()) {
        dropped.incrementAndGet();
        close("too slow: dropped, the browser reconnects and re-reads");
      }
    }

    void close(String why) {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      clients.remove(this);
      if (expiryTimer >= 0) {
        vertx.cancelTimer(expiryTimer);
      }
      if (why != null) {
        LOG.debugf("live stream of %s closed: %s", who, why);
        // closing the connection (not ending the chunked body) frees its buffered frames at once
        context.runOnContext(v -> response.close());
      }
    }
  }
}
