package cn.szcg.sla.notify.infra;

import cn.szcg.sla.notify.domain.Audience;
import cn.szcg.sla.notify.domain.Contact;
import cn.szcg.sla.notify.domain.Message;
import cn.szcg.sla.notify.domain.PhoneMask;
import cn.szcg.sla.notify.domain.QuietHours;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The notification tables (V20__notifications.sql): the contact directory, the notifications (the
 * console inbox) and their per-channel deliveries. The only class of the notify part that holds
 * SQL.
 */
@ApplicationScoped
public class NotifyStore {

  @Inject EntityManager em;

  private static final String CONTACT_COLUMNS =
      "person_id, display_name, role, unit_id, collector_id, on_duty, phone, webhook_kind,"
          + " webhook_url, webhook_secret, sms_enabled, webhook_enabled, quiet_start, quiet_end";

  // --- directory -------------------------------------------------------------------------------

  /** The persons of an audience (unit roles: only those on duty). */
  @SuppressWarnings("unchecked")
  public List<Contact> resolve(Audience audience) {
    Query q;
    if (audience instanceof Audience.Person p) {
      q =
          em.createNativeQuery(
              "SELECT " + CONTACT_COLUMNS + " FROM notify_contact WHERE person_id = ?1");
      q.setParameter(1, p.personId());
    } else if (audience instanceof Audience.UnitRole u) {
      q =
          em.createNativeQuery(
              "SELECT "
                  + CONTACT_COLUMNS
                  + " FROM notify_contact"
                  + " WHERE unit_id = ?1 AND role = ?2 AND on_duty ORDER BY person_id");
      q.setParameter(1, u.unitId()).setParameter(2, u.role());
    } else if (audience instanceof Audience.CenterRole c) {
      q =
          em.createNativeQuery(
              "SELECT "
                  + CONTACT_COLUMNS
                  + " FROM notify_contact"
                  + " WHERE role = ?1 AND on_duty ORDER BY person_id");
      q.setParameter(1, c.role());
    } else {
      Audience.Collector c = (Audience.Collector) audience;
      q =
          em.createNativeQuery(
              "SELECT " + CONTACT_COLUMNS + " FROM notify_contact WHERE collector_id = ?1");
      q.setParameter(1, c.collectorId());
    }
    List<Contact> out = new ArrayList<>();
    for (Object[] r : (List<Object[]>) q.getResultList()) {
      out.add(contactOf(r));
    }
    return out;
  }

  /**
   * Remembers the 受理号 of filed cases (notify_case, the notify part's own copy: intake's case-filed
   * events), in one statement; a case already known is left as it is.
   */
  public void rememberReportNumbers(Map<String, String> byCase) {
    if (byCase.isEmpty()) {
      return;
    }
    em.createNativeQuery(
            "INSERT INTO notify_case (case_id, report_no)"
                + " SELECT * FROM unnest(CAST(?1 AS text[]), CAST(?2 AS text[]))"
                + " ON CONFLICT (case_id) DO NOTHING")
        .setParameter(1, array(byCase.keySet()))
        .setParameter(2, array(byCase.values()))
        .executeUpdate();
  }

