package dev.earshot.platform.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RevocableCacheTest {

  @Test
  void shouldKeepAFoundValueUntilInvalidated() {
    RevocableCache<String> cache = new RevocableCache<>(Duration.ofMinutes(5));
    AtomicInteger lookups = new AtomicInteger();

    assertThat(cache.load("k", () -> found(lookups, "v1"))).contains("v1");
    assertThat(cache.fresh("k")).contains("v1");
    cache.invalidateAll();

    assertThat(cache.fresh("k")).isEmpty();
    assertThat(lookups).hasValue(1);
  }

  @Test
  void shouldNotKeepAnUnknownCredential() {
    RevocableCache<String> cache = new RevocableCache<>(Duration.ofMinutes(5));
    cache.load("k", () -> Optional.of("old"));

    assertThat(cache.load("k", Optional::empty)).isEmpty();
    assertThat(cache.fresh("k")).isEmpty();
  }

  @Test
  void shouldForgetAValueAfterItsTimeToLive() {
    RevocableCache<String> cache = new RevocableCache<>(Duration.ofNanos(1));
    cache.load("k", () -> Optional.of("v"));

    assertThat(cache.fresh("k")).isEmpty();
  }

  @Test
  void shouldNotKeepWhatALookupReadWhileAnInvalidationHappened() {
    RevocableCache<String> cache = new RevocableCache<>(Duration.ofMinutes(5));

    Optional<String> read =
        cache.load(
            "k",
            () -> {
              // The change commits and invalidates while this lookup is reading.
              cache.invalidateAll();
              return Optional.of("before the change");
            });

    assertThat(read).contains("before the change");
    assertThat(cache.fresh("k")).isEmpty();
  }

  private static Optional<String> found(AtomicInteger lookups, String value) {
    lookups.incrementAndGet();
    return Optional.of(value);
  }
}
