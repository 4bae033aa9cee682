package cn.szcg.sla.notify.infra;

import cn.szcg.sla.notify.domain.Contact;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The contact directory of the Minqing demo realm's users (deploy/local/keycloak), with fictitious
 * phone numbers of the reserved test range — only when {@code szcg.notify.seed.enabled} is true
 * (the tests and the local stack). Production never invents people: a county loads its directory
 * (realm usernames, units, phones) itself (docs/notifications.md). Entries that exist are kept.
 */
@ApplicationScoped
public class DemoDirectory {

  private static final Logger LOG = Logger.getLogger(DemoDirectory.class);

  @Inject NotifyStore store;

  @ConfigProperty(name = "szcg.notify.seed.enabled", defaultValue = "false")
  boolean enabled;

  static List<Contact> people() {
    List<Contact> out = new java.util.ArrayList<>();
    out.add(c("operator1", "受理员一号", "operator", null, null, "13900000001"));
    out.add(c("shiftlead1", "值班长一号", "shift-lead", null, null, "13900000002"));
    out.add(c("dispatcher1", "派遣员一号", "dispatcher", null, null, "13900000003"));
    out.add(c("water-receiver", "自来水公司接收人", "unit-receiver", "U-WATER", null, "13900000011"));
    out.add(c("water-leader", "自来水公司分管领导", "unit-leader", "U-WATER", null, "13900000012"));
    out.add(c("water-handler", "自来水公司处置人员", "unit-handler", "U-WATER", null, "13900000013"));
    out.add(
        c("sanitation-receiver", "环卫接收人", "unit-receiver", "U-SANITATION", null, "13900000021"));
    out.add(c("efficiency1", "县效能办一号", "efficiency-office", null, null, "13900000031"));
    out.add(c("supervision1", "县政府督查室一号", "supervision-office", null, null, "13900000032"));
    out.add(c("government1", "县政府一号", "county-government", null, null, "13900000033"));
    out.add(c("admin1", "系统管理员一号", "admin", null, null, null));
    for (int i = 1; i <= 10; i++) {
      out.add(
          c(
              "collector" + i,
              "采集员" + i,
              "collector",
              null,
              String.format("C%04d", i),
              String.format("139000001%02d", i)));
    }
    return out;
  }

  private static Contact c(
      String id, String name, String role, String unit, String collector, String phone) {
    return new Contact(
        id, name, role, unit, collector, true, phone, null, null, null, true, false, null);
  }

  void onStart(@Observes StartupEvent ev) {
    if (!enabled) {
      return;
    }
    int n =
        QuarkusTransaction.requiringNew()
            .call(() -> (int) people().stream().filter(store::seedContact).count());
    LOG.infof("notify demo directory: %d new entries", n);
  }
}
