package dev.earshot.platform.concurrent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The values of the most recently used keys, computed on first use and kept up to a bound (least
 * recently used first out). For tables that are costly to compute, never changed once made, and
 * asked for with the same few keys over and over (filters of a rate pair, windows of a length), so
 * threads share them. Plain Java: the pure cores use it.
 *
 * @param <K> what a value is computed from
 * @param <V> the value, immutable
 */
public final class RecentValues<K, V> {

  private final Map<K, V> values;

  public RecentValues(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    this.values =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The value of {@code key}, computed by {@code compute} unless it is among the kept ones. */
  public synchronized V get(K key, Function<? super K, ? extends V> compute) {
    return values.computeIfAbsent(key, compute);
  }
}
