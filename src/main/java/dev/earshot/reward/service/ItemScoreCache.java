package dev.earshot.reward.service;

import dev.earshot.platform.config.EarshotConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The judges' scores of reward items, by item and profile, bounded and least recently used first
 * out. Scores rather than rewards are kept, since a batch-normalised reward depends on the rest of
 * the batch. The lock is held only for the map operation, never while scoring.
 */
@ApplicationScoped
public class ItemScoreCache {

  /**
   * @param item {@code RewardCacheKey} hex of the item under the profile's recipe
   * @param profileVersion {@link ActiveProfile#cacheVersion()}
   */
  public record Key(String item, String profileVersion) {}

  private final Map<Key, Map<String, Double>> scores;

  public ItemScoreCache(EarshotConfig config) {
    int capacity = config.reward().cacheSize();
    this.scores =
        Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
              private static final long serialVersionUID = 1L;

              @Override
              protected boolean removeEldestEntry(Map.Entry<Key, Map<String, Double>> eldest) {
                return size() > capacity;
              }
            });
  }

  public Optional<Map<String, Double>> get(Key key) {
    return Optional.ofNullable(scores.get(key));
  }

  public void put(Key key, Map<String, Double> itemScores) {
    scores.put(key, Map.copyOf(itemScores));
  }
}
