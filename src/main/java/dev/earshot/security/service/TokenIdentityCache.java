package dev.earshot.security.service;

import dev.earshot.security.service.AccountService.TokenIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Identities of recently presented API tokens, by the token's SHA-256, so that a warm token costs
 * no database round trip. An entry lives {@link #TIME_TO_LIVE}; revoking a token, changing a user's
 * role or deleting a user empties the cache on this instance at once (other instances notice within
 * the time to live).
 */
@ApplicationScoped
public class TokenIdentityCache {

  /** How long a looked-up identity is trusted without asking the database again. */
  public static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);

  private record Entry(TokenIdentity identity, long expiresAtNanos) {}

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  /** Bumped by every invalidation: a lookup that raced one does not keep what it read. */
  private final AtomicLong generation = new AtomicLong();

  /** The cached identity of the token with this hash while it is fresh. */
  public Optional<TokenIdentity> fresh(String sha256) {
    Entry cached = entries.get(sha256);
    if (cached == null || System.nanoTime() - cached.expiresAtNanos() >= 0) {
      return Optional.empty();
    }
    return Optional.of(cached.identity());
  }

  /**
   * The identity of the token with this hash from {@code lookup} (which reads the database), kept
   * for {@link #TIME_TO_LIVE} when found.
   */
  public Optional<TokenIdentity> load(String sha256, Supplier<Optional<TokenIdentity>> lookup) {
    long seen = generation.get();
    Optional<TokenIdentity> found = lookup.get();
    if (found.isEmpty()) {
      entries.remove(sha256);
      return found;
    }
    entries.put(sha256, new Entry(found.get(), System.nanoTime() + TIME_TO_LIVE.toNanos()));
    if (generation.get() != seen) {
      // Invalidated while we read: what we read may be the state before the change.
      entries.remove(sha256);
    }
    return found;
  }

  /** Forgets every cached identity: the next request of each token asks the database. */
  public void invalidateAll() {
    generation.incrementAndGet();
    entries.clear();
  }
}
