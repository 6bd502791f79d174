package dev.earshot.security.service;

import dev.earshot.platform.error.DomainException;
import dev.earshot.security.LoginSession;
import dev.earshot.security.SecretTokens;
import dev.earshot.security.repository.LoginSessionRepository;
import dev.earshot.security.repository.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Browser sessions that can end: every form login opens one, each request with the login cookie
 * must also show an open session of the same user, and logout or a change of password or role ends
 * it.
 */
@ApplicationScoped
@Transactional
public class LoginSessionService {

  /** Ended sessions are kept this long (they refuse their cookie either way), then dropped. */
  private static final Duration KEEP_ENDED = Duration.ofDays(1);

  private final LoginSessionRepository sessions;
  private final UserRepository users;

  public LoginSessionService(LoginSessionRepository sessions, UserRepository users) {
    this.sessions = sessions;
    this.users = users;
  }

  /** Opens a session for a user who just logged in; returns its secret. */
  public String open(String username) {
    LoginSession session = new LoginSession();
    session.user =
        users
            .findByUsername(username)
            .orElseThrow(() -> DomainException.notFound("No user '" + username + "'"));
    String secret = SecretTokens.generate("");
    session.secretSha256 = SecretTokens.sha256(secret);
    sessions.persist(session);
    sessions.purgeEndedBefore(OffsetDateTime.now().minus(KEEP_ENDED));
    return secret;
  }

  /** Checked on every request with a login cookie, outside any request context. */
  public boolean isOpen(String secret, String username) {
    return secret != null && sessions.isOpen(SecretTokens.sha256(secret), username);
  }

  /** Ends one session (logout); ending it twice is harmless. */
  public void end(String secret) {
    if (secret != null) {
      sessions.end(SecretTokens.sha256(secret), OffsetDateTime.now());
    }
  }
}
