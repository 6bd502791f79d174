package dev.earshot.platform.concurrent;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What a credential (by its hash) was found to grant, trusted for a time to live so that a warm
 * credential costs no database round trip. Only found values are kept: an unknown credential asks
 * the database each time. A change that revokes or alters what credentials grant empties the cache
 * on this instance at once (other instances notice within the time to live).
 *
 * @param <V> what a credential grants
 */
public class RevocableCache<V> {

  private record Entry<V>(V value, long expiresAtNanos) {}

  private final long timeToLiveNanos;
  private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();

  /** Bumped by every invalidation: a lookup that raced one does not keep what it read. */
  private final AtomicLong generation = new AtomicLong();

  public RevocableCache(Duration timeToLive) {
    this.timeToLiveNanos = timeToLive.toNanos();
  }

  /** The cached value of this credential hash while it is fresh. */
  public Optional<V> fresh(String sha256) {
    Entry<V> cached = entries.get(sha256);
    if (cached == null || System.nanoTime() - cached.expiresAtNanos() >= 0) {
      return Optional.empty();
    }
    return Optional.of(cached.value());
  }

  /**
   * The value of this credential hash from {@code lookup} (which reads the database), kept for the
   * time to live when found.
   */
  public Optional<V> load(String sha256, Supplier<Optional<V>> lookup) {
    long seen = generation.get();
    Optional<V> found = lookup.get();
    if (found.isEmpty()) {
      entries.remove(sha256);
      return found;
    }
    entries.put(sha256, new Entry<>(found.get(), System.nanoTime() + timeToLiveNanos));
    if (generation.get() != seen) {
      // Invalidated while we read: what we read may be the state before the change.
      entries.remove(sha256);
    }
    return found;
  }

  /** Forgets every cached value: the next use of each credential asks the database. */
  public void invalidateAll() {
    generation.incrementAndGet();
    entries.clear();
  }

  /**
   * Empties the cache now and again once the current transaction has ended: a request that read a
   * credential before the change committed cannot keep what it read.
   */
  public void invalidateNowAndAfter(TransactionSynchronizationRegistry transactions) {
    invalidateAll();
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            invalidateAll();
          }
        });
  }
}
