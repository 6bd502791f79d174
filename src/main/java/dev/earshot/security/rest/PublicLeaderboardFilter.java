package dev.earshot.security.rest;

import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.security.Role;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Lets anyone read leaderboards when configured; otherwise only researchers and admins. */
@Provider
@PublicLeaderboard
public class PublicLeaderboardFilter implements ContainerRequestFilter {

  // Looked up per request: REST filters are built at static init, before run-time configuration.
  private final Instance<EarshotConfig> config;
  private final SecurityIdentity identity;

  public PublicLeaderboardFilter(Instance<EarshotConfig> config, SecurityIdentity identity) {
    this.config = config;
    this.identity = identity;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (config.get().security().publicLeaderboard()) {
      return;
    }
    if (identity.isAnonymous()) {
      throw new UnauthorizedException();
    }
    if (!identity.hasRole(Role.RESEARCHER_NAME)) {
      throw new ForbiddenException();
    }
  }
}
