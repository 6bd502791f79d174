package dev.earshot.judge.llm;

/**
 * What to judge.
 *
 * @param dimension the quality being judged, e.g. "naturalness" or "instruction following"
 * @param expectations what a good response does on this dimension, in words for the judge
 */
public record Rubric(String dimension, String expectations) {

  public Rubric {
    if (dimension == null || dimension.isBlank()) {
      throw new IllegalArgumentException("a rubric needs a dimension");
    }
    if (expectations == null || expectations.isBlank()) {
      throw new IllegalArgumentException("rubric '" + dimension + "' needs expectations");
    }
  }
}
