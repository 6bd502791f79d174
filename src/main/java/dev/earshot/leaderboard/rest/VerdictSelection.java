package dev.earshot.leaderboard.rest;

import dev.earshot.leaderboard.service.LeaderboardService.LeaderboardQuery;
import dev.earshot.platform.error.DomainException;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which verdicts a leaderboard endpoint ranks: the query parameters they all share. */
public class VerdictSelection {

  @QueryParam("source")
  @Schema(
      description =
          "humans (people's votes only: rating campaigns and imported votes not marked simulated),"
              + " simulated (simulated raters' votes, such as the demo data set's; never counted"
              + " as human), judges, judge:<id>, judge:<id>@<version> or arena:<name>. On a fresh"
              + " demo install humans is empty until someone rates; use simulated to see the"
              + " demo's raters")
  String source;

  @QueryParam("dimension")
  @Schema(
      description =
          "content, prosody, emotion, nonspeech, quality, overall, ...; required for humans,"
              + " simulated and judges")
  String dimension;

  @QueryParam("dataset")
  @Schema(description = "only verdicts on this dataset's prompts")
  String dataset;

  @QueryParam("campaign")
  @Schema(
      description =
          "only the human votes of this rating campaign (its id); needs source=humans, since judge"
              + " and arena verdicts belong to no campaign",
      format = "uuid")
  String campaign;

  @QueryParam("since")
  @Schema(description = "only verdicts from this time on: ISO date or date-time")
  String since;

  @QueryParam("asOf")
  @Schema(description = "the leaderboard as it was then: ISO date (end of day, UTC) or date-time")
  String asOf;

  /** The query for these verdicts, ranked with the given model settings. */
  LeaderboardQuery query(
      boolean davidson, String anchor, double anchorRating, int bootstrap, long seed) {
    return new LeaderboardQuery(
        source,
        dimension,
        dataset,
        campaign(campaign),
        time("since", since, false),
        time("asOf", asOf, true),
        davidson,
        anchor,
        anchorRating,
        bootstrap,
        seed);
  }

  /** The query with the plain model and no bootstrap, for endpoints that need no intervals. */
  LeaderboardQuery plainQuery() {
    return query(false, null, Double.NaN, 0, 1);
  }

  /**
   * The campaign id of a {@code campaign} query parameter, or null without one. Parsed here rather
   * than by JAX-RS, which would answer a malformed id with 404 instead of 400.
   */
  static UUID campaign(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.trim());
    } catch (IllegalArgumentException e) {
      throw DomainException.invalidRequest(
          "campaign must be a campaign id (a UUID, see GET /api/campaigns), got " + value);
    }
  }

  /** ISO date-time, or a date: its start (or with {@code endOfDay} its last instant) in UTC. */
  private static OffsetDateTime time(String name, String value, boolean endOfDay) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException notDateTime) {
      try {
        LocalDate date = LocalDate.parse(value);
        return endOfDay ? LeaderboardQuery.endOfDay(date) : LeaderboardQuery.startOfDay(date);
      } catch (DateTimeParseException notDate) {
        throw DomainException.invalidRequest(
            name
                + " must be an ISO date (2026-11-26) or date-time (2026-11-26T12:00:00Z), got "
                + value);
      }
    }
  }
}
