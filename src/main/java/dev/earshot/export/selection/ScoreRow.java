package dev.earshot.export.selection;

import dev.earshot.export.format.Turn;
import java.util.Objects;

/** A pointwise score of one response on one dimension. */
public record ScoreRow(Turn prompt, Turn response, String dimension, double score) {

  public ScoreRow {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(dimension, "dimension");
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException("score must be finite: " + score);
    }
  }
}
