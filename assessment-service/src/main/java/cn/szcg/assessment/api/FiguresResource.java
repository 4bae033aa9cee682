package cn.szcg.assessment.api;

import cn.szcg.assessment.domain.Figures;
import cn.szcg.assessment.domain.FiguresBook;
import cn.szcg.assessment.domain.FiguresKey;
import cn.szcg.assessment.domain.Period;
import cn.szcg.assessment.domain.Ratio;
import cn.szcg.assessment.domain.Score;
import cn.szcg.assessment.domain.StaffFiguresBook;
import cn.szcg.assessment.domain.UnitIndicator;
import cn.szcg.assessment.domain.UnitScoring;
import cn.szcg.assessment.domain.Weights;
import cn.szcg.assessment.infra.Commendations;
import cn.szcg.assessment.infra.FigureStore;
import cn.szcg.assessment.infra.ReportFiles;
import cn.szcg.assessment.infra.Reports;
import cn.szcg.assessment.infra.StaffFigureStore;
import cn.szcg.assessment.infra.UnitNames;
import cn.szcg.assessment.infra.WeightStore;
import cn.szcg.platform.security.Caller;
import cn.szcg.platform.security.CurrentActor;
import cn.szcg.platform.security.Roles;
import cn.szcg.platform.sql.SqlValues;
import cn.szcg.platform.web.Problem;
import cn.szcg.platform.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Unit figures, the county ranking, notices, commendations and the score weights (R-22..R-25).
 *
 * <p>Who reads (docs/security.md): the efficiency office, the supervision office, the county
 * government, the shift lead and the administrator read everything; a unit leader reads only its
 * own unit's figures (another unit's → 404, as if it did not exist) and the notices addressed to
 * its unit. The weights are set by the efficiency office and the administrator; the recompute is
 * the administrator's.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "assessment", description = "考核评价 / figures, ranking, notices, commendations")
public class FiguresResource {

  @Inject EntityManager em;
  @Inject FigureStore figures;
  @Inject StaffFigureStore staffFigures;
  @Inject WeightStore weights;
  @Inject Reports reports;
  @Inject UnitNames unitNames;
  @Inject Commendations commendations;
  @Inject CurrentActor actor;
  @Inject Caller caller;

  /** One rate with its definition (written once, in {@link UnitIndicator}). */
  public record RateView(
      String key,
      String nameZh,
      String nameEn,
      String definition,
      boolean inverted,
      long numerator,
      long denominator,
      BigDecimal percent) {}

  /** The score, its grade and each indicator's contribution (points, 4 decimals). */
  public record ScoreView(
      boolean graded,
      BigDecimal score,
      String grade,
      String gradeZh,
      Map<String, BigDecimal> contributions,
      Map<String, BigDecimal> weights) {}

  /**
   * A unit's figures in one cell: counters, derived counts, rates and score; {@code unitName} the
   * unit's latest known name (the id while none is known).
   */
  public record UnitFiguresView(
      String unitId,
      String unitName,
      String period,
      String category,
      String township,
      Figures figures,
      Map<String, Long> derived,
      List<RateView> rates,
      ScoreView score) {}

  /** A page of a collection. */
  public record Page<T>(List<T> items, int page, int size, long total) {}

  /** An accountability notice as issued. */
  public record NoticeView(
      String actionId,
      String type,
      String level,
      String unitId,
      String unitName,
      String kind,
      String month,
      int ordinal,
      String incidentId,
      String caseId,
      String personId,
      String personName,
      boolean personMissing,
      String titleZh,
      String titleEn,
      Instant issuedAt) {}

  /** New weights: points per indicator name, summing to 100; and why. */
  public record WeightsRequest(@NotNull Map<String, BigDecimal> weights, String reason) {}

  /**
   * The comparison of the incremental cells with a recomputation from the stored facts. The first
   * five fields are the unit figures' (处置责任单位, {@code unit_fact} / {@code figure_cell}), {@code
   * staff} the staff figures' (collectors, collection units, operators); {@code allEqual} = both.
   */
  public record RecomputeResult(
      long facts,
      int cells,
      boolean equal,
      List<String> differences,
      boolean repaired,
      StaffRecomputeResult staff,
      boolean allEqual) {}

