package dev.earshot.reward.core;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A named recipe for turning judge scores into rewards.
 *
 * @param name profile name the trainer selects
 * @param weights positive weight of each dimension (a judge or one judge's dimension), kept sorted
 *     by name so that every output lists dimensions in one order
 * @param normalisation how the batch's combined scores become rewards
 * @param decimals digits after the point that rewards, scores and logs are rounded to (half-even),
 *     so that the same inputs always give the same bytes
 */
public record RewardProfile(
    String name, Map<String, Double> weights, Normalisation normalisation, int decimals) {

  public RewardProfile {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A profile needs a name");
    }
    if (weights.isEmpty()
        || weights.values().stream().anyMatch(w -> w == null || !(w > 0) || w.isInfinite())) {
      throw new IllegalArgumentException(
          "Profile " + name + " needs at least one dimension, each with a finite positive weight");
    }
    if (decimals < 0 || decimals > 12) {
      throw new IllegalArgumentException("decimals must be between 0 and 12");
    }
    weights = Collections.unmodifiableSortedMap(new TreeMap<>(weights));
  }

  /**
   * Lowercase hex SHA-256 of everything that shapes this profile's output; any change to the
   * profile changes it, so cached results of an older profile are never reused.
   */
  public String fingerprint() {
    StringBuilder canonical = new StringBuilder(name).append('\n');
    weights.forEach(
        (dimension, weight) -> canonical.append(dimension).append('=').append(weight).append('\n'));
    canonical.append(normalisation.canonical()).append('\n').append(decimals);
    return Sha256.hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
  }
}
