package dev.earshot.export.selection;

import dev.earshot.export.format.Turn;
import dev.earshot.stats.agreement.Verdict;
import java.util.Objects;

/** One stored vote: a verdict on responses A and B to a prompt, from A's point of view. */
public record VoteRow(
    Turn prompt, String dimension, Turn responseA, Turn responseB, Verdict verdict) {

  public VoteRow {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(responseA, "responseA");
    Objects.requireNonNull(responseB, "responseB");
    Objects.requireNonNull(verdict, "verdict");
    if (responseA.id().equals(responseB.id())) {
      throw new IllegalArgumentException("a vote compares two different responses");
    }
  }
}