  /**
   * The staff figures' part of a recompute (信息采集员, 信息采集单位, 受理员/值班长: {@code staff_fact} / {@code
   * staff_cell}).
   *
   * @param facts stored facts read (of the period)
   * @param cells cells compared (recomputed or stored), all books
   * @param cellsByBook cells compared per book (COLLECTOR, COLLECTION_UNIT, OPERATOR)
   * @param equal every cell equal and every fact rebuilt
   * @param differing number of cells that differ
   * @param differences the first 20 differing cells, "BOOK subject period: recomputed … stored …"
   * @param unreadableFacts facts that could not be rebuilt (listed first in {@code differences}); a
   *     repair is refused while there are any
   * @param repaired the stored cells were replaced by the recomputed ones
   */
  public record StaffRecomputeResult(
      long facts,
      int cells,
      Map<String, Integer> cellsByBook,
      boolean equal,
      int differing,
      List<String> differences,
      int unreadableFacts,
      boolean repaired) {}

  static final Map<UnitIndicator, String> DEFINITIONS =
      Map.of(
          UnitIndicator.HANDLING_RATE, "已处置 / 应处置 (handled / to be handled)",
          UnitIndicator.ON_TIME_HANDLING_RATE, "按期处置 / 应处置 (handled on time / to be handled)",
          UnitIndicator.REWORK_RATE, "返工 / 应结案 (reworked / to be closed)",
          UnitIndicator.OVERDUE_RATE, "逾期处置 / 应处置 (overdue / to be handled)",
          UnitIndicator.EXTENSION_RATE, "延期件 / 应办 (extended orders / assigned)",
          UnitIndicator.SATISFACTION_RATE,
              "(满意 + 基本满意) / 评价数 ((satisfied + basically) / responses)",
          UnitIndicator.ON_TIME_SIGN_FOR_RATE, "按时签收 / 签收 (signed on time / signed)");

  static Period period(String text) {
    try {
      return Period.parse(text);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField(
          "period", "pattern", "须为 yyyy-MM 或 yyyy / must be yyyy-MM (month) or yyyy (year)");
    }
  }

  static void checkPage(int page, int size) {
    if (page < 0) {
      throw ProblemException.invalidField("page", "min", "页码不能为负 / page must be >= 0");
    }
    if (size < 1 || size > 200) {
      throw ProblemException.invalidField("size", "range", "每页 1..200 条 / size must be 1..200");
    }
  }

  @GET
  @Path("/figures/units/{unitId}")
  @RolesAllowed({
    Roles.EFFICIENCY_OFFICE,
    Roles.SUPERVISION_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.SHIFT_LEAD,
    Roles.ADMIN,
    Roles.UNIT_LEADER
  })
  @Operation(summary = "单位考核数据 / a unit's figures, rates, score and grade of a month or year")
  public UnitFiguresView unitFigures(
      @PathParam("unitId") String unitId,
      @QueryParam("period") String periodText,
      @QueryParam("category") String category,
      @QueryParam("township") String township) {
    if (caller.isUnitScoped() && !unitId.equals(caller.unit())) {
      // a unit leader sees its own unit only; another unit does not exist for it
      throw ProblemException.notFound("unit", unitId);
    }
    Period p = period(periodText);
    Figures f = figures.cell(unitId, p, category, township);
    return view(unitId, unitNames.nameOf(unitId), p, category, township, f, weights.scoring());
  }

  static UnitFiguresView view(
      String unitId,
      String unitName,
      Period p,
      String category,
      String township,
      Figures f,
      UnitScoring scoring) {
    Map<String, Long> derived = new LinkedHashMap<>();
    derived.put("toHandle", f.toHandle());
    derived.put("assigned", f.assigned());
    derived.put("pending", f.pending());
    derived.put("signedFor", f.signedFor());
    derived.put("responses", f.responses());
    List<RateView> rates = new ArrayList<>();
    for (UnitIndicator i : UnitIndicator.values()) {
      Ratio r = i.of(f);
      rates.add(
          new RateView(
              i.name(),
              i.zh(),
              i.en(),
              DEFINITIONS.get(i),
              i.inverted(),
              r.numerator(),
              r.denominator(),
              r.percent()));
    }
    Score s = scoring.score(f);
    Map<String, BigDecimal> contributions = new LinkedHashMap<>();
    s.contributions().forEach((k, v) -> contributions.put(k, v.toDecimal(4)));
    Map<String, BigDecimal> w = new LinkedHashMap<>();
    scoring.weights().asMap().forEach((k, v) -> w.put(k.name(), v));
    return new UnitFiguresView(
        unitId,
        unitName,
        p.toString(),
        category == null ? FiguresKey.ALL : category,
        township == null ? FiguresKey.ALL : township,
        f,
        derived,
        rates,
        new ScoreView(
            s.graded(),
            s.value(),
            s.graded() ? s.grade().name() : null,
            s.graded() ? s.grade().zh() : null,
            contributions,
            w));
  }

