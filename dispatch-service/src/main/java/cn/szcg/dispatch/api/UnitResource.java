package cn.szcg.dispatch.api;

import cn.szcg.dispatch.api.CaseViews.Page;
import cn.szcg.dispatch.application.UnitRegisterImport;
import cn.szcg.dispatch.application.UnitRegistry;
import cn.szcg.dispatch.domain.Accountability;
import cn.szcg.dispatch.domain.ContactAssignment;
import cn.szcg.dispatch.domain.ContactPerson;
import cn.szcg.dispatch.domain.ContactRole;
import cn.szcg.dispatch.domain.Unit;
import cn.szcg.dispatch.domain.UnitImport;
import cn.szcg.dispatch.domain.UnitKind;
import cn.szcg.dispatch.domain.UnitRecord;
import cn.szcg.dispatch.domain.UnitRegister;
import cn.szcg.dispatch.domain.UnitVersion;
import cn.szcg.dispatch.infra.CaseQueries;
import cn.szcg.dispatch.infra.CaseQueries.UnitOrder;
import cn.szcg.dispatch.infra.CurrentActor;
import cn.szcg.dispatch.infra.ServiceClock;
import cn.szcg.dispatch.infra.UnitLoads;
import cn.szcg.dispatch.infra.UnitStore;
import cn.szcg.platform.security.Roles;
import cn.szcg.platform.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The register of responsible units (处置责任单位, R-02/R-27): two levels (county departments, utilities,
 * companies and township bodies; township bodies' departments), their leader in charge (分管领导), head
 * of handling organ (处置机构负责人) and daily receivers (批办件接收人员), every change kept as dated history;
 * and each unit's own orders.
 */
@Path("/api/v1/units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "units", description = "处置责任单位 / responsible units")
public class UnitResource {

  @Inject UnitStore store;
  @Inject CurrentActor currentActor;
  @Inject ServiceClock clock;
  @Inject CaseQueries queries;
  @Inject UnitRegisterImport importer;
  @Inject UnitRegistry registry;
  @Inject UnitLoads loads;

  /** Register a unit. {@code validFrom} defaults to now. */
  public record RegisterUnitBody(
      @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_.-]+") String unitId,
      @NotBlank @Size(max = 200) String name,
      @NotNull UnitKind kind,
      @Size(max = 100) String parentUnitId,
      @Size(max = 20) String townshipCode,
      Instant validFrom) {}

  /** Change a unit's name or (de)activate it from {@code validFrom} (default now). */
  public record ChangeUnitBody(
      @NotBlank @Size(max = 200) String name, @NotNull Boolean active, Instant validFrom) {}

  /** A person takes a contact role from {@code validFrom} (default now). */
  public record AssignContactBody(
      @NotNull ContactRole role,
      @NotBlank @Size(max = 100) String personId,
      @NotBlank @Size(max = 100) String name,
      @Size(max = 50) String phone,
      @Size(max = 100) String userId,
      Instant validFrom) {}

  /** A person leaves a contact role at {@code validTo} (default now). */
  public record EndContactBody(Instant validTo) {}

  /** A unit as it is now. */
  public record UnitSummary(
      String unitId,
      String name,
      String kind,
      String kindLabel,
      String parentUnitId,
      String townshipCode,
      boolean active) {
    static UnitSummary of(Unit u) {
      return new UnitSummary(
          u.unitId(),
          u.name(),
          u.kind().name(),
          u.kind().labelZh(),
          u.parentUnitId(),
          u.townshipCode(),
          u.active());
    }
  }

  /** A unit with its whole dated history. */
  public record UnitDetail(
      UnitSummary unit,
      List<UnitSummary> subUnits,
      List<UnitVersion> versions,
      List<ContactAssignment> contacts) {}

  @GET
  @Operation(
      operationId = "listUnits",
      summary = "单位列表 / list units (filters: kind, parentUnitId, township)")
  @RolesAllowed({
    Roles.OPERATOR,
    Roles.SHIFT_LEAD,
    Roles.DISPATCHER,
    Roles.SUPERVISION_OFFICE,
    Roles.EFFICIENCY_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.ADMIN,
    Roles.UNIT_RECEIVER,
    Roles.UNIT_LEADER,
    Roles.UNIT_HANDLER
  })
  public Page<UnitSummary> list(
      @QueryParam("kind") UnitKind kind,
      @QueryParam("parentUnitId") String parent,
      @QueryParam("township") String township,
      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
    List<UnitSummary> all =
        store.load().all().stream()
            .map(UnitRecord::current)
            .filter(u -> kind == null || u.kind() == kind)
            .filter(u -> parent == null || parent.equals(u.parentUnitId()))
            .filter(u -> township == null || township.equals(u.townshipCode()))
            .sorted(Comparator.comparing(Unit::unitId))
            .map(UnitSummary::of)
            .toList();
    int fromIdx = (int) Math.min((long) page * size, all.size());
    int toIdx = Math.min(fromIdx + size, all.size());
    return new Page<>(all.subList(fromIdx, toIdx), page, size, all.size());
  }

  @GET
  @Path("/{unitId}")
  @Operation(operationId = "getUnit", summary = "查看单位及其变更历史 / read a unit with its dated history")
  @RolesAllowed({
    Roles.OPERATOR,
    Roles.SHIFT_LEAD,
    Roles.DISPATCHER,
    Roles.SUPERVISION_OFFICE,
    Roles.EFFICIENCY_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.ADMIN,
    Roles.UNIT_RECEIVER,
    Roles.UNIT_LEADER,
    Roles.UNIT_HANDLER
  })
  public UnitDetail get(@PathParam("unitId") String unitId) {
    UnitRegister reg = store.load();
    requireOwn(reg, unitId);
    return detail(reg, unitId);
  }

  @POST
  @Operation(
      operationId = "registerUnit",
      summary = "登记单位 / register a unit (a department needs its township body as parent)")
  @RolesAllowed({Roles.ADMIN})
  public Response register(@Valid @NotNull RegisterUnitBody b) {
    UnitRegister after =
        registry.register(
            b.unitId(),
            b.name(),
            b.kind(),
            CaseResource.blank(b.parentUnitId()),
            CaseResource.blank(b.townshipCode()),
            b.validFrom());
    return Response.created(URI.create("/api/v1/units/" + b.unitId()))
        .entity(detail(after, b.unitId()))
        .build();
  }

  @POST
  @Path("/import")
  @Operation(
      operationId = "importUnits",
      summary =
          "导入单位登记 / load the county's units, their contacts (leader in charge, head, daily"
              + " receivers) and the responsibility matrix from one file: validated completely, all"
              + " or nothing (docs/operations.md)")
  @RolesAllowed({Roles.ADMIN})
  public UnitRegisterImport.Summary importRegister(
      @NotNull UnitImport.File file, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
    return importer.load(
        file, UnitImport.Existing.REFUSE_UNITS_REPLACE_RULES, dryRun, currentActor.userId());
  }

  @PUT
  @Path("/{unitId}")
  @Operation(
      operationId = "changeUnit",
      summary = "变更单位（更名、停用）/ rename or (de)activate a unit from a date")
  @RolesAllowed({Roles.ADMIN})
  public UnitDetail change(@PathParam("unitId") String unitId, @Valid @NotNull ChangeUnitBody b) {
    return detail(registry.change(unitId, b.name(), b.active(), b.validFrom()), unitId);
  }

  @POST
  @Path("/{unitId}/contacts")
  @Operation(
      operationId = "assignUnitContact",
      summary =
          "登记联系人 / a person takes a contact role (leader in charge, head, receiver) from a date")
  @RolesAllowed({Roles.ADMIN})
  public UnitDetail assign(
      @PathParam("unitId") String unitId, @Valid @NotNull AssignContactBody b) {
    ContactPerson person =
        new ContactPerson(b.personId(), b.name(), b.phone(), CaseResource.blank(b.userId()));
    return detail(registry.assign(unitId, b.role(), person, b.validFrom()), unitId);
  }

  @POST
  @Path("/{unitId}/contacts/{role}/{personId}/end")
  @Operation(
      operationId = "endUnitContact",
      summary = "联系人离任 / a person leaves a contact role at a date")
  @RolesAllowed({Roles.ADMIN})
  public UnitDetail end(
      @PathParam("unitId") String unitId,
      @PathParam("role") ContactRole role,
      @PathParam("personId") String personId,
      @Valid EndContactBody b) {
    Instant to = b == null ? null : b.validTo();
    return detail(registry.end(unitId, role, personId, to), unitId);
  }

  @GET
  @Path("/{unitId}/accountable")
  @Operation(
      operationId = "getAccountablePersons",
      summary = "某时刻的责任人 / who was the unit's leader, head and receivers at an instant")
  @RolesAllowed({
    Roles.OPERATOR,
    Roles.SHIFT_LEAD,
    Roles.DISPATCHER,
    Roles.SUPERVISION_OFFICE,
    Roles.EFFICIENCY_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.ADMIN,
    Roles.UNIT_RECEIVER,
    Roles.UNIT_LEADER,
    Roles.UNIT_HANDLER
  })
  public Accountability accountable(
      @PathParam("unitId") String unitId, @QueryParam("at") String at) {
    Instant t = CaseResource.instant("at", at);
    UnitRegister reg = store.load();
    requireOwn(reg, unitId);
    return reg.accountableAt(unitId, t == null ? clock.now() : t);
  }

  /** The open load of every unit, as of {@code at}. */
  public record OpenLoad(Instant at, List<UnitLoads.UnitLoad> units) {}

  @GET
  @Path("/open-load")
  @Operation(
      operationId = "listUnitOpenLoad",
      summary =
          "各单位在办量 / the open load of every unit at once: open orders, not signed for, in"
              + " handling, overdue (units without an open order are not listed)")
  @RolesAllowed({
    Roles.OPERATOR,
    Roles.SHIFT_LEAD,
    Roles.DISPATCHER,
    Roles.SUPERVISION_OFFICE,
    Roles.EFFICIENCY_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.ADMIN
  })
  public OpenLoad openLoad() {
    Instant now = clock.now();
    return new OpenLoad(now, loads.openLoad(now));
  }

  @GET
  @Path("/{unitId}/orders")
  @Operation(
      operationId = "listUnitOrders",
      summary =
          "本单位批办件 / the unit's own orders and sub-orders (a unit user sees its own unit only)")
  @RolesAllowed({
    Roles.OPERATOR,
    Roles.SHIFT_LEAD,
    Roles.DISPATCHER,
    Roles.SUPERVISION_OFFICE,
    Roles.EFFICIENCY_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.ADMIN,
    Roles.UNIT_RECEIVER,
    Roles.UNIT_LEADER,
    Roles.UNIT_HANDLER
  })
  public Page<UnitOrder> orders(
      @PathParam("unitId") String unitId,
      @QueryParam("open") @DefaultValue("false") boolean openOnly,
      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
    Unit u = store.load().get(unitId).current();
    if (!currentActor.maySeeUnit(u.unitId(), u.parentUnitId())) {
      throw ProblemException.forbidden("只能查看本单位的批办件 / a unit sees its own orders only");
    }
    CaseQueries.Slice<UnitOrder> found = queries.unitOrders(unitId, openOnly, page, size);
    return new Page<>(found.items(), page, size, found.total());
  }

  /**
   * A unit user reads its own unit's (and, for a township body, its departments') register entry
   * and contacts only; 404 for an unknown unit, 403 for another unit (the unit list is public to
   * them, the contacts are not).
   */
  private void requireOwn(UnitRegister reg, String unitId) {
    Unit u = reg.get(unitId).current();
    if (!currentActor.maySeeUnit(u.unitId(), u.parentUnitId())) {
      throw ProblemException.forbidden(
          "只能查看本单位的登记信息 / a unit user reads its own unit's register entry only");
    }
  }

  private static UnitDetail detail(UnitRegister reg, String unitId) {
    UnitRecord r = reg.get(unitId);
    return new UnitDetail(
        UnitSummary.of(r.current()),
        reg.subUnitsOf(unitId).stream().map(UnitSummary::of).toList(),
        r.versions(),
        r.contacts());
  }
}
