package dev.earshot.judge.llm;

/**
 * The judge's rating of one response on one dimension.
 *
 * @param score 1 (worst) to 5 (best)
 * @param rationale the judge's reason, possibly empty
 */
public record PointwiseScore(int score, String rationale) {

  public PointwiseScore {
    if (score < 1 || score > 5) {
      throw new IllegalArgumentException("score must lie in 1..5: " + score);
    }
  }

  /** The score on 0..1: (score − 1) / 4. */
  public double normalized() {
    return (score - 1) / 4.0;
  }
}
