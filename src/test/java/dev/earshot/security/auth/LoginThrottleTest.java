package dev.earshot.security.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private static final String ADDRESS = "192.0.2.1";

  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2026-12-06T12:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private final ManualClock clock = new ManualClock();
  private final LoginThrottle throttle =
      new LoginThrottle(3, 10, Duration.ofSeconds(5), Duration.ofMinutes(1), clock);

  @Test
  void shouldLockAnAccountAfterItsFailuresAndDoubleTheLockout() {
    throttle.failed("ann", ADDRESS);
    throttle.failed("ann", ADDRESS);
    assertThat(throttle.accountLocked("ann")).isEmpty();

    throttle.failed("ann", ADDRESS);
    assertThat(throttle.accountLocked("ann")).contains(Duration.ofSeconds(5));
    assertThat(throttle.accountLocked("bob")).isEmpty();

    throttle.failed("ann", ADDRESS);
    assertThat(throttle.accountLocked("ann")).contains(Duration.ofSeconds(10));
    clock.advance(Duration.ofSeconds(10));
    assertThat(throttle.accountLocked("ann")).isEmpty();
  }

  @Test
  void shouldCapTheLockoutAndForgetOldFailures() {
    for (int i = 0; i < 20; i++) {
      throttle.failed("ann", ADDRESS);
    }
    assertThat(throttle.accountLocked("ann")).contains(Duration.ofMinutes(1));

    clock.advance(Duration.ofMinutes(2));
    throttle.failed("ann", ADDRESS);
    assertThat(throttle.accountLocked("ann")).isEmpty();
  }

  @Test
  void shouldLockAnAddressThatTriesManyAccounts() {
    for (int i = 0; i < 9; i++) {
      throttle.failed("user" + i, ADDRESS);
    }
    assertThat(throttle.addressLocked(ADDRESS)).isEmpty();
    throttle.failed("user9", ADDRESS);
    assertThat(throttle.addressLocked(ADDRESS)).contains(Duration.ofSeconds(5));
    assertThat(throttle.addressLocked("192.0.2.2")).isEmpty();
  }

  @Test
  void shouldClearAnAccountOnSuccessButNotItsAddress() {
    for (int i = 0; i < 10; i++) {
      throttle.failed("ann", ADDRESS);
    }
    throttle.succeeded("ann");
    assertThat(throttle.accountLocked("ann")).isEmpty();
    assertThat(throttle.addressLocked(ADDRESS)).isPresent();
  }

  @Test
  void shouldRoundRetryAfterUpToWholeSeconds() {
    assertThat(LoginThrottle.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
    assertThat(LoginThrottle.retryAfterSeconds(Duration.ofMillis(4001))).isEqualTo(5);
  }
}
