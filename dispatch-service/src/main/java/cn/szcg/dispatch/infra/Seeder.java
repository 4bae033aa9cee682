package cn.szcg.dispatch.infra;

import cn.szcg.dispatch.domain.AreaRef;
import cn.szcg.dispatch.domain.ContactPerson;
import cn.szcg.dispatch.domain.ContactRole;
import cn.szcg.dispatch.domain.ResponsibilityRule;
import cn.szcg.dispatch.domain.Unit;
import cn.szcg.dispatch.domain.UnitKind;
import cn.szcg.dispatch.domain.UnitRecord;
import cn.szcg.dispatch.domain.UnitRegister;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Seeds a realistic Minqing (闽清县) unit register and responsibility matrix on first start. Each seed
 * set is applied once (table {@code seed_applied}, under an advisory lock, so several replicas
 * starting together seed once); later edits through the API are never overwritten, and deleted seed
 * rules do not come back. Contact persons are fictitious placeholders with office numbers, to be
 * replaced by the units' real registrations.
 */
@ApplicationScoped
public class Seeder {

  private static final Logger LOG = Logger.getLogger(Seeder.class);
  static final String UNITS = "units-minqing-v1";
  static final String RULES = "rules-minqing-v1";
  static final Instant SEED_FROM = Instant.parse("2026-01-01T00:00:00Z");
  static final String BY = "seed";

  /** The 16 townships of Minqing (统计用区划代码) with their seats' names. */
  public static final List<String[]> TOWNSHIPS =
      List.of(
          new String[] {"350124100", "梅城镇"},
          new String[] {"350124101", "梅溪镇"},
          new String[] {"350124102", "白樟镇"},
          new String[] {"350124103", "金沙镇"},
          new String[] {"350124104", "白中镇"},
          new String[] {"350124105", "池园镇"},
          new String[] {"350124106", "坂东镇"},
          new String[] {"350124107", "塔庄镇"},
          new String[] {"350124108", "省璜镇"},
          new String[] {"350124109", "雄江镇"},
          new String[] {"350124110", "东桥镇"},
          new String[] {"350124200", "云龙乡"},
          new String[] {"350124201", "上莲乡"},
          new String[] {"350124202", "三溪乡"},
          new String[] {"350124203", "桔林乡"},
          new String[] {"350124204", "下祝乡"});

  /**
   * County departments, utilities and companies: id, name (as gis-service names maintainers), kind.
   */
  static final List<String[]> COUNTY_UNITS =
      List.of(
          new String[] {"U-HOUSING", "县住房和城乡建设局", "COUNTY_DEPARTMENT"},
          new String[] {"U-TRANSPORT", "县交通运输局", "COUNTY_DEPARTMENT"},
          new String[] {"U-CITYMGMT", "县城市管理局", "COUNTY_DEPARTMENT"},
          new String[] {"U-SANITATION", "县城市管理局（环卫）", "COUNTY_DEPARTMENT"},
          new String[] {"U-WATER-RES", "县水利局", "COUNTY_DEPARTMENT"},
          new String[] {"U-GARDENS", "县园林中心", "COUNTY_DEPARTMENT"},
          new String[] {"U-TRAFFIC-POLICE", "县公安局交警大队", "COUNTY_DEPARTMENT"},
          new String[] {"U-POLICE", "县公安局", "COUNTY_DEPARTMENT"},
          new String[] {"U-CIVIL", "县民政局", "COUNTY_DEPARTMENT"},
          new String[] {"U-NATRES", "县自然资源局", "COUNTY_DEPARTMENT"},
          new String[] {"U-ECOLOGY", "县生态环境局", "COUNTY_DEPARTMENT"},
          new String[] {"U-EMERGENCY", "县应急管理局", "COUNTY_DEPARTMENT"},
          new String[] {"U-FORESTRY", "县林业局", "COUNTY_DEPARTMENT"},
          new String[] {"U-WATER", "闽清县自来水公司", "UTILITY"},
          new String[] {"U-POWER", "国网闽清县供电公司", "UTILITY"},
          new String[] {"U-GAS", "闽清县燃气公司", "UTILITY"},
          new String[] {"U-TELECOM", "中国电信闽清分公司", "UTILITY"},
          new String[] {"U-MOBILE", "中国移动闽清分公司", "UTILITY"},
          new String[] {"U-UNICOM", "中国联通闽清分公司", "UTILITY"},
          new String[] {"U-CATV", "福建广电网络闽清分公司", "UTILITY"},
          new String[] {"U-POST", "中国邮政闽清县分公司", "COMPANY"});

  /** Sub-departments of every township body: id suffix, name suffix. */
  static final List<String[]> SUB_DEPARTMENTS =
      List.of(new String[] {"ENV", "环境卫生管理站"}, new String[] {"PLAN", "村镇规划建设办公室"});

