package cn.szcg.sla.notify.application;

import cn.szcg.sla.notify.domain.Backoff;
import cn.szcg.sla.notify.domain.ChannelSender;
import cn.szcg.sla.notify.domain.ChannelSender.SendFailure;
import cn.szcg.sla.notify.domain.Message;
import cn.szcg.sla.notify.infra.NotifyStore;
import cn.szcg.sla.notify.infra.SmppSender;
import cn.szcg.sla.notify.infra.WebhookSender;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends the queued deliveries, one thread per outward channel (an SMSC outage never delays the
 * robots, nor the reverse). A delivery is claimed (SENDING, leased), sent, then marked SENT with
 * the provider's reference — or QUEUED again after the back-off, or FAILED with the reason after
 * the last attempt or a permanent refusal. At-least-once: a claim whose lease runs out (the service
 * died between the submit and the commit of SENT) is sent again with the same notification id.
 */
@ApplicationScoped
public class DeliveryWorker {

  private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

  @Inject NotifyStore store;
  @Inject SmppSender sms;
  @Inject WebhookSender webhook;

  @ConfigProperty(name = "szcg.notify.worker.enabled", defaultValue = "true")
  boolean enabled;

  @ConfigProperty(name = "szcg.notify.worker.poll", defaultValue = "PT1S")
  Duration poll;

  @ConfigProperty(name = "szcg.notify.worker.lease", defaultValue = "PT2M")
  Duration lease;

  @ConfigProperty(name = "szcg.notify.worker.batch", defaultValue = "100")
  int batch;

  @ConfigProperty(name = "szcg.notify.backoff.base", defaultValue = "PT2S")
  Duration backoffBase;

  @ConfigProperty(name = "szcg.notify.backoff.cap", defaultValue = "PT1M")
  Duration backoffCap;

  @ConfigProperty(name = "szcg.notify.backoff.max-attempts", defaultValue = "30")
  int maxAttempts;

  /** One wake-up flag per channel thread. */
  private static final class Signal {
    boolean woken;
  }

  private final List<Signal> signals = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile boolean running;
  private final List<Thread> threads = new ArrayList<>();

  void onStart(@Observes StartupEvent ev) {
    if (enabled) {
      start();
    }
  }

  void onStop(@Observes ShutdownEvent ev) {
    stop();
  }

  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    Backoff backoff = new Backoff(backoffBase, backoffCap, maxAttempts);
    for (ChannelSender s : List.<ChannelSender>of(sms, webhook)) {
      Signal signal = new Signal();
      signals.add(signal);
      Thread t =
          new Thread(() -> loop(s, backoff, signal), "notify-" + s.channel().name().toLowerCase());
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
  }

  public synchronized void stop() {
    running = false;
    wake();
    for (Thread t : threads) {
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    threads.clear();
    signals.clear();
  }

  /** New deliveries were committed: look now. */
  public void wake() {
    for (Signal s : signals) {
      synchronized (s) {
        s.woken = true;
        s.notifyAll();
      }
    }
  }

  private void loop(ChannelSender sender, Backoff backoff, Signal signal) {
    while (running) {
      try {
        int n;
        do {
          n = pass(sender, backoff);
        } while (n >= batch && running);
        synchronized (signal) {
          if (!signal.woken && running) {
            signal.wait(poll.toMillis());
          }
          signal.woken = false;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warnf(
            "notify %s worker retries after: %s", sender.channel(), e.getClass().getSimpleName());
        sleep(1000);
      }
    }
  }

  /** One pass: claims and sends what is due on one channel; returns how many were claimed. */
  public int pass(ChannelSender sender, Backoff backoff) {
    long t0 = System.nanoTime();
    List<Message> due = store.claimDue(sender.channel(), batch, lease);
    long claimed = System.nanoTime();
    List<NotifyStore.Outcome> outcomes = new ArrayList<>(due.size());
    for (Message m : due) {
      outcomes.add(deliver(sender, backoff, m));
      if (outcomes.size() >= 20) {
        // the batch's states in one transaction (not one commit per SMS), every 20 sends so that a
        // receipt finds its message id soon
        store.record(outcomes);
        outcomes.clear();
      }
    }
    store.record(outcomes);
    if (!due.isEmpty() && LOG.isDebugEnabled()) {
      // issue 21: where a notification's latency goes (claim vs. submits and state writes)
      LOG.debugf(
          "notify %s pass: %d claimed in %d ms, sent and recorded in %d ms",
          sender.channel(),
          due.size(),
          (claimed - t0) / 1_000_000,
          (System.nanoTime() - claimed) / 1_000_000);
    }
    return due.size();
  }

  NotifyStore.Outcome deliver(ChannelSender sender, Backoff backoff, Message m) {
    try {
      String ref = sender.send(m);
      return NotifyStore.Outcome.sent(m, ref);
    } catch (SendFailure f) {
      if (f.retryable() && backoff.retries(m.attempt())) {
        Instant next = Instant.now().plus(backoff.delayAfter(m.attempt()));
        LOG.infof(
            "notify %s %s attempt %d failed (%s), again at %s",
            m.channel(), m.notificationId(), m.attempt(), f.getMessage(), next);
        return NotifyStore.Outcome.retry(m, next, f.getMessage());
      }
      LOG.warnf("notify %s %s failed: %s", m.channel(), m.notificationId(), f.getMessage());
      return NotifyStore.Outcome.failed(m, f.getMessage());
    }
  }

  /** The channel senders (tests). */
  public List<ChannelSender> senders() {
    return List.of(sms, webhook);
  }

  public Backoff backoff() {
    return new Backoff(backoffBase, backoffCap, maxAttempts);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
