package cn.szcg.sla.notify.api;

import cn.szcg.platform.security.Caller;
import cn.szcg.platform.security.Roles;
import cn.szcg.platform.web.ProblemException;
import cn.szcg.sla.notify.application.Inbox;
import cn.szcg.sla.notify.application.Preferences;
import cn.szcg.sla.notify.infra.NotifyStore;
import cn.szcg.sla.notify.infra.NotifyStore.NotificationView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Notifications to people (通知, docs/notifications.md): a person's own inbox and choices; the
 * center's view of every notification and its delivery state per channel.
 */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "notifications", description = "通知 / notifications to people")
public class NotificationResource {

  /** Every person of the realm (not the machine clients). */
  static final String[] PEOPLE = {
    Roles.COLLECTOR,
    Roles.OPERATOR,
    Roles.SHIFT_LEAD,
    Roles.DISPATCHER,
    Roles.UNIT_RECEIVER,
    Roles.UNIT_LEADER,
    Roles.UNIT_HANDLER,
    Roles.EFFICIENCY_OFFICE,
    Roles.SUPERVISION_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.ADMIN
  };

  static final Set<String> STATES = Set.of("QUEUED", "SENDING", "SENT", "DELIVERED", "FAILED");

  @Inject NotifyStore store;
  @Inject Inbox inbox;
  @Inject Preferences preferences;
  @Inject Caller caller;

  /** The inbox: newest first, with the unread count. */
  public record InboxView(long unread, List<NotificationView> items) {}

  @GET
  @Path("/mine")
  @Transactional
  @RolesAllowed({
    Roles.COLLECTOR,
    Roles.OPERATOR,
    Roles.SHIFT_LEAD,
    Roles.DISPATCHER,
    Roles.UNIT_RECEIVER,
    Roles.UNIT_LEADER,
    Roles.UNIT_HANDLER,
    Roles.EFFICIENCY_OFFICE,
    Roles.SUPERVISION_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.ADMIN
  })
  @Operation(
      operationId = "listMyNotifications",
      summary = "我的通知（收件箱）/ my notifications (the inbox), newest first")
  public InboxView mine(
      @QueryParam("unread") @DefaultValue("false") boolean unreadOnly,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    String me = caller.username();
    return new InboxView(store.unread(me), store.inbox(me, unreadOnly, limit(limit)));
  }

  @POST
  @Path("/mine/{id}/read")
  @RolesAllowed({
    Roles.COLLECTOR,
    Roles.OPERATOR,
    Roles.SHIFT_LEAD,
    Roles.DISPATCHER,
    Roles.UNIT_RECEIVER,
    Roles.UNIT_LEADER,
    Roles.UNIT_HANDLER,
    Roles.EFFICIENCY_OFFICE,
    Roles.SUPERVISION_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.ADMIN
  })
  @Operation(
      operationId = "markNotificationRead",
      summary = "标记已读 / mark one of my notifications read")
  public void markRead(@PathParam("id") String id) {
    inbox.markRead(caller.username(), id);
  }

  @GET
  @Path("/preferences")
  @RolesAllowed({
    Roles.COLLECTOR,
    Roles.OPERATOR,
    Roles.SHIFT_LEAD,
    Roles.DISPATCHER,
    Roles.UNIT_RECEIVER,
    Roles.UNIT_LEADER,
    Roles.UNIT_HANDLER,
    Roles.EFFICIENCY_OFFICE,
    Roles.SUPERVISION_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.ADMIN
  })
  @Operation(
      operationId = "getMyNotificationPreferences",
      summary = "我的通知设置 / my channels and quiet hours (phone masked)")
  public Preferences.View myPreferences() {
    return preferences.mine(caller.username(), firstRole(), caller.unit());
  }

  @PUT
  @Path("/preferences")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({
    Roles.COLLECTOR,
    Roles.OPERATOR,
    Roles.SHIFT_LEAD,
    Roles.DISPATCHER,
    Roles.UNIT_RECEIVER,
    Roles.UNIT_LEADER,
    Roles.UNIT_HANDLER,
    Roles.EFFICIENCY_OFFICE,
    Roles.SUPERVISION_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.ADMIN
  })
  @Operation(
      operationId = "setMyNotificationPreferences",
      summary = "修改我的通知设置 / set my channels and quiet hours (HH:mm, Asia/Shanghai)")
  public Preferences.View setMyPreferences(Preferences.Choices choices) {
    return preferences.update(caller.username(), firstRole(), caller.unit(), choices);
  }

  @GET
  @Transactional
  @RolesAllowed({
    Roles.OPERATOR,
    Roles.SHIFT_LEAD,
    Roles.DISPATCHER,
    Roles.SUPERVISION_OFFICE,
    Roles.ADMIN
  })
  @Operation(
      operationId = "searchNotifications",
      summary = "通知及其送达状态（指挥中心）/ notifications and their delivery state per channel (the center)")
  public List<NotificationView> search(
      @QueryParam("caseId") String caseId,
      @QueryParam("personId") String personId,
      @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"QUEUED", "SENDING", "SENT", "DELIVERED", "FAILED"}))
          @QueryParam("state")
          String state,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    if (state != null && !STATES.contains(state)) {
      throw ProblemException.invalidField(
          "state", "UNKNOWN_STATE", "状态应为 QUEUED|SENDING|SENT|DELIVERED|FAILED / unknown state");
    }
    return store.search(caseId, personId, state, limit(limit));
  }

  private static int limit(int limit) {
    if (limit < 1 || limit > 500) {
      throw ProblemException.invalidField(
          "limit", "OUT_OF_RANGE", "limit 应在 1..500 / limit must be 1..500");
    }
    return limit;
  }

  private String firstRole() {
    return caller.roles().stream()
        .filter(r -> Set.of(PEOPLE).contains(r))
        .sorted()
        .findFirst()
        .orElse("");
  }
}
