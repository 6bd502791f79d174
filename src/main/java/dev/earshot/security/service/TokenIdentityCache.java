package dev.earshot.security.service;

import dev.earshot.platform.concurrent.RevocableCache;
import dev.earshot.security.service.AccountService.TokenIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Identities of recently presented API tokens, by the token's SHA-256. Revoking a token, changing a
 * user's role or deleting a user empties it on this instance at once.
 */
@ApplicationScoped
public class TokenIdentityCache extends RevocableCache<TokenIdentity> {

  /** How long a looked-up identity is trusted without asking the database again. */
  public static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);

  public TokenIdentityCache() {
    super(TIME_TO_LIVE);
  }
}
