package dev.earshot.reward.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Training and held-out pairs, split by prompt so that no prompt is in both: a model that memorised
 * a prompt's answers would otherwise look better than it is.
 *
 * @param training pairs to fit on, in a seeded shuffled order
 * @param heldOut pairs to measure accuracy on
 */
public record HeldOutSplit(List<PreferencePair> training, List<PreferencePair> heldOut) {

  public HeldOutSplit {
    training = List.copyOf(training);
    heldOut = List.copyOf(heldOut);
  }

  /**
   * Puts {@code round(fraction × prompts)} prompts (at least one when {@code fraction > 0}, and
   * never all) with their pairs into the held-out set; which ones follows from {@code seed} alone.
   *
   * @param fraction share of prompts held out, in [0, 1)
   * @throws IllegalArgumentException when a held-out set is asked for but there are fewer than two
   *     prompts
   */
  public static HeldOutSplit byGroup(List<PreferencePair> pairs, double fraction, long seed) {
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException("holdout fraction must lie in [0, 1), got " + fraction);
    }
    Set<String> sorted = new TreeSet<>();
    pairs.forEach(pair -> sorted.add(pair.group()));
    List<String> groups = new ArrayList<>(sorted);
    Random random = new Random(seed);
    Collections.shuffle(groups, random);
    int heldOutGroups = (int) Math.round(fraction * groups.size());
    if (fraction > 0) {
      if (groups.size() < 2) {
        throw new IllegalArgumentException(
            "a held-out split needs pairs of at least two prompts, got " + groups.size());
      }
      heldOutGroups = Math.min(Math.max(heldOutGroups, 1), groups.size() - 1);
    }
    Set<String> heldOutSet = Set.copyOf(groups.subList(0, heldOutGroups));
    List<PreferencePair> training = new ArrayList<>();
    List<PreferencePair> heldOut = new ArrayList<>();
    for (PreferencePair pair : pairs) {
      (heldOutSet.contains(pair.group()) ? heldOut : training).add(pair);
    }
    Collections.shuffle(training, random);
    return new HeldOutSplit(training, heldOut);
  }
}
