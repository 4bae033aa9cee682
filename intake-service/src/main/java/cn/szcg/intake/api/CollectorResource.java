package cn.szcg.intake.api;

import cn.szcg.intake.application.CollectorRegistry;
import cn.szcg.intake.domain.CollectionUnit;
import cn.szcg.intake.domain.CollectorEligibility;
import cn.szcg.intake.domain.Eligibility;
import cn.szcg.intake.infra.CollectionUnitEntity;
import cn.szcg.intake.infra.CollectorEntity;
import cn.szcg.intake.infra.CurrentActor;
import cn.szcg.platform.security.Roles;
import cn.szcg.platform.web.ProblemException;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Collection units (信息采集单位, contracts) and collectors (信息采集员, certificates, deactivation), R-09 and
 * Only certified, active collectors of a unit under contract may report or verify. Maintained
 * by administrators and shift leads; read by the center and the efficiency office; a collector
 * reports only their own position.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "collectors", description = "信息采集单位与采集员 / collection units and collectors")
public class CollectorResource {

  private static final String ID = "[A-Za-z0-9_-]{1,64}";

  @Inject CurrentActor current;
  @Inject CollectorRegistry registry;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record UnitView(
      String id,
      String name,
      LocalDate contractFrom,
      LocalDate contractTo,
      boolean terminated,
      Instant updatedAt,
      String updatedBy,
      String updateReason) {
    static UnitView of(CollectionUnitEntity u) {
      return new UnitView(
          u.id,
          u.name,
          u.contractFrom,
          u.contractTo,
          u.terminated,
          u.updatedAt,
          u.updatedBy,
          u.updateReason);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CollectorView(
      String id,
      String name,
      String unitId,
      String certificateNumber,
      LocalDate certificateValidFrom,
      LocalDate certificateValidTo,
      boolean deactivated,
      String deactivationReason,
      Double lon,
      Double lat,
      Instant positionAt,
      boolean mayReport,
      String eligibility,
      String eligibilityMessage,
      Instant updatedAt,
      String updatedBy) {
    static CollectorView of(CollectorEntity c) {
      CollectionUnitEntity u = CollectionUnitEntity.findById(c.unitId);
      CollectionUnit unit = u == null ? null : u.toDomain();
      Eligibility e = CollectorEligibility.eligibility(c.toDomain(), unit, Instant.now());
      return new CollectorView(
          c.id,
          c.name,
          c.unitId,
          c.certNumber,
          c.certValidFrom,
          c.certValidTo,
          c.deactivated,
          c.deactivationReason,
          c.lon,
          c.lat,
          c.positionAt,
          e.allowed(),
          e.reason() == null ? null : e.reason().name(),
          e.message().zh() + " / " + e.message().en(),
          c.updatedAt,
          c.updatedBy);
    }
  }

  @PUT
  @Path("/collection-units/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.SHIFT_LEAD})
  @Operation(
      operationId = "putCollectionUnit",
      summary = "登记或修改信息采集单位 / create or update a collection unit",
      description = "Contract period (both days inclusive); terminated=true ends it early (R-20).")
  public UnitView putUnit(
      @PathParam("id") @Pattern(regexp = ID) String id, @NotNull @Valid ActionRequests.Unit body) {
    return UnitView.of(
        registry.putUnit(
            id,
            body.name(),
            body.contractFrom(),
            body.contractTo(),
            Boolean.TRUE.equals(body.terminated()),
            body.reason(),
            current.id()));
  }

  @GET
  @Path("/collection-units")
  @RolesAllowed({
    Roles.OPERATOR,
    Roles.SHIFT_LEAD,
    Roles.DISPATCHER,
    Roles.SUPERVISION_OFFICE,
    Roles.ADMIN,
    Roles.EFFICIENCY_OFFICE
  })
  @Operation(operationId = "listCollectionUnits", summary = "信息采集单位列表 / collection units")
  @Transactional
  public PageView<UnitView> units(
      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
    var q = CollectionUnitEntity.<CollectionUnitEntity>findAll(Sort.by("id"));
    return new PageView<>(
        q.page(Page.of(page, size)).list().stream().map(UnitView::of).toList(),
        page,
        size,
        q.count());
  }

  @GET
  @Path("/collection-units/{id}")
  @RolesAllowed({
    Roles.OPERATOR,
    Roles.SHIFT_LEAD,
    Roles.DISPATCHER,
    Roles.SUPERVISION_OFFICE,
    Roles.ADMIN,
    Roles.EFFICIENCY_OFFICE
  })
  @Operation(operationId = "getCollectionUnit", summary = "信息采集单位 / a collection unit")
  @Transactional
  public UnitView unit(@PathParam("id") @Pattern(regexp = ID) String id) {
    CollectionUnitEntity u = CollectionUnitEntity.findById(id);
    if (u == null) {
      throw ProblemException.notFound("collection unit", id);
    }
    return UnitView.of(u);
  }

  @PUT
  @Path("/collectors/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.SHIFT_LEAD})
  @Operation(
      operationId = "putCollector",
      summary = "登记或修改信息采集员 / create or update a collector",
      description =
          "Name, collection unit and training certificate (培训合格证, Art 16; omit while not yet"
              + " certified). Deactivation is a separate step with a reason.")
  public CollectorView putCollector(
      @PathParam("id") @Pattern(regexp = ID) String id,
      @NotNull @Valid ActionRequests.CollectorBody body) {
    ActionRequests.Cert cert = body.certificate();
    return CollectorView.of(
        registry.putCollector(
            id,
            body.name(),
            body.unitId(),
            cert == null
                ? null
                : new CollectorRegistry.Certificate(
                    cert.number(), cert.validFrom(), cert.validTo()),
            current.id()));
  }

  @GET
  @Path("/collectors")
  @RolesAllowed({
    Roles.OPERATOR,
    Roles.SHIFT_LEAD,
    Roles.DISPATCHER,
    Roles.SUPERVISION_OFFICE,
    Roles.ADMIN,
    Roles.EFFICIENCY_OFFICE
  })
  @Operation(operationId = "listCollectors", summary = "信息采集员列表 / collectors (by unit)")
  @Transactional
  public PageView<CollectorView> collectors(
      @QueryParam("unitId") @Size(max = 64) String unitId,
      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
    var q = CollectorEntity.ofUnit(unitId);
    return new PageView<>(
        q.page(Page.of(page, size)).list().stream().map(CollectorView::of).toList(),
        page,
        size,
        q.count());
  }

  @GET
  @Path("/collectors/{id}")
  @RolesAllowed({
    Roles.OPERATOR,
    Roles.SHIFT_LEAD,
    Roles.DISPATCHER,
    Roles.SUPERVISION_OFFICE,
    Roles.ADMIN,
    Roles.EFFICIENCY_OFFICE
  })
  @Operation(
      operationId = "getCollector",
      summary = "信息采集员（含当前是否可上报）/ a collector and whether they may report now")
  @Transactional
  public CollectorView collector(@PathParam("id") @Pattern(regexp = ID) String id) {
    return CollectorView.of(CollectorRegistry.find(id));
  }

  @POST
  @Path("/collectors/{id}/deactivation")
  @RolesAllowed({Roles.ADMIN, Roles.SHIFT_LEAD})
  @Operation(
      operationId = "deactivateCollector",
      summary = "停用信息采集员 / deactivate a collector (R-20), with a reason")
  public CollectorView deactivate(
      @PathParam("id") @Pattern(regexp = ID) String id,
      @NotNull @Valid ActionRequests.Deactivation body) {
    return CollectorView.of(registry.deactivate(id, body.reason(), current.id()));
  }

  @POST
  @Path("/collectors/{id}/reactivation")
  @RolesAllowed({Roles.ADMIN, Roles.SHIFT_LEAD})
  @Consumes(MediaType.WILDCARD)
  @Operation(operationId = "reactivateCollector", summary = "恢复信息采集员 / reactivate a collector")
  public CollectorView reactivate(@PathParam("id") @Pattern(regexp = ID) String id) {
    return CollectorView.of(registry.reactivate(id, current.id()));
  }

  @PUT
  @Path("/collectors/{id}/position")
  @RolesAllowed(Roles.COLLECTOR)
  @Operation(
      operationId = "reportCollectorPosition",
      summary = "上报采集员位置 / the collector's current position",
      description =
          "Used to send a verification task to the nearest collector. Only the collector"
              + " themselves (collector_id of the token = {id}); 403 for anyone else's position.")
  public CollectorView position(
      @PathParam("id") @Pattern(regexp = ID) String id,
      @NotNull @Valid RegisterReportRequest.Point body) {
    if (!id.equals(current.collectorId())) {
      throw ProblemException.forbidden(
          "信息采集员只能上报本人的位置 / a collector reports only their own position (token: "
              + current.collectorId()
              + ")");
    }
    return CollectorView.of(registry.position(id, body.lon(), body.lat()));
  }
}