  private static final String[] SURNAMES = {"陈", "林", "黄", "张", "郑", "王", "刘", "吴", "李", "许"};
  private static final String[] GIVEN = {
    "建华", "秀英", "志强", "丽娟", "国平", "明辉", "美玲", "文斌", "晓东", "海燕", "春生", "玉兰"
  };

  @Inject EntityManager em;
  @Inject UnitStore units;
  @Inject MatrixStore matrix;

  @ConfigProperty(name = "szcg.dispatch.seed.enabled", defaultValue = "true")
  boolean enabled;

  void onStart(@Observes StartupEvent ev) {
    if (!enabled) {
      return;
    }
    QuarkusTransaction.requiringNew().run(this::seed);
  }

  void seed() {
    em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('szcg.dispatch.seed'))")
        .getSingleResult();
    if (!applied(UNITS)) {
      units.lock();
      UnitRegister reg = units.load();
      int n = 0;
      for (UnitRecord r : seedUnits()) {
        if (reg.find(r.unitId()).isEmpty()) {
          reg = reg.with(r);
          units.save(r);
          n++;
        }
      }
      mark(UNITS);
      LOG.infof("seeded %d units (%s)", n, UNITS);
    }
    if (!applied(RULES)) {
      List<ResponsibilityRule> rules = seedRules();
      for (ResponsibilityRule r : rules) {
        if (matrix.find(r.ruleId()).isEmpty()) {
          matrix.save(r, BY);
        }
      }
      mark(RULES);
      LOG.infof("seeded %d responsibility rules (%s)", rules.size(), RULES);
    }
  }

  private boolean applied(String name) {
    return ((Number)
                em.createNativeQuery("SELECT count(*) FROM seed_applied WHERE name = ?1")
                    .setParameter(1, name)
                    .getSingleResult())
            .longValue()
        > 0;
  }

  private void mark(String name) {
    em.createNativeQuery("INSERT INTO seed_applied (name, applied_at) VALUES (?1, ?2)")
        .setParameter(1, name)
        .setParameter(2, Timestamp.from(Instant.now()))
        .executeUpdate();
  }

  /** Unit id of a township body, e.g. T-350124100 for 梅城镇人民政府. */
  public static String townshipUnitId(String townshipCode) {
    return "T-" + townshipCode;
  }

  static List<UnitRecord> seedUnits() {
    List<UnitRecord> out = new ArrayList<>();
    int[] k = {0};
    for (String[] u : COUNTY_UNITS) {
      out.add(
          withContacts(
              UnitRecord.register(
                  new Unit(u[0], u[1], UnitKind.valueOf(u[2]), null, null, true),
                  SEED_FROM,
                  SEED_FROM,
                  BY),
              k));
    }
    for (String[] t : TOWNSHIPS) {
      String id = townshipUnitId(t[0]);
      out.add(
          withContacts(
              UnitRecord.register(
                  new Unit(id, t[1] + "人民政府", UnitKind.TOWNSHIP_BODY, null, t[0], true),
                  SEED_FROM,
                  SEED_FROM,
                  BY),
              k));
      for (String[] d : SUB_DEPARTMENTS) {
        out.add(
            withContacts(
                UnitRecord.register(
                    new Unit(id + "-" + d[0], t[1] + d[1], UnitKind.SUB_DEPARTMENT, id, t[0], true),
                    SEED_FROM,
                    SEED_FROM,
                    BY),
                k));
      }
    }
    return out;
  }

  private static UnitRecord withContacts(UnitRecord r, int[] k) {
    String id = r.unitId();
    r = r.assign(ContactRole.LEADER_IN_CHARGE, person(id + "-LEADER", k), SEED_FROM, SEED_FROM, BY);
    r =
        r.assign(
            ContactRole.HEAD_OF_HANDLING_ORGAN, person(id + "-HEAD", k), SEED_FROM, SEED_FROM, BY);
    return r.assign(ContactRole.DAILY_RECEIVER, person(id + "-RCV1", k), SEED_FROM, SEED_FROM, BY);
  }

  private static ContactPerson person(String personId, int[] k) {
    int i = k[0]++;
    String name = SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length];
    String phone = String.format("0591-2231%04d", 1000 + i);
    return new ContactPerson(personId, name, phone, null);
  }

  static List<ResponsibilityRule> seedRules() {
    List<ResponsibilityRule> r = new ArrayList<>();
    AreaRef county = AreaRef.COUNTY;
    // components (部件) by class; the component's maintainer from gis-service comes first anyway
    r.add(rule("C-0101", "C-0101", county, "U-WATER", "上水井盖：自来水公司"));
    r.add(rule("C-0102", "C-0102", county, "U-HOUSING", "污水井盖：住建局（市政）"));
    r.add(rule("C-0103", "C-0103", county, "U-HOUSING", "雨水井盖：住建局（市政）"));
    r.add(rule("C-0104", "C-0104", county, "U-HOUSING", "雨水箅子：住建局（市政）"));
    r.add(rule("C-0105", "C-0105", county, "U-POWER", "电力井盖：供电公司"));
    r.add(rule("C-0106", "C-0106", county, "U-TELECOM", "通信井盖：按权属，默认电信"));
    r.add(rule("C-0107", "C-0107", county, "U-GAS", "燃气井盖：燃气公司"));
    r.add(rule("C-0108", "C-0108", county, "U-WATER", "消防栓：自来水公司"));
    r.add(rule("C-0109", "C-0109", county, "U-CITYMGMT", "路灯：城市管理局"));
    r.add(rule("C-0110", "C-0110", county, "U-POWER", "配电箱：供电公司"));
    r.add(rule("C-0111", "C-0111", county, "U-TELECOM", "通信交接箱：按权属，默认电信"));
    r.add(rule("C-02", "C-02*", county, "U-TRANSPORT", "道路交通设施：交通运输局"));
    r.add(rule("C-0201", "C-0201", county, "U-TRAFFIC-POLICE", "交通信号灯：交警大队"));
    r.add(rule("C-0202", "C-0202", county, "U-TRAFFIC-POLICE", "交通标志牌：交警大队"));
    r.add(rule("C-03", "C-03*", county, "U-CITYMGMT", "市容环境设施：城市管理局"));
    r.add(rule("C-0301", "C-0301", county, "U-SANITATION", "公共厕所：环卫"));
    r.add(rule("C-0302", "C-0302", county, "U-SANITATION", "垃圾箱：环卫"));
    r.add(rule("C-0303", "C-0303", county, "U-SANITATION", "垃圾房：环卫"));
    r.add(rule("C-04", "C-04*", county, "U-GARDENS", "园林绿化：园林中心"));
    r.add(rule("C-05", "C-05*", county, "U-HOUSING", "房屋土地：住建局"));
    r.add(rule("C-06", "C-06*", county, "U-CITYMGMT", "其他设施：城市管理局"));
    // events (事件)
    r.add(
        rule(
            "E-01-350124100", "E-01*", AreaRef.township("350124100"), "U-SANITATION", "城区市容环境：环卫"));
    r.add(rule("E-02", "E-02*", county, "U-CITYMGMT", "宣传广告：城市管理局"));
    r.add(rule("E-03", "E-03*", county, "U-HOUSING", "施工管理：住建局"));
    r.add(rule("E-0301", "E-0301", county, "U-CITYMGMT", "违法建设：城市管理局（综合执法）"));
    r.add(rule("E-04", "E-04*", county, "U-CITYMGMT", "街面秩序：城市管理局"));
    r.add(rule("E-0404", "E-0404", county, "U-TRAFFIC-POLICE", "机动车乱停放：交警大队"));
    r.add(rule("E-0501", "E-0501", county, "U-HOUSING", "井盖丢失：住建局（市政）"));
    r.add(rule("E-0502", "E-0502", county, "U-HOUSING", "道路塌陷：住建局"));
    r.add(rule("E-0503", "E-0503", county, "U-WATER", "供水管道破裂：自来水公司"));
    r.add(rule("E-0504", "E-0504", county, "U-GAS", "燃气泄漏：燃气公司"));
    r.add(rule("E-0505", "E-0505", county, "U-HOUSING", "下水道堵塞冒溢：住建局（市政）"));
    r.add(rule("E-0506", "E-0506", county, "U-HOUSING", "道路积水：住建局（市政）"));
    r.add(rule("E-0507", "E-0507", county, "U-GARDENS", "树木倒伏：园林中心"));
    r.add(rule("E-0509", "E-0509", county, "U-CITYMGMT", "广告牌匾坠落：城市管理局"));
    r.add(rule("E-0603", "E-0603", county, "U-ECOLOGY", "餐饮油烟：生态环境局"));
    // territorial principle (属地管辖, R-17): whatever no other rule names goes to the township
    for (String[] t : TOWNSHIPS) {
      r.add(
          rule(
              "TERRITORIAL-" + t[0],
              "*",
              AreaRef.township(t[0]),
              townshipUnitId(t[0]),
              "属地管辖：" + t[1]));
    }
    return r;
  }

  private static ResponsibilityRule rule(
      String id, String pattern, AreaRef scope, String unitId, String note) {
    return new ResponsibilityRule(id, pattern, scope, unitId, note);
  }
}