  /**
   * The 受理号 (report numbers) of these cases as the notify part keeps them (notify_case), in one
   * statement; a case not (yet) known there is left out. None asked, none read.
   */
  @SuppressWarnings("unchecked")
  public Map<String, String> reportNumbers(Collection<String> caseIds) {
    if (caseIds.isEmpty()) {
      return Map.of();
    }
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT case_id, report_no FROM notify_case"
                    + " WHERE case_id = ANY(CAST(?1 AS text[]))")
            .setParameter(1, array(caseIds))
            .getResultList();
    Map<String, String> out = new HashMap<>();
    for (Object[] r : rows) {
      out.put((String) r[0], (String) r[1]);
    }
    return out;
  }

  /**
   * The persons of many audiences in one statement (issue 21: the consumer resolves a whole poll's
   * recipients at once, not one query per intent). Same answer per audience as {@link #resolve}:
   * unit and center roles only those on duty, ordered by person id.
   */
  @SuppressWarnings("unchecked")
  public Map<Audience, List<Contact>> resolveAll(Collection<? extends Audience> audiences) {
    Map<Audience, List<Contact>> out = new LinkedHashMap<>();
    Set<String> persons = new LinkedHashSet<>();
    Set<String> collectors = new LinkedHashSet<>();
    Set<String> centerRoles = new LinkedHashSet<>();
    Set<String> unitRoles = new LinkedHashSet<>();
    for (Audience a : audiences) {
      out.put(a, new ArrayList<>());
      if (a instanceof Audience.Person p) {
        persons.add(p.personId());
      } else if (a instanceof Audience.Collector c) {
        collectors.add(c.collectorId());
      } else if (a instanceof Audience.CenterRole c) {
        centerRoles.add(c.role());
      } else if (a instanceof Audience.UnitRole u) {
        unitRoles.add(u.unitId() + "\u001f" + u.role());
      }
    }
    if (out.isEmpty()) {
      return out;
    }
    // an empty IN list is not SQL: arrays, with an empty one matching nothing
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT "
                    + CONTACT_COLUMNS
                    + " FROM notify_contact WHERE person_id = ANY(CAST(?1 AS text[]))"
                    + " OR collector_id = ANY(CAST(?2 AS text[]))"
                    + " OR (on_duty AND (role = ANY(CAST(?3 AS text[]))"
                    + " OR unit_id || chr(31) || role = ANY(CAST(?4 AS text[]))))"
                    + " ORDER BY person_id")
            .setParameter(1, array(persons))
            .setParameter(2, array(collectors))
            .setParameter(3, array(centerRoles))
            .setParameter(4, array(unitRoles))
            .getResultList();
    for (Object[] r : rows) {
      Contact c = contactOf(r);
      for (Map.Entry<Audience, List<Contact>> e : out.entrySet()) {
        if (member(e.getKey(), c)) {
          e.getValue().add(c);
        }
      }
    }
    return out;
  }

  /** Whether a directory entry belongs to an audience (as {@link #resolve}'s queries select). */
  static boolean member(Audience a, Contact c) {
    if (a instanceof Audience.Person p) {
      return p.personId().equals(c.personId());
    } else if (a instanceof Audience.Collector k) {
      return k.collectorId().equals(c.collectorId());
    } else if (a instanceof Audience.CenterRole k) {
      return c.onDuty() && k.role().equals(c.role());
    }
    Audience.UnitRole u = (Audience.UnitRole) a;
    return c.onDuty() && u.unitId().equals(c.unitId()) && u.role().equals(c.role());
  }

  /** A text[] literal for a parameter ({"a","b"}), quoting as PostgreSQL reads it back. */
  static String array(Collection<String> values) {
    StringBuilder b = new StringBuilder("{");
    for (String v : values) {
      if (b.length() > 1) {
        b.append(',');
      }
      b.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return b.append('}').toString();
  }

  public Optional<Contact> contact(String personId) {
    return resolve(new Audience.Person(personId)).stream().findFirst();
  }

  /** Inserts a directory entry unless the person is there already (the demo seed). */
  public boolean seedContact(Contact c) {
    return em.createNativeQuery(
                "INSERT INTO notify_contact ("
                    + CONTACT_COLUMNS
                    + ")"
                    + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, NULL, NULL)"
                    + " ON CONFLICT DO NOTHING")
            .setParameter(1, c.personId())
            .setParameter(2, c.displayName())
            .setParameter(3, c.role())
            .setParameter(4, c.unitId())
            .setParameter(5, c.collectorId())
            .setParameter(6, c.onDuty())
            .setParameter(7, c.phone())
            .setParameter(8, c.webhookKind())
            .setParameter(9, c.webhookUrl())
            .setParameter(10, c.webhookSecret())
            .setParameter(11, c.smsEnabled())
            .setParameter(12, c.webhookEnabled())
            .executeUpdate()
        == 1;
  }

  /** Writes a directory entry whole (tests and the person's own choices). */
  public void upsertContact(Contact c) {
    em.createNativeQuery(
            "INSERT INTO notify_contact ("
                + CONTACT_COLUMNS
                + ", updated_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, now())"
                + " ON CONFLICT (person_id) DO UPDATE SET display_name = EXCLUDED.display_name,"
                + " role = EXCLUDED.role, unit_id = EXCLUDED.unit_id,"
                + " collector_id = EXCLUDED.collector_id, on_duty = EXCLUDED.on_duty,"
                + " phone = EXCLUDED.phone, webhook_kind = EXCLUDED.webhook_kind,"
                + " webhook_url = EXCLUDED.webhook_url, webhook_secret = EXCLUDED.webhook_secret,"
                + " sms_enabled = EXCLUDED.sms_enabled, webhook_enabled = EXCLUDED.webhook_enabled,"
                + " quiet_start = EXCLUDED.quiet_start, quiet_end = EXCLUDED.quiet_end,"
                + " updated_at = now()")
        .setParameter(1, c.personId())
        .setParameter(2, c.displayName())
        .setParameter(3, c.role())
        .setParameter(4, c.unitId())
        .setParameter(5, c.collectorId())
        .setParameter(6, c.onDuty())
        .setParameter(7, c.phone())
        .setParameter(8, c.webhookKind())
        .setParameter(9, c.webhookUrl())
        .setParameter(10, c.webhookSecret())
        .setParameter(11, c.smsEnabled())
        .setParameter(12, c.webhookEnabled())
        .setParameter(13, c.quiet() == null ? null : Time.valueOf(c.quiet().start()))
        .setParameter(14, c.quiet() == null ? null : Time.valueOf(c.quiet().end()))
        .executeUpdate();
  }

  // --- notifications and deliveries --------------------------------------------------------------

  /** Inserts the notification; false if it exists already (a replayed event). */
  public boolean insertNotification(
      String id,
      String recipientId,
      String kind,
      boolean urgent,
      String titleZh,
      String titleEn,
      String caseId,
      String sourceEventId,
      Instant raisedAt) {
    return em.createNativeQuery(
                "INSERT INTO notification (id, recipient_id, kind, urgent, title_zh, title_en,"
                    + " case_id, source_event_id, raised_at)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING")
            .setParameter(1, id)
            .setParameter(2, recipientId)
            .setParameter(3, kind)
            .setParameter(4, urgent)
            .setParameter(5, titleZh)
            .setParameter(6, titleEn)
            .setParameter(7, caseId)
            .setParameter(8, sourceEventId)
            .setParameter(9, Timestamp.from(raisedAt))
            .executeUpdate()
        == 1;
  }

  public void insertDelivery(
      String notificationId,
      Contact.Channel channel,
      String state,
      Instant due,
      Instant heldUntil,
      Instant now) {
    em.createNativeQuery(
            "INSERT INTO notify_delivery (notification_id, channel, state, next_attempt_at,"
                + " held_until, queued_at, sent_at, updated_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6) ON CONFLICT DO NOTHING")
        .setParameter(1, notificationId)
        .setParameter(2, channel.name())
        .setParameter(3, state)
        .setParameter(4, Timestamp.from(due))
        .setParameter(5, heldUntil == null ? null : Timestamp.from(heldUntil))
        .setParameter(6, Timestamp.from(now))
        .setParameter(7, state.equals("SENT") ? Timestamp.from(now) : null)
        .executeUpdate();
  }

  /** A notification row to insert (see {@link #insertNotifications}). */
  public record NewNotification(
      String id,
      String recipientId,
      String kind,
      boolean urgent,
      String titleZh,
      String titleEn,
      String caseId,
      String sourceEventId,
      Instant raisedAt) {}

  /** A delivery row to insert (see {@link #insertDeliveries}). */
  public record NewDelivery(
      String notificationId,
      Contact.Channel channel,
      String state,
      Instant due,
      Instant heldUntil,
      Instant now) {}

  /** Rows per multi-row INSERT: 9 parameters each, far below the protocol's 65,535. */
  private static final int ROWS_PER_STATEMENT = 1000;

  /**
   * Inserts many notifications, one multi-row statement per 1,000; returns the ids that were new
   * (the others exist already: a replayed event).
   */
  @SuppressWarnings("unchecked")
  public Set<String> insertNotifications(List<NewNotification> rows) {
    Set<String> fresh = new HashSet<>();
    for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
      List<NewNotification> part =
          rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
      StringBuilder sql =
          new StringBuilder(
              "WITH ins AS (INSERT INTO notification (id, recipient_id, kind, urgent, title_zh,"
                  + " title_en, case_id, source_event_id, raised_at) VALUES ");
      for (int i = 0; i < part.size(); i++) {
        int b = i * 9;
        sql.append(i == 0 ? "" : ", ").append('(');
        for (int k = 1; k <= 9; k++) {
          sql.append(k == 1 ? "" : ", ").append('?').append(b + k);
        }
        sql.append(')');
      }
      sql.append(" ON CONFLICT DO NOTHING RETURNING id) SELECT id FROM ins");
      Query q = em.createNativeQuery(sql.toString());
      for (int i = 0; i < part.size(); i++) {
        NewNotification n = part.get(i);
        int b = i * 9;
        q.setParameter(b + 1, n.id())
            .setParameter(b + 2, n.recipientId())
            .setParameter(b + 3, n.kind())
            .setParameter(b + 4, n.urgent())
            .setParameter(b + 5, n.titleZh())
            .setParameter(b + 6, n.titleEn())
            .setParameter(b + 7, n.caseId())
            .setParameter(b + 8, n.sourceEventId())
            .setParameter(b + 9, Timestamp.from(n.raisedAt()));
      }
      for (Object id : (List<Object>) q.getResultList()) {
        fresh.add((String) id);
      }
    }
    return fresh;
  }

  /** Inserts many deliveries, one multi-row statement per 1,000. */
  public void insertDeliveries(List<NewDelivery> rows) {
    for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
      List<NewDelivery> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
      StringBuilder sql =
          new StringBuilder(
              "INSERT INTO notify_delivery (notification_id, channel, state, next_attempt_at,"
                  + " held_until, queued_at, sent_at, updated_at) VALUES ");
      for (int i = 0; i < part.size(); i++) {
        int b = i * 7;
        sql.append(i == 0 ? "" : ", ")
            .append(
                String.format(
                    "(?%d, ?%d, ?%d, ?%d, ?%d, ?%d, ?%d, ?%d)",
                    b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7, b + 6));
      }
      sql.append(" ON CONFLICT DO NOTHING");
      Query q = em.createNativeQuery(sql.toString());
      for (int i = 0; i < part.size(); i++) {
        NewDelivery d = part.get(i);
        int b = i * 7;
        q.setParameter(b + 1, d.notificationId())
            .setParameter(b + 2, d.channel().name())
            .setParameter(b + 3, d.state())
            .setParameter(b + 4, Timestamp.from(d.due()))
            .setParameter(b + 5, d.heldUntil() == null ? null : Timestamp.from(d.heldUntil()))
            .setParameter(b + 6, Timestamp.from(d.now()))
            .setParameter(b + 7, d.state().equals("SENT") ? Timestamp.from(d.now()) : null);
      }
      q.executeUpdate();
    }
  }

  /**
   * Claims up to {@code limit} due deliveries of a channel (QUEUED, or SENDING whose lease ran out
   * after a crash): SENDING, one more attempt, leased for {@code lease}. {@code SKIP LOCKED}: two
   * replicas never claim the same row.
   */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<Message> claimDue(Contact.Channel channel, int limit, Duration lease) {
    Instant now = Instant.now();
    List<Object[]> rows =
        em.createNativeQuery(
                "WITH due AS (SELECT notification_id FROM notify_delivery"
                    + " WHERE channel = ?1 AND state IN ('QUEUED', 'SENDING')"
                    + " AND next_attempt_at <= ?2 ORDER BY next_attempt_at LIMIT ?3"
                    + " FOR UPDATE SKIP LOCKED),"
                    + " claimed AS (UPDATE notify_delivery d SET state = 'SENDING',"
                    + " attempts = d.attempts + 1, next_attempt_at = ?4, updated_at = ?2"
                    + " FROM due WHERE d.notification_id = due.notification_id AND d.channel = ?1"
                    + " RETURNING d.notification_id, d.attempts)"
                    + " SELECT c.notification_id, c.attempts, n.title_zh, k.phone, k.webhook_kind,"
                    + " k.webhook_url, k.webhook_secret FROM claimed c"
                    + " JOIN notification n ON n.id = c.notification_id"
                    + " LEFT JOIN notify_contact k ON k.person_id = n.recipient_id")
            .setParameter(1, channel.name())
            .setParameter(2, Timestamp.from(now))
            .setParameter(3, limit)
            .setParameter(4, Timestamp.from(now.plus(lease)))
            .getResultList();
    List<Message> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(
          new Message(
              (String) r[0],
              channel,
              ((Number) r[1]).intValue(),
              "【闽清数字城管】" + r[2],
              (String) r[3],
              (String) r[4],
              (String) r[5],
              (String) r[6]));
    }
    return out;
  }

  /** What one send came to: SENT (with the provider's reference), QUEUED again, or FAILED. */
  public record Outcome(
      String notificationId,
      Contact.Channel channel,
      String state,
      String ref,
      Instant next,
      String reason) {
    public static Outcome sent(Message m, String ref) {
      return new Outcome(m.notificationId(), m.channel(), "SENT", ref, null, null);
    }

    public static Outcome retry(Message m, Instant next, String reason) {
      return new Outcome(m.notificationId(), m.channel(), "QUEUED", null, next, reason);
    }

    public static Outcome failed(Message m, String reason) {
      return new Outcome(m.notificationId(), m.channel(), "FAILED", null, null, reason);
    }
  }

  /** Records the outcomes of a batch of sends in one transaction. */
  @Transactional
  public void record(List<Outcome> outcomes) {
    for (Outcome o : outcomes) {
      switch (o.state()) {
        case "SENT" -> markSent(o.notificationId(), o.channel(), o.ref());
        case "QUEUED" -> markRetry(o.notificationId(), o.channel(), o.next(), o.reason());
        default -> markFailed(o.notificationId(), o.channel(), o.reason());
      }
    }
  }

  @Transactional
  public void markSent(String notificationId, Contact.Channel channel, String providerRef) {
    em.createNativeQuery(
            "UPDATE notify_delivery SET state = 'SENT', provider_ref = ?3, sent_at = now(),"
                + " last_error = NULL, updated_at = now()"
                + " WHERE notification_id = ?1 AND channel = ?2 AND state = 'SENDING'")
        .setParameter(1, notificationId)
        .setParameter(2, channel.name())
        .setParameter(3, providerRef)
        .executeUpdate();
  }

  @Transactional
  public void markRetry(
      String notificationId, Contact.Channel channel, Instant next, String reason) {
    em.createNativeQuery(
            "UPDATE notify_delivery SET state = 'QUEUED', next_attempt_at = ?3, last_error = ?4,"
                + " updated_at = now() WHERE notification_id = ?1 AND channel = ?2"
                + " AND state = 'SENDING'")
        .setParameter(1, notificationId)
        .setParameter(2, channel.name())
        .setParameter(3, Timestamp.from(next))
        .setParameter(4, reason)
        .executeUpdate();
  }

  @Transactional
  public void markFailed(String notificationId, Contact.Channel channel, String reason) {
    em.createNativeQuery(
            "UPDATE notify_delivery SET state = 'FAILED', last_error = ?3, updated_at = now()"
                + " WHERE notification_id = ?1 AND channel = ?2 AND state = 'SENDING'")
        .setParameter(1, notificationId)
        .setParameter(2, channel.name())
        .setParameter(3, reason)
        .executeUpdate();
  }

  /** A delivery receipt (SMPP deliver_sm) for the provider's message id. */
  @Transactional
  public int markDelivered(
      Contact.Channel channel, String providerRef, boolean delivered, String stat) {
    return em.createNativeQuery(
            "UPDATE notify_delivery SET state = ?3, delivered_at = CASE WHEN ?4 THEN now() END,"
                + " last_error = CASE WHEN ?4 THEN NULL ELSE ?5 END, updated_at = now()"
                + " WHERE channel = ?1 AND provider_ref = ?2 AND state IN ('SENT', 'SENDING')")
        .setParameter(1, channel.name())
        .setParameter(2, providerRef)
        .setParameter(3, delivered ? "DELIVERED" : "FAILED")
        .setParameter(4, delivered)
        .setParameter(5, "receipt " + stat)
        .executeUpdate();
  }

  // --- reads -------------------------------------------------------------------------------------

  /** One delivery of a notification, as the center reads it. */
  public record DeliveryView(
      String channel,
      String state,
      int attempts,
      Instant nextAttemptAt,
      Instant heldUntil,
      String lastError,
      Instant queuedAt,
      Instant sentAt,
      Instant deliveredAt) {}

  /** A notification with its deliveries. */
  public record NotificationView(
      String id,
      String recipientId,
      String kind,
      boolean urgent,
      String titleZh,
      String titleEn,
      String caseId,
      Instant raisedAt,
      Instant readAt,
      List<DeliveryView> deliveries) {}

  /** The inbox of a person, newest first. */
  @SuppressWarnings("unchecked")
  public List<NotificationView> inbox(String personId, boolean unreadOnly, int limit) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, recipient_id, kind, urgent, title_zh, title_en, case_id, raised_at,"
                    + " read_at FROM notification WHERE recipient_id = ?1"
                    + (unreadOnly ? " AND read_at IS NULL" : "")
                    + " ORDER BY raised_at DESC, id LIMIT ?2")
            .setParameter(1, personId)
            .setParameter(2, limit)
            .getResultList();
    return views(rows, false);
  }

  public long unread(String personId) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM notification WHERE recipient_id = ?1 AND read_at IS NULL")
                .setParameter(1, personId)
                .getSingleResult())
        .longValue();
  }

  /** Marks one of the person's own notifications read; false if it is not theirs. */
  public boolean markRead(String personId, String id) {
    int n =
        em.createNativeQuery(
                "UPDATE notification SET read_at = coalesce(read_at, now())"
                    + " WHERE id = ?1 AND recipient_id = ?2")
            .setParameter(1, id)
            .setParameter(2, personId)
            .executeUpdate();
    return n == 1;
  }

  /** The center's list: filter by case, person and delivery state, newest first. */
  @SuppressWarnings("unchecked")
  public List<NotificationView> search(String caseId, String personId, String state, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, recipient_id, kind, urgent, title_zh, title_en, case_id, raised_at, read_at"
                + " FROM notification n WHERE true");
    Map<Integer, Object> params = new LinkedHashMap<>();
    if (caseId != null) {
      params.put(params.size() + 1, caseId);
      sql.append(" AND n.case_id = ?").append(params.size());
    }
    if (personId != null) {
      params.put(params.size() + 1, personId);
      sql.append(" AND n.recipient_id = ?").append(params.size());
    }
    if (state != null) {
      params.put(params.size() + 1, state);
      sql.append(
              " AND EXISTS (SELECT 1 FROM notify_delivery d WHERE d.notification_id = n.id"
                  + " AND d.state = ?")
          .append(params.size())
          .append(")");
    }
    params.put(params.size() + 1, limit);
    sql.append(" ORDER BY raised_at DESC, id LIMIT ?").append(params.size());
    Query q = em.createNativeQuery(sql.toString());
    params.forEach(q::setParameter);
    return views(q.getResultList(), true);
  }

  @SuppressWarnings("unchecked")
  private List<NotificationView> views(List<Object[]> rows, boolean withDeliveries) {
    Map<String, List<DeliveryView>> deliveries = new LinkedHashMap<>();
    if (withDeliveries && !rows.isEmpty()) {
      List<String> ids = rows.stream().map(r -> (String) r[0]).toList();
      List<Object[]> ds =
          em.createNativeQuery(
                  "SELECT notification_id, channel, state, attempts, next_attempt_at, held_until,"
                      + " last_error, queued_at, sent_at, delivered_at FROM notify_delivery"
                      + " WHERE notification_id IN (?1) ORDER BY channel")
              .setParameter(1, ids)
              .getResultList();
      for (Object[] d : ds) {
        deliveries
            .computeIfAbsent((String) d[0], k -> new ArrayList<>())
            .add(
                new DeliveryView(
                    (String) d[1],
                    (String) d[2],
                    ((Number) d[3]).intValue(),
                    instant(d[4]),
                    instant(d[5]),
                    (String) d[6],
                    instant(d[7]),
                    instant(d[8]),
                    instant(d[9])));
      }
    }
    List<NotificationView> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(
          new NotificationView(
              (String) r[0],
              (String) r[1],
              (String) r[2],
              (Boolean) r[3],
              (String) r[4],
              (String) r[5],
              (String) r[6],
              instant(r[7]),
              instant(r[8]),
              deliveries.getOrDefault((String) r[0], List.of())));
    }
    return out;
  }

  static Contact contactOf(Object[] r) {
    LocalTime qs = time(r[12]);
    LocalTime qe = time(r[13]);
    return new Contact(
        (String) r[0],
        (String) r[1],
        (String) r[2],
        (String) r[3],
        (String) r[4],
        (Boolean) r[5],
        (String) r[6],
        (String) r[7],
        (String) r[8],
        (String) r[9],
        (Boolean) r[10],
        (Boolean) r[11],
        qs == null || qe == null ? null : new QuietHours(qs, qe));
  }

  static LocalTime time(Object o) {
    if (o == null) {
      return null;
    }
    return o instanceof Time t ? t.toLocalTime() : (LocalTime) o;
  }

  static Instant instant(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Timestamp t) {
      return t.toInstant();
    }
    if (o instanceof OffsetDateTime d) {
      return d.toInstant();
    }
    return (Instant) o;
  }

  /** For logs: a person's phone, masked. */
  public static String masked(Contact c) {
    return PhoneMask.mask(c.phone());
  }
}
