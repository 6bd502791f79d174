package dev.earshot.export.format;

import java.util.Comparator;
import java.util.Objects;

/** An unpaired judgement for KTO: a response to a prompt marked desirable or not. */
public record LabeledCompletion(Turn prompt, Turn completion, boolean desirable) {

  /** The order records must be written in. */
  public static final Comparator<LabeledCompletion> ORDER =
      Comparator.comparing((LabeledCompletion labeled) -> labeled.prompt().id())
          .thenComparing(labeled -> labeled.completion().id());

  public LabeledCompletion {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(completion, "completion");
  }
}
