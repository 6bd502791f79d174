package dev.earshot.stats;

/**
 * One leaderboard line. Ratings are on the chosen {@link RatingScale}.
 *
 * @param rating point estimate
 * @param standardError Wald standard error from the observed information (under the scale's
 *     centring or anchoring)
 * @param bootstrapStandardError standard deviation of the bootstrap ratings (NaN without bootstrap)
 * @param ciLow lower end of the percentile bootstrap interval (Wald interval without bootstrap)
 * @param ciHigh upper end of that interval
 * @param rankUpperBound 1 + number of systems whose {@code ciLow} exceeds this system's {@code
 *     ciHigh}
 * @param battles wins + losses + ties + bothBad
 * @param ties plain ties; both-bad votes are counted in {@code bothBad} only (both enter the fit as
 *     ties)
 */
public record LeaderboardRow(
    String system,
    double rating,
    double standardError,
    double bootstrapStandardError,
    double ciLow,
    double ciHigh,
    int rankUpperBound,
    long battles,
    long wins,
    long losses,
    long ties,
    long bothBad) {}
