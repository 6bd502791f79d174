package dev.earshot.stats.agreement;

import dev.earshot.stats.Outcome;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Majority verdict per item on the three-way direction (A / tie / B, both-bad as tie): the
 * direction with the most votes; when two or three directions share the top count, the majority is
 * a tie.
 */
public final class MajorityVote {

  private MajorityVote() {}

  /** Majority direction of every item with at least one rating, in item order. */
  public static Map<String, Outcome> perItem(RatingMatrix ratings) {
    Map<String, Outcome> majorities = new LinkedHashMap<>();
    for (int item = 0; item < ratings.itemCount(); item++) {
      majorities.put(
          ratings.items().get(item), Directions.majority(ratings.directionCounts(item, -1)));
    }
    return majorities;
  }
}
