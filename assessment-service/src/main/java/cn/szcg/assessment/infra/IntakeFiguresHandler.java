package cn.szcg.assessment.infra;

import cn.szcg.contracts.EventType;
import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.contracts.events.ReportRegistered;
import cn.szcg.platform.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/** Counts registrations and filings per month and channel, from intake events. */
@ApplicationScoped
public class IntakeFiguresHandler implements EventHandler {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

  @Inject EntityManager em;

  @Override
  public String name() {
    return "intake-figures";
  }

  @Override
  public List<String> topics() {
    return List.of(Topics.INTAKE);
  }

  @Override
  public Set<EventType> types() {
    return Set.of(EventType.REPORT_REGISTERED, EventType.CASE_FILED);
  }

  @Override
  public void handle(CloudEvent event, Record payload) {
    if (payload instanceof ReportRegistered r) {
      increment(month(r.registeredAt()), r.channel().name(), "registered");
      em.createNativeQuery(
              "INSERT INTO assessed_case (case_id, report_no, channel, registered_at, category_code)"
                  + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (case_id) DO NOTHING")
          .setParameter(1, r.caseId())
          .setParameter(2, r.reportNo())
          .setParameter(3, r.channel().name())
          .setParameter(4, r.registeredAt())
          .setParameter(5, r.categoryCode())
          .executeUpdate();
    } else if (payload instanceof CaseFiled f) {
      increment(month(f.filedAt()), f.channel().name(), "filed");
      em.createNativeQuery(
              "INSERT INTO assessed_case (case_id, report_no, channel, registered_at, filed_at,"
                  + " category_code) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (case_id) DO"
                  + " UPDATE SET filed_at = EXCLUDED.filed_at, category_code ="
                  + " EXCLUDED.category_code")
          .setParameter(1, f.caseId())
          .setParameter(2, f.reportNo())
          .setParameter(3, f.channel().name())
          .setParameter(4, f.registeredAt())
          .setParameter(5, f.filedAt())
          .setParameter(6, f.categoryCode())
          .executeUpdate();
    }
  }

  static String month(Instant t) {
    return MONTH.format(t.atZone(SHANGHAI));
  }

  private void increment(String month, String channel, String column) {
    em.createNativeQuery(
            "INSERT INTO intake_figure (month, channel, "
                + column
                + ") VALUES (?1, ?2, 1) ON CONFLICT (month, channel) DO UPDATE SET "
                + column
                + " = intake_figure."
                + column
                + " + 1")
        .setParameter(1, month)
        .setParameter(2, channel)
        .executeUpdate();
  }
}
