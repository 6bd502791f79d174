package dev.earshot.security.rest;

import dev.earshot.platform.error.DomainException;
import dev.earshot.security.Role;
import dev.earshot.security.service.AccountService;
import dev.earshot.security.service.AccountService.UserView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Users and their roles; admins only. */
@Path("/api/users")
@Tag(name = "Accounts")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

  /**
   * A new user: {@code role} is admin, researcher or annotator. The role is checked by the service,
   * whose message lists the roles.
   */
  public record NewUser(
      @NotNull(message = AccountService.USERNAME_RULE)
          @Pattern(regexp = AccountService.USERNAME_PATTERN, message = AccountService.USERNAME_RULE)
          String username,
      @NotNull(message = AccountService.PASSWORD_RULE)
          @Size(min = AccountService.MIN_PASSWORD_LENGTH, message = AccountService.PASSWORD_RULE)
          String password,
      String role) {}

  /** What to change; absent fields stay as they are. */
  public record UserChange(
      String role,
      @Size(min = AccountService.MIN_PASSWORD_LENGTH, message = AccountService.PASSWORD_RULE)
          String password) {}

  private final AccountService accounts;

  public UserResource(AccountService accounts) {
    this.accounts = accounts;
  }

  @GET
  @Operation(summary = "All users with their roles")
  public List<UserView> users() {
    return accounts.users();
  }

  @GET
  @Path("{username}")
  @Operation(summary = "One user")
  @APIResponse(responseCode = "200")
  public UserView user(@PathParam("username") String username) {
    return accounts.user(username);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a user",
      description = "Password of at least 10 characters, bcrypt-hashed; 409 if the name is taken.")
  @APIResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = UserView.class)))
  public Response create(@Valid NewUser user) {
    if (user == null) {
      throw DomainException.invalidRequest("Send {\"username\",\"password\",\"role\"}");
    }
    UserView created = accounts.createUser(user.username(), user.password(), user.role());
    return Response.created(URI.create("/api/users/" + created.username())).entity(created).build();
  }

  @PATCH
  @Path("{username}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change a user's role or password",
      description = "The last admin cannot lose the admin role (409).")
  public UserView change(@PathParam("username") String username, @Valid UserChange change) {
    if (change == null || (change.role() == null && change.password() == null)) {
      throw DomainException.invalidRequest("Send {\"role\"} and/or {\"password\"}");
    }
    if (change.password() != null) {
      accounts.changePassword(username, change.password());
    }
    return change.role() == null
        ? accounts.user(username)
        : accounts.changeRole(username, change.role());
  }

  @DELETE
  @Path("{username}")
  @Operation(
      summary = "Delete a user and their tokens",
      description = "Their votes stay, attributed to the name. The last admin cannot be deleted.")
  @APIResponse(responseCode = "204")
  public void delete(@PathParam("username") String username) {
    accounts.deleteUser(username);
  }
}
