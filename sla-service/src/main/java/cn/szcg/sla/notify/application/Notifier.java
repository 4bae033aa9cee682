package cn.szcg.sla.notify.application;

import cn.szcg.contracts.events.NotificationRaised;
import cn.szcg.platform.inbox.BatchingEventHandler;
import cn.szcg.platform.outbox.Outbox;
import cn.szcg.platform.tx.AfterCommit;
import cn.szcg.sla.notify.domain.Audience;
import cn.szcg.sla.notify.domain.Contact;
import cn.szcg.sla.notify.domain.Intent;
import cn.szcg.sla.notify.domain.QuietHours;
import cn.szcg.sla.notify.infra.NotifyStore;
import cn.szcg.sla.notify.infra.SmppSender;
import cn.szcg.sla.notify.infra.WebhookSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns an intent into notifications, one per person: the inbox row, the console delivery (SENT at
 * once: the {@link NotificationRaised} event through the outbox is its push), and a QUEUED delivery
 * per outward channel the person gets, held until the end of their quiet hours unless urgent. The
 * notification id derives from (source event, recipient, kind): a replayed event raises nothing
 * twice.
 */
@ApplicationScoped
public class Notifier {

  private static final Logger LOG = Logger.getLogger(Notifier.class);

  @Inject NotifyStore store;
  @Inject Outbox outbox;
  @Inject AfterCommit afterCommit;
  @Inject DeliveryWorker worker;
  @Inject SmppSender sms;
  @Inject WebhookSender webhook;

