package dev.earshot.rating.service;

import java.util.List;

/**
 * What a researcher asks for when creating a campaign ({@code POST /api/campaigns}).
 *
 * @param dataset dataset name
 * @param systems names of two or more systems to compare; every pair of them is rated on every
 *     prompt both answered
 * @param dimensions any of content, prosody, emotion, nonspeech, overall, quality
 * @param instructions markdown shown to raters
 * @param raters usernames of the people who rate
 * @param overlap votes wanted per pair (at most the number of raters, and at most 100)
 * @param goldRate share of a rater's assignments that are gold pairs, 0 to 0.5
 * @param goldPairs rules for gold pairs: on every prompt, {@code better}'s response beats {@code
 *     worse}'s on {@code dimension}
 * @param reasonTags reason tags raters may add (a default list when absent)
 * @param loudnessTargetLufs when set, both sides of every item are served normalised to this
 *     integrated loudness (BS.1770, −60 to −5 LUFS, kept to 0.1 LU), never past a −1 dBTP true
 *     peak; absent or null: levels are left as they are
 * @param revealSystemsAfterVote whether a rater is told which systems they heard once they voted on
 *     an item (off when absent)
 */
public record CampaignSpec(
    String name,
    String dataset,
    List<String> systems,
    List<String> dimensions,
    String instructions,
    List<String> raters,
    Integer overlap,
    Double goldRate,
    List<GoldRule> goldPairs,
    List<String> reasonTags,
    Double loudnessTargetLufs,
    Boolean revealSystemsAfterVote) {

  /** On every prompt, {@code better}'s response is known to beat {@code worse}'s on a dimension. */
  public record GoldRule(String better, String worse, String dimension) {}
}
