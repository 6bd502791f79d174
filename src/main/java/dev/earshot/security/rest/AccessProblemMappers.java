package dev.earshot.security.rest;

import dev.earshot.platform.rest.ProblemMappers;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 401 and 403 as problem JSON that says what to send or whom to ask. */
public class AccessProblemMappers {

  private final SecurityIdentity identity;

  public AccessProblemMappers(SecurityIdentity identity) {
    this.identity = identity;
  }

  @ServerExceptionMapper
  public Response unauthorized(UnauthorizedException e, UriInfo uri) {
    return Response.fromResponse(
            ProblemMappers.respond(
                401,
                "Unauthorized",
                "Log in, or send an API token as 'Authorization: Bearer <token>'; tokens are"
                    + " created on the account page or with POST /api/tokens",
                uri,
                null))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"earshot\"")
        .build();
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    String who = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    return ProblemMappers.respond(
        403,
        "Forbidden",
        "'"
            + who
            + "' with roles "
            + identity.getRoles().stream().sorted().toList()
            + " may not do this; ask an admin for a role that may",
        uri,
        null);
  }
}
