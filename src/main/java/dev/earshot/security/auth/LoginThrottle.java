package dev.earshot.security.auth;

import dev.earshot.platform.config.EarshotConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed form logins per account and per client address. Past a number of failures the
 * account (or address) is locked, first for {@code lockout}, doubling with every further failure up
 * to {@code maxLockout}; while locked even the right password is refused. Failures older than
 * {@code maxLockout} are forgotten; a successful login clears its account's count. Kept in memory:
 * one instance's view, reset by a restart.
 */
@ApplicationScoped
public class LoginThrottle {

  /** Entries kept at most; beyond this, forgotten ones are swept out first. */
  private static final int SWEEP_ABOVE = 10_000;

  private record Failures(int count, Instant last) {}

  private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
  private final Map<String, Failures> addresses = new ConcurrentHashMap<>();
  private final int accountLimit;
  private final int addressLimit;
  private final Duration lockout;
  private final Duration maxLockout;
  private final Clock clock;

  @Inject
  public LoginThrottle(EarshotConfig config) {
    this(
        config.security().login().accountFailures(),
        config.security().login().addressFailures(),
        config.security().login().lockout(),
        config.security().login().maxLockout(),
        Clock.systemUTC());
  }

  LoginThrottle(
      int accountLimit, int addressLimit, Duration lockout, Duration maxLockout, Clock clock) {
    this.accountLimit = accountLimit;
    this.addressLimit = addressLimit;
    this.lockout = lockout;
    this.maxLockout = maxLockout;
    this.clock = clock;
  }

  /** How long the account stays locked; empty when it is not. */
  public Optional<Duration> accountLocked(String username) {
    return remaining(accounts.get(username), accountLimit);
  }

  /** How long the address stays locked; empty when it is not. */
  public Optional<Duration> addressLocked(String address) {
    return remaining(addresses.get(address), addressLimit);
  }

  /** A lockout as the whole seconds of a {@code Retry-After} header (at least 1). */
  public static long retryAfterSeconds(Duration left) {
    return Math.max(1, (left.toMillis() + 999) / 1000);
  }

  public void failed(String username, String address) {
    if (username != null) {
      count(accounts, username);
    }
    count(addresses, address);
  }

  public void succeeded(String username) {
    accounts.remove(username);
  }

  private void count(Map<String, Failures> counts, String key) {
    Instant now = clock.instant();
    if (counts.size() > SWEEP_ABOVE) {
      counts.values().removeIf(failures -> forgotten(failures, now));
    }
    counts.compute(
        key,
        (k, before) ->
            before == null || forgotten(before, now)
                ? new Failures(1, now)
                : new Failures(before.count() + 1, now));
  }

  private Optional<Duration> remaining(Failures failures, int limit) {
    if (failures == null || failures.count() < limit) {
      return Optional.empty();
    }
    int doublings = Math.min(failures.count() - limit, 30);
    Duration locked = lockout.multipliedBy(1L << doublings);
    if (locked.compareTo(maxLockout) > 0) {
      locked = maxLockout;
    }
    Duration left = Duration.between(clock.instant(), failures.last().plus(locked));
    return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
  }

  private boolean forgotten(Failures failures, Instant now) {
    return failures.last().plus(maxLockout).isBefore(now);
  }
}