  /** The deterministic id of a notification. */
  public static String notificationId(String sourceEventId, String recipientId, String kind) {
    return UUID.nameUUIDFromBytes(
            (sourceEventId + "|" + recipientId + "|" + kind).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** Raises the notifications of one intent; returns how many were new. */
  @Transactional(Transactional.TxType.MANDATORY)
  public int raise(String sourceEventId, Intent intent, Instant now) {
    Batch b = batch(List.of(intent.audience()), now);
    b.add(sourceEventId, intent);
    return b.write();
  }

  /**
   * A batch for a poll of the consumer (issue 21): the directory entries of {@code audiences} are
   * read now in one statement; {@link Batch#add} collects the intents; {@link Batch#flush} writes
   * the notifications (one multi-row insert, which tells which are new), the deliveries of the new
   * ones (one more) and their {@link NotificationRaised} events (one JDBC batch) — four round trips
   * per poll instead of ~9 per event.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Batch batch(Collection<? extends Audience> audiences, Instant now) {
    return new Batch(store.resolveAll(audiences), Map.of(), now);
  }

  /**
   * As {@link #batch(Collection, Instant)}; first remembers the 受理号 of the cases filed in this poll
   * ({@code filed}, one statement when there are any), then reads those of {@code caseIds} in one
   * more, so the texts name a case as people know it ({@link Batch#caseLabel}).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Batch batch(
      Collection<? extends Audience> audiences,
      Collection<String> caseIds,
      Map<String, String> filed,
      Instant now) {
    store.rememberReportNumbers(filed);
    Map<String, String> labels = new HashMap<>(store.reportNumbers(caseIds));
    labels.putAll(filed);
    return new Batch(store.resolveAll(audiences), labels, now);
  }

  /** The intents of one poll, written at {@link #flush}. */
  public final class Batch implements BatchingEventHandler.Batch {
    private final Map<Audience, List<Contact>> directory;
    private final Instant now;
    private final List<String> sources = new ArrayList<>();
    private final List<Intent> intents = new ArrayList<>();

    private final Map<String, String> reportNumbers;

    private Batch(
        Map<Audience, List<Contact>> directory, Map<String, String> reportNumbers, Instant now) {
      this.directory = new HashMap<>(directory);
      this.reportNumbers = reportNumbers;
      this.now = now;
    }

    /** The case's 受理号 when this batch read it, else its id. */
    public String caseLabel(String caseId) {
      return caseId == null ? null : reportNumbers.getOrDefault(caseId, caseId);
    }

    public void add(String sourceEventId, Intent intent) {
      sources.add(sourceEventId);
      intents.add(intent);
    }

    @Override
    public void flush() {
      write();
    }

    /** Writes the batch; returns how many notifications were new. */
    int write() {
      long t0 = System.nanoTime();
      List<Audience> unknown =
          intents.stream()
              .map(Intent::audience)
              .filter(a -> !directory.containsKey(a))
              .distinct()
              .toList();
      if (!unknown.isEmpty()) {
        directory.putAll(store.resolveAll(unknown)); // an intent the read-ahead did not foresee
      }
      // one row per (event, person, kind), first occurrence wins (as the primary key would)
      Map<String, Pending> pending = new LinkedHashMap<>();
      for (int i = 0; i < intents.size(); i++) {
        Intent intent = intents.get(i);
        String source = sources.get(i);
        for (Contact c : people(intent)) {
          String id = notificationId(source, c.personId(), intent.kind().name());
          pending.putIfAbsent(id, new Pending(id, source, intent, c));
        }
      }
      if (pending.isEmpty()) {
        return 0;
      }
      List<NotifyStore.NewNotification> rows = new ArrayList<>(pending.size());
      for (Pending p : pending.values()) {
        rows.add(
            new NotifyStore.NewNotification(
                p.id(),
                p.contact().personId(),
                p.intent().kind().name(),
                p.intent().urgent(),
                p.intent().titleZh(),
                p.intent().titleEn(),
                p.intent().caseId(),
                p.source(),
                now));
      }
      Set<String> fresh = store.insertNotifications(rows);
      List<NotifyStore.NewDelivery> deliveries = new ArrayList<>();
      List<Outbox.Outgoing> events = new ArrayList<>();
      for (Pending p : pending.values()) {
        if (!fresh.contains(p.id())) {
          continue; // a replayed event: sent already
        }
        Intent intent = p.intent();
        Contact c = p.contact();
        deliveries.add(
            new NotifyStore.NewDelivery(p.id(), Contact.Channel.CONSOLE, "SENT", now, null, now));
        Instant release = QuietHours.release(c.quiet(), intent.urgent(), now);
        Instant held = release.isAfter(now) ? release : null;
        for (Contact.Channel ch : c.channels(intent.urgent())) {
          boolean on =
              switch (ch) {
                case CONSOLE -> false;
                case SMS -> sms.enabled();
                case WEBHOOK -> webhook.enabled();
              };
          if (on) {
            deliveries.add(new NotifyStore.NewDelivery(p.id(), ch, "QUEUED", release, held, now));
          }
        }
        events.add(
            new Outbox.Outgoing(
                c.personId(),
                new NotificationRaised(
                    p.id(),
                    c.personId(),
                    intent.kind().name(),
                    intent.urgent(),
                    intent.titleZh(),
                    intent.titleEn(),
                    intent.caseId(),
                    now),
                now));
      }
      store.insertDeliveries(deliveries);
      outbox.publishAll(events);
      if (!fresh.isEmpty()) {
        afterCommit.once(DeliveryWorker.class, worker::wake);
      }
      LOG.debugf(
          "notify batch: %d intents, %d new notifications, %d deliveries written in %d ms",
          intents.size(), fresh.size(), deliveries.size(), (System.nanoTime() - t0) / 1_000_000);
      return fresh.size();
    }

    private List<Contact> people(Intent intent) {
      List<Contact> people = directory.getOrDefault(intent.audience(), List.of());
      if (people.isEmpty() && intent.audience() instanceof Audience.Person p) {
        // a person the directory does not know still gets the inbox entry
        return List.of(
            new Contact(
                p.personId(),
                p.personId(),
                "",
                null,
                null,
                true,
                null,
                null,
                null,
                null,
                false,
                false,
                null));
      }
      if (people.isEmpty()) {
        LOG.warnf("no one on duty for %s (%s): nobody told", intent.audience(), intent.kind());
      }
      return people;
    }
  }

  private record Pending(String id, String source, Intent intent, Contact contact) {}
}
