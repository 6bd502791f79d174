package dev.earshot.reward.service;

import dev.earshot.judge.JudgeVersion;
import dev.earshot.reward.core.RewardProfile;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A reward profile ready to score: the recipe, and the exact judge versions that serve it now.
 *
 * @param recipe weights keyed by {@link #dimensionKey}, normalisation and rounding
 * @param revision the stored profile's revision
 * @param judges the judge versions, each with the dimensions the profile weighs
 */
public record ActiveProfile(RewardProfile recipe, int revision, List<ActiveJudge> judges) {

  /** One judge version of the profile and the dimensions of it that the profile weighs. */
  public record ActiveJudge(JudgeVersion.Key key, Set<String> dimensions) {}

  public String name() {
    return recipe.name();
  }

  /**
   * The key of one judge's dimension in weights, scores and {@code extra_logs}: {@code
   * judge/dimension}, e.g. {@code audio-quality/quality}.
   */
  public static String dimensionKey(String judgeId, String dimension) {
    return judgeId + "/" + dimension;
  }

  /**
   * Everything besides the recipe that decides an item's judge scores: the revision and the judge
   * versions. Part of every cache key, so a changed profile or a new judge version is never
   * answered from the cache.
   */
  public String cacheVersion() {
    return revision
        + ":"
        + judges.stream().map(j -> j.key().toString()).sorted().collect(Collectors.joining(","));
  }
}
