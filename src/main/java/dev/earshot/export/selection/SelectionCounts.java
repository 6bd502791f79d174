package dev.earshot.export.selection;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named counters of an export's selection steps (rows read, pairs formed, pairs dropped and why,
 * records written) in the order the steps run. Every counter is registered before counting starts,
 * so the same config lists the same keys in the same order whatever the data.
 */
public final class SelectionCounts {

  private final Map<String, Long> counts = new LinkedHashMap<>();

  /** Registers counters at 0; already registered ones keep their value and place. */
  public SelectionCounts register(String... keys) {
    for (String key : keys) {
      counts.putIfAbsent(key, 0L);
    }
    return this;
  }

  public void add(String key, long amount) {
    Long current = counts.get(key);
    if (current == null) {
      throw new IllegalArgumentException("counter not registered: " + key);
    }
    counts.put(key, current + amount);
  }

  public void increment(String key) {
    add(key, 1);
  }

  public long get(String key) {
    Long count = counts.get(key);
    if (count == null) {
      throw new IllegalArgumentException("counter not registered: " + key);
    }
    return count;
  }

  /** The counters in step order. */
  public Map<String, Long> asMap() {
    return Collections.unmodifiableMap(counts);
  }
}
