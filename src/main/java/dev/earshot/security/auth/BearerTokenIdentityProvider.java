package dev.earshot.security.auth;

import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.security.Role;
import dev.earshot.security.SecretTokens;
import dev.earshot.security.service.AccountService;
import dev.earshot.security.service.AccountService.TokenIdentity;
import dev.earshot.security.service.TokenIdentityCache;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Turns a bearer token into an identity: the configured bootstrap admin token, or a stored token
 * (looked up by its SHA-256) acting with its role, never above its owner's current one. A token
 * seen recently is answered from {@link TokenIdentityCache} without touching the database.
 */
@ApplicationScoped
public class BearerTokenIdentityProvider implements IdentityProvider<BearerTokenRequest> {

  /** The principal of the configured bootstrap token; not a user who can log in. */
  public static final String BOOTSTRAP_PRINCIPAL = "bootstrap-admin";

  private static final Logger LOG = Logger.getLogger(BearerTokenIdentityProvider.class);

  private final AccountService accounts;
  private final EarshotConfig config;
  private final TokenIdentityCache tokenCache;

  public BearerTokenIdentityProvider(
      AccountService accounts, EarshotConfig config, TokenIdentityCache tokenCache) {
    this.accounts = accounts;
    this.config = config;
    this.tokenCache = tokenCache;
  }

  @Override
  public Class<BearerTokenRequest> getRequestType() {
    return BearerTokenRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      BearerTokenRequest request, AuthenticationRequestContext context) {
    String token = request.token();
    boolean bootstrap =
        config
            .bootstrapAdminToken()
            .filter(configured -> !configured.isBlank())
            .map(configured -> SecretTokens.sameSecret(configured, token))
            .orElse(false);
    if (bootstrap) {
      return Uni.createFrom().item(identity(BOOTSTRAP_PRINCIPAL, Role.ADMIN));
    }
    String sha256 = SecretTokens.sha256(token);
    Optional<TokenIdentity> warm = tokenCache.fresh(sha256);
    if (warm.isPresent()) {
      return Uni.createFrom().item(identity(warm.get().username(), warm.get().role()));
    }
    return context.runBlocking(
        () ->
            lookUp(sha256, token)
                .map(found -> identity(found.username(), found.role()))
                .orElseThrow(
                    () ->
                        new AuthenticationFailedException(
                            "The API token is unknown or revoked; create a new one on your"
                                + " account page")));
  }

  /**
   * The token's identity from the cache or the database. A lookup that failed (the database down,
   * or its transaction not committed) says nothing about the token: it fails authentication with
   * {@link TokenNotChecked} as the cause, answered 503 with Retry-After by {@link
   * AuthenticationFailureHandler}, never as an unknown token (Quarkus turns any other failure of an
   * identity provider into a 401 challenge).
   */
  private Optional<TokenIdentity> lookUp(String sha256, String token) {
    try {
      return tokenCache.load(sha256, () -> accounts.authenticate(token));
    } catch (RuntimeException e) {
      LOG.warnf("An API token could not be checked: %s", e);
      throw new AuthenticationFailedException(TokenNotChecked.MESSAGE, new TokenNotChecked(e));
    }
  }

  /** Why a presented token could not be checked: the lookup failed, not the token. */
  public static final class TokenNotChecked extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final String MESSAGE =
        "The API token could not be checked right now (the database did not answer); nothing was"
            + " changed. Retry in a few seconds.";

    TokenNotChecked(Throwable cause) {
      super(MESSAGE, cause);
    }
  }

  private static SecurityIdentity identity(String name, Role role) {
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(name))
        .addRoles(role.withImplied())
        .build();
  }
}
