package dev.earshot.security.repository;

import dev.earshot.security.LoginSession;
import dev.earshot.security.User;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

@ApplicationScoped
public class LoginSessionRepository implements PanacheRepository<LoginSession> {

  /** Whether a session with this secret hash belongs to the user and has not ended. */
  public boolean isOpen(String secretSha256, String username) {
    return count(
            "secretSha256 = ?1 and user.username = ?2 and endedAt is null", secretSha256, username)
        > 0;
  }

  /** Ends the session with this secret hash, if it is open. */
  public void end(String secretSha256, OffsetDateTime at) {
    update("endedAt = ?1 where secretSha256 = ?2 and endedAt is null", at, secretSha256);
  }

  /** Ends every open session of the user. */
  public void endAllOf(User user, OffsetDateTime at) {
    update("endedAt = ?1 where user = ?2 and endedAt is null", at, user);
  }

  /** Drops sessions that ended before the cut-off. */
  public void purgeEndedBefore(OffsetDateTime cutoff) {
    delete("endedAt < ?1", cutoff);
  }
}
