package cn.szcg.sla.notify.application;

import cn.szcg.contracts.events.NotificationRaised;
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
import java.util.List;
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
    List<Contact> people = store.resolve(intent.audience());
    if (people.isEmpty() && intent.audience() instanceof Audience.Person p) {
      // a person the directory does not know still gets the inbox entry
      people =
          List.of(
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
      return 0;
    }
    int raised = 0;
    for (Contact c : people) {
      String id = notificationId(sourceEventId, c.personId(), intent.kind().name());
      boolean fresh =
          store.insertNotification(
              id,
              c.personId(),
              intent.kind().name(),
              intent.urgent(),
              intent.titleZh(),
              intent.titleEn(),
              intent.caseId(),
              sourceEventId,
              now);
      if (!fresh) {
        continue;
      }
      raised++;
      store.insertDelivery(id, Contact.Channel.CONSOLE, "SENT", now, null, now);
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
          store.insertDelivery(id, ch, "QUEUED", release, held, now);
        }
      }
      outbox.publish(
          c.personId(),
          new NotificationRaised(
              id,
              c.personId(),
              intent.kind().name(),
              intent.urgent(),
              intent.titleZh(),
              intent.titleEn(),
              intent.caseId(),
              now));
    }
    if (raised > 0) {
      afterCommit.once(DeliveryWorker.class, worker::wake);
    }
    return raised;
  }
}
