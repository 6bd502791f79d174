package dev.earshot.reward.service;

import dev.earshot.reward.JudgeWeights;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the reward-profile API takes and answers. */
public final class RewardProfileViews {

  private RewardProfileViews() {}

  /**
   * A profile to create, or the new definition of an existing one.
   *
   * @param name letters, digits, dot, underscore and hyphen
   * @param judges at least one scoring judge, each at most once
   * @param normalisation how a batch's combined scores become rewards; null: none
   * @param decimals digits rewards are rounded to; null: 6
   */
  @Schema(name = "NewRewardProfile")
  public record NewProfile(
      String name,
      List<JudgeWeights> judges,
      NormalisationSpec normalisation,
      @Schema(description = "digits after the point (0-12); default 6") Integer decimals) {}

  /**
   * @param kind {@code none} (rewards are the weighted mean of the judges' 0-1 scores), {@code
   *     batch-z-score} (z-scores within the request's batch) or {@code clip}
   * @param min lower bound, only for {@code clip}
   * @param max upper bound, only for {@code clip}
   */
  @Schema(name = "RewardNormalisation")
  public record NormalisationSpec(
      @Schema(enumeration = {"none", "batch-z-score", "clip"}) String kind,
      Double min,
      Double max) {

    public static NormalisationSpec none() {
      return new NormalisationSpec("none", null, null);
    }
  }

  /** A stored profile with its keys (never the keys' secrets). */
  @Schema(name = "RewardProfile")
  public record ProfileView(
      String name,
      @Schema(description = "bumped by every change; cached rewards of older revisions are unused")
          int revision,
      List<JudgeWeights> judges,
      NormalisationSpec normalisation,
      int decimals,
      String createdBy,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt,
      List<KeyView> keys) {}

  /** A key of a profile, without its secret. */
  @Schema(name = "RewardProfileKey")
  public record KeyView(long id, String label, OffsetDateTime createdAt, OffsetDateTime revokedAt) {

    public boolean active() {
      return revokedAt == null;
    }
  }

  /** Body of a key request. */
  @Schema(name = "NewRewardProfileKey")
  public record NewKey(
      @Schema(description = "what the key is for, e.g. the training run") String label) {}

  /** A new key and its secret; the secret is not stored and cannot be shown again. */
  public record IssuedKey(String profile, KeyView key, String secret) {

    /** Path of the reward endpoint that this key selects. */
    public String rewardPath() {
      return "/api/reward/" + secret;
    }
  }
}
