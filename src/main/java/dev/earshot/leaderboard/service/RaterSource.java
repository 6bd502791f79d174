package dev.earshot.leaderboard.service;

import dev.earshot.platform.error.DomainException;
import java.util.Locale;

/**
 * Whose votes rater agreement and judge audits read: people's (the default) or simulated raters' (a
 * data set's votes marked simulated, such as the demo's). They never mix, so a simulated rater is
 * never taken for a person.
 */
public enum RaterSource {
  HUMANS("human", LeaderboardService.HUMANS),
  SIMULATED("simulated", LeaderboardService.SIMULATED);

  private final String sourceKind;
  private final String leaderboardSource;

  RaterSource(String sourceKind, String leaderboardSource) {
    this.sourceKind = sourceKind;
    this.leaderboardSource = leaderboardSource;
  }

  /** {@code humans} (also when absent) or {@code simulated}; 400 for anything else. */
  public static RaterSource parse(String value) {
    if (value == null || value.isBlank()) {
      return HUMANS;
    }
    for (RaterSource source : values()) {
      if (source.leaderboardSource.equals(value.trim().toLowerCase(Locale.ROOT))) {
        return source;
      }
    }
    throw DomainException.invalidRequest(
        "source must be humans (people's votes, the default) or simulated (simulated raters'"
            + " votes); got "
            + value);
  }

  /** The {@code source_kind} of these votes in table {@code preference}. */
  public String sourceKind() {
    return sourceKind;
  }

  /** The leaderboard source of the same votes. */
  public String leaderboardSource() {
    return leaderboardSource;
  }
}
