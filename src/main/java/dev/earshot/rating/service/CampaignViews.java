package dev.earshot.rating.service;

import dev.earshot.rating.quality.RaterQuality;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the campaign endpoints and views show. */
public final class CampaignViews {

  private CampaignViews() {}

  /** A campaign as a choice in the filters of the leaderboard, agreement and export. */
  public record CampaignChoice(UUID id, String name) {}

  /**
   * A campaign with its overall progress and settings.
   *
   * @param loudnessTargetLufs the loudness both sides are normalised to; null when levels are left
   *     as they are
   * @param revealSystemsAfterVote whether raters are told which systems they heard after voting
   */
  public record CampaignSummary(
      UUID id,
      String name,
      String dataset,
      List<String> systems,
      List<String> dimensions,
      List<String> raters,
      int overlap,
      double goldRate,
      String status,
      String createdBy,
      OffsetDateTime createdAt,
      long pairs,
      long votesWanted,
      long votes,
      Double loudnessTargetLufs,
      boolean revealSystemsAfterVote) {}

  /**
   * One pair's progress: votes so far and, per dimension, how many preferred X, preferred Y, tied
   * or found both bad ({@code systemX} and {@code systemY} name the pair's two sides).
   */
  public record PairProgress(
      long pair,
      String prompt,
      String systemX,
      String systemY,
      boolean gold,
      long votes,
      Map<String, Map<String, Integer>> perDimension) {}

  /** A campaign, its pairs' progress and its raters' quality. */
  public record CampaignDetail(
      CampaignSummary campaign,
      String instructions,
      List<String> reasonTags,
      List<PairProgress> pairs,
      List<RaterQuality.Report> raters) {}

  /**
   * A vote as researchers read it, with the systems heard as A and as B.
   *
   * @param supersededBy the rater's later vote on the same item that replaced this one; null for
   *     the vote that counts
   */
  public record VoteView(
      UUID id,
      UUID assignment,
      String rater,
      long pair,
      String prompt,
      boolean gold,
      String systemA,
      String systemB,
      long responseA,
      long responseB,
      Map<String, String> verdicts,
      List<String> reasonTags,
      String comment,
      long elapsedMs,
      OffsetDateTime createdAt,
      UUID supersededBy,
      OffsetDateTime supersededAt) {}
}
