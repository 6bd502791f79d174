package dev.earshot.security.rest;

import dev.earshot.audit.AuditEvent;
import dev.earshot.audit.service.AuditLog;
import dev.earshot.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The audit log of administrative and researcher actions; admins only (the log itself is in {@code
 * audit}).
 */
@Path("/api/audit")
@Tag(name = "Accounts")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  private final AuditLog audit;

  public AuditResource(AuditLog audit) {
    this.audit = audit;
  }

  @GET
  @Operation(
      summary = "Administrative and researcher actions, newest first",
      description =
          "Users, roles, tokens, reward keys, campaign state changes, exports and arena imports:"
              + " who (actor), what (action), on what (target), when and from which address."
              + " Never holds passwords, token secrets or reward keys. Page back with `before`.")
  public List<AuditEvent> events(
      @Parameter(description = "Only events with a smaller id (the last id of the previous page)")
          @QueryParam("before")
          Long before,
      @Parameter(description = "Only this actor's events") @QueryParam("actor") String actor,
      @Parameter(description = "Only this action, e.g. user.role-changed") @QueryParam("action")
          String action,
      @Parameter(description = "Page size, 1-" + AuditLog.MAX_PAGE)
          @QueryParam("limit")
          @DefaultValue("100")
          int limit) {
    return audit.newest(before, actor, action, limit);
  }
}
