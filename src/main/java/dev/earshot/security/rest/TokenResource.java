package dev.earshot.security.rest;

import dev.earshot.platform.error.DomainException;
import dev.earshot.security.Role;
import dev.earshot.security.auth.BearerTokenIdentityProvider;
import dev.earshot.security.service.AccountService;
import dev.earshot.security.service.AccountService.CreatedToken;
import dev.earshot.security.service.AccountService.TokenView;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** API tokens: everyone manages their own; admins may list and revoke anyone's. */
@Path("/api/tokens")
@Tag(name = "Accounts")
@RolesAllowed(Role.ANNOTATOR_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

  /**
   * A token to create: {@code role} defaults to the owner's and may not exceed it; {@code user}
   * (admins only) creates it for someone else.
   */
  public record NewToken(
      @NotBlank(message = AccountService.TOKEN_NAME_RULE)
          @Size(
              max = AccountService.MAX_TOKEN_NAME_LENGTH,
              message = AccountService.TOKEN_NAME_RULE)
          String name,
      String role,
      String user) {}

  private final AccountService accounts;
  private final SecurityIdentity identity;

  public TokenResource(AccountService accounts, SecurityIdentity identity) {
    this.accounts = accounts;
    this.identity = identity;
  }

  @GET
  @Operation(
      summary = "Your tokens (secrets are never shown again)",
      description = "Admins may pass all=true to list every user's tokens.")
  public List<TokenView> tokens(@QueryParam("all") boolean all) {
    if (all) {
      requireAdmin();
      return accounts.allTokens();
    }
    return accounts.tokens(caller());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a token",
      description =
          "The answer's 'secret' is the token, shown this once: send it as 'Authorization: Bearer"
              + " <secret>'. Only its SHA-256 is stored.")
  @APIResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = CreatedToken.class)))
  public Response create(@Valid NewToken token) {
    if (token == null) {
      throw DomainException.invalidRequest("Send {\"name\"} and optionally {\"role\"}");
    }
    String owner = token.user() == null ? caller() : token.user();
    if (!owner.equals(identity.getPrincipal().getName())) {
      requireAdmin();
    }
    CreatedToken created = accounts.createToken(owner, token.name(), token.role());
    return Response.created(URI.create("/api/tokens/" + created.token().id()))
        .entity(created)
        .build();
  }

  @DELETE
  @Path("{id}")
  @Operation(
      summary = "Revoke a token",
      description = "It stops working at once; revoking twice is harmless.")
  public TokenView revoke(@PathParam("id") UUID id) {
    return accounts.revokeToken(
        id, identity.getPrincipal().getName(), identity.hasRole(Role.ADMIN_NAME));
  }

  /** The caller as a user; the bootstrap token belongs to nobody. */
  private String caller() {
    String name = identity.getPrincipal().getName();
    if (BearerTokenIdentityProvider.BOOTSTRAP_PRINCIPAL.equals(name)) {
      throw DomainException.conflict(
          "Bootstrap token has no user",
          "The bootstrap admin token belongs to no user: create a user (POST /api/users) and"
              + " pass {\"user\"} to make a token for them");
    }
    return name;
  }

  private void requireAdmin() {
    if (!identity.hasRole(Role.ADMIN_NAME)) {
      throw new io.quarkus.security.ForbiddenException();
    }
  }
}