  @GET
  @Path("/rankings")
  @RolesAllowed({
    Roles.EFFICIENCY_OFFICE,
    Roles.SUPERVISION_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.SHIFT_LEAD,
    Roles.ADMIN
  })
  @Operation(summary = "全县排名 / county ranking of units for a month or year")
  public Page<Map<String, Object>> ranking(
      @QueryParam("period") String periodText,
      @QueryParam("category") String category,
      @QueryParam("township") String township,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    Period p = period(periodText);
    checkPage(page, size);
    List<Map<String, Object>> rows = ReportFiles.rows(reports.ranking(p, category, township));
    return slice(rows, page, size);
  }

  static <T> Page<T> slice(List<T> all, int page, int size) {
    int from = (int) Math.min((long) page * size, all.size());
    int to = Math.min(from + size, all.size());
    return new Page<>(all.subList(from, to), page, size, all.size());
  }

  @GET
  @Path("/notices")
  @RolesAllowed({
    Roles.EFFICIENCY_OFFICE,
    Roles.SUPERVISION_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.SHIFT_LEAD,
    Roles.ADMIN,
    Roles.UNIT_LEADER
  })
  @Operation(summary = "问责通报 / accountability notices and warnings (R-24), newest first")
  public Page<NoticeView> notices(
      @QueryParam("unitId") String unitId,
      @QueryParam("month") String month,
      @QueryParam("type") String type,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    checkPage(page, size);
    if (month != null && !month.matches("\\d{4}-(0[1-9]|1[0-2])")) {
      throw ProblemException.invalidField("month", "pattern", "须为 yyyy-MM / must be yyyy-MM");
    }
    if (type != null
        && !Set.of("CENTER_NOTICE", "EFFICIENCY_OFFICE_NOTICE", "EFFICIENCY_WARNING")
            .contains(type)) {
      throw ProblemException.invalidField(
          "type",
          "enum",
          "须为 CENTER_NOTICE / EFFICIENCY_OFFICE_NOTICE / EFFICIENCY_WARNING / unknown type");
    }
    String unit = unitId;
    if (caller.isUnitScoped()) {
      // a unit leader sees the notices addressed to its own unit only
      String own = caller.unit();
      if (own == null || (unitId != null && !unitId.equals(own))) {
        return new Page<>(List.of(), page, size, 0);
      }
      unit = own;
    }
    String where =
        " WHERE (CAST(?1 AS text) IS NULL OR unit_id = ?1) AND (CAST(?2 AS text) IS NULL OR month"
            + " = ?2) AND (CAST(?3 AS text) IS NULL OR type = ?3)";
    long total =
        ((Number)
                em.createNativeQuery("SELECT count(*) FROM accountability_notice" + where)
                    .setParameter(1, unit)
                    .setParameter(2, month)
                    .setParameter(3, type)
                    .getSingleResult())
            .longValue();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT action_id, type, level, unit_id, kind, month, ordinal, incident_id,"
                    + " case_id, person_id, person_name, person_missing, title_zh, title_en,"
                    + " issued_at FROM accountability_notice"
                    + where
                    + " ORDER BY issued_at DESC, action_id LIMIT ?4 OFFSET ?5")
            .setParameter(1, unit)
            .setParameter(2, month)
            .setParameter(3, type)
            .setParameter(4, size)
            .setParameter(5, (long) page * size)
            .getResultList();
    Map<String, String> names =
        unitNames.namesOf(
            rows.stream().map(r -> (String) r[3]).collect(java.util.stream.Collectors.toSet()));
    List<NoticeView> items =
        rows.stream()
            .map(
                r ->
                    new NoticeView(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        names.getOrDefault((String) r[3], (String) r[3]),
                        (String) r[4],
                        (String) r[5],
                        ((Number) r[6]).intValue(),
                        (String) r[7],
                        (String) r[8],
                        (String) r[9],
                        (String) r[10],
                        (Boolean) r[11],
                        (String) r[12],
                        (String) r[13],
                        SqlValues.instant(r[14])))
            .toList();
    return new Page<>(items, page, size, total);
  }

  @GET
  @Path("/commendations")
  @RolesAllowed({
    Roles.EFFICIENCY_OFFICE,
    Roles.SUPERVISION_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.SHIFT_LEAD,
    Roles.ADMIN
  })
  @Operation(
      summary =
          "年度通报表扬候选（处置单位、信息采集员、坐席） / yearly commendation candidates: units,"
              + " collectors and operators (R-25)")
  public Commendations.Year commendations(@QueryParam("year") String year) {
    if (year == null || !year.matches("\\d{4}")) {
      throw ProblemException.invalidField("year", "pattern", "须为 yyyy / must be yyyy");
    }
    return commendations.of(Integer.parseInt(year));
  }

  @GET
  @Path("/config/weights")
  @RolesAllowed({
    Roles.EFFICIENCY_OFFICE,
    Roles.SUPERVISION_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.SHIFT_LEAD,
    Roles.ADMIN,
    Roles.UNIT_LEADER
  })
  @Operation(summary = "综合指标权重 / composite-score weights in force (points, sum 100)")
  public Map<String, BigDecimal> getWeights() {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    Weights<UnitIndicator> w = weights.current();
    for (UnitIndicator i : UnitIndicator.values()) {
      out.put(i.name(), w.weight(i));
    }
    return out;
  }

  @PUT
  @Path("/config/weights")
  @RolesAllowed({Roles.EFFICIENCY_OFFICE, Roles.ADMIN})
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Operation(summary = "设置综合指标权重 / set the composite-score weights (must sum to 100)")
  public Map<String, BigDecimal> putWeights(@Valid @NotNull WeightsRequest request) {
    Map<UnitIndicator, BigDecimal> map = new LinkedHashMap<>();
    List<Problem.FieldError> errors = new ArrayList<>();
    BigDecimal sum = BigDecimal.ZERO;
    for (Map.Entry<String, BigDecimal> e : request.weights().entrySet()) {
      String field = "weights." + e.getKey();
      UnitIndicator i;
      try {
        i = UnitIndicator.valueOf(e.getKey().trim().replace('-', '_').toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException ex) {
        errors.add(new Problem.FieldError(field, "unknown", "未知指标 / unknown indicator"));
        continue;
      }
      if (e.getValue() == null || e.getValue().signum() < 0) {
        errors.add(new Problem.FieldError(field, "min", "权重不能为负 / weight must be >= 0"));
        continue;
      }
      map.put(i, e.getValue());
      sum = sum.add(e.getValue());
    }
    if (errors.isEmpty() && sum.compareTo(new BigDecimal("100")) != 0) {
      errors.add(
          new Problem.FieldError(
              "weights",
              "sum",
              "权重合计必须为100，当前为 " + sum.toPlainString() + " / weights must sum to 100"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest("权重无效 / invalid weights", errors);
    }
    weights.replace(Weights.of(UnitIndicator.class, map), actor.userId(), request.reason());
    return getWeights();
  }

  @POST
  @Path("/admin/figures/recompute")
  @RolesAllowed(Roles.ADMIN)
  @Transactional
  @Operation(
      summary =
          "由事实重算考核数据（处置单位与人员）并比对 / recompute the unit figures and the staff"
              + " figures (collectors, collection units, operators) of a period (or all) from the"
              + " stored facts and compare with the incremental cells; repair=true replaces them")
  public RecomputeResult recompute(
      @QueryParam("period") String periodText,
      @QueryParam("repair") @DefaultValue("false") boolean repair) {
    Period p = periodText == null ? null : period(periodText);
    StaffComparison staffComparison = compareStaff(p, repair);
    FiguresBook book = new FiguresBook();
    long[] n = {0};
    figures.forEachFact(
        p,
        f -> {
          book.apply(f);
          n[0]++;
        });
    Map<FiguresKey, Figures> recomputed = new java.util.TreeMap<>();
    book.cells()
        .forEach(
            (k, v) -> {
              if (p == null || k.period().equals(p)) {
                recomputed.put(k, v);
              }
            });
    Map<FiguresKey, Figures> stored = figures.allCells(p);
    List<String> diffs = new ArrayList<>();
    java.util.Set<FiguresKey> keys = new java.util.TreeSet<>(recomputed.keySet());
    keys.addAll(stored.keySet());
    int differing = 0;
    for (FiguresKey k : keys) {
      Figures a = recomputed.getOrDefault(k, Figures.ZERO);
      Figures b = stored.getOrDefault(k, Figures.ZERO);
      if (!a.equals(b)) {
        differing++;
        if (diffs.size() < 20) {
          diffs.add(k + ": recomputed " + a + " stored " + b);
        }
      }
    }
    boolean equal = differing == 0;
    if (repair && !equal) {
      org.jboss.logging.Logger.getLogger(FiguresResource.class)
          .infof(
              "figure cells of %s replaced from the facts by %s (%d cells differed)",
              p == null ? "all periods" : p, actor.userId(), differing);
      em.createNativeQuery("DELETE FROM figure_cell WHERE CAST(?1 AS text) IS NULL OR period = ?1")
          .setParameter(1, p == null ? null : p.toString())
          .executeUpdate();
      recomputed.forEach(figures::addToCell);
    }
    StaffRecomputeResult staff = staffComparison.finish(repair, p);
    return new RecomputeResult(
        n[0], keys.size(), equal, diffs, repair && !equal, staff, equal && staff.equal());
  }

  /**
   * The staff books recomputed from {@code staff_fact} and compared with {@code staff_cell}; with
   * {@code repair} the cells are locked first (the consumers' cell upserts wait until the end of
   * the transaction) and a fact that cannot be rebuilt refuses the whole request (422).
   */
  private StaffComparison compareStaff(Period p, boolean repair) {
    if (repair) {
      staffFigures.lockCells();
    }
    StaffFiguresBook book = new StaffFiguresBook();
    long[] n = {0};
    List<String> unreadable = new ArrayList<>();
    int[] unreadableCount = {0};
    java.util.function.BiConsumer<String, String> bad =
        (id, why) -> {
          unreadableCount[0]++;
          if (unreadable.size() < 20) {
            unreadable.add("fact " + id + " cannot be rebuilt: " + why);
          }
        };
    staffFigures.forEachFact(
        p,
        f -> {
          n[0]++;
          try {
            book.apply(f);
          } catch (IllegalArgumentException e) {
            bad.accept(f.factId(), e.getMessage());
          }
        },
        (id, why) -> {
          n[0]++;
          bad.accept(id, why);
        });
    if (repair && unreadableCount[0] > 0) {
      throw ProblemException.unprocessable(
          "staff-facts-unreadable",
          "人员考核事实无法重建，未修复 / staff facts cannot be rebuilt, nothing repaired",
          unreadableCount[0] + " staff fact(s) cannot be rebuilt, e.g. " + unreadable.get(0));
    }
    StaffFiguresBook.Cells recomputed = book.cells().of(p);
    StaffFiguresBook.Cells stored = staffFigures.cells(p);
    return new StaffComparison(
        n[0],
        recomputed,
        stored,
        StaffFiguresBook.differences(recomputed, stored),
        unreadable,
        unreadableCount[0]);
  }

  /** A staff comparison made before the unit figures', finished (and repaired) after them. */
  private final class StaffComparison {
    final long facts;
    final StaffFiguresBook.Cells recomputed;
    final StaffFiguresBook.Cells stored;
    final List<StaffFiguresBook.Difference> differences;
    final List<String> unreadable;
    final int unreadableCount;

    StaffComparison(
        long facts,
        StaffFiguresBook.Cells recomputed,
        StaffFiguresBook.Cells stored,
        List<StaffFiguresBook.Difference> differences,
        List<String> unreadable,
        int unreadableCount) {
      this.facts = facts;
      this.recomputed = recomputed;
      this.stored = stored;
      this.differences = differences;
      this.unreadable = unreadable;
      this.unreadableCount = unreadableCount;
    }

    StaffRecomputeResult finish(boolean repair, Period p) {
      boolean equal = differences.isEmpty() && unreadableCount == 0;
      List<String> lines = new ArrayList<>(unreadable);
      for (StaffFiguresBook.Difference d : differences) {
        if (lines.size() >= 20) {
          break;
        }
        lines.add(d.toString());
      }
      Map<String, Integer> byBook = new LinkedHashMap<>();
      int total = 0;
      for (StaffFiguresBook.Book b : StaffFiguresBook.Book.values()) {
        int c = StaffFiguresBook.compared(recomputed, stored, b);
        byBook.put(b.name(), c);
        total += c;
      }
      boolean repairing = repair && !differences.isEmpty();
      if (repairing) {
        org.jboss.logging.Logger.getLogger(FiguresResource.class)
            .infof(
                "staff cells of %s replaced from the facts by %s (%d cells differed)",
                p == null ? "all periods" : p, actor.userId(), differences.size());
        staffFigures.replaceCells(p, recomputed);
      }
      return new StaffRecomputeResult(
          facts, total, byBook, equal, differences.size(), lines, unreadableCount, repairing);
    }
  }
}
