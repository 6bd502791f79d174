package dev.earshot.export.format;

import java.util.Comparator;
import java.util.Objects;

/**
 * A prompt with a preferred and a dispreferred response on one judged dimension; margin is how
 * strongly the chosen one won (for OpenRLHF's margin loss), 0 when unknown.
 */
public record PreferencePair(
    Turn prompt, Turn chosen, Turn rejected, String dimension, double margin) {

  /**
   * The order records must be written in, so that an export's bytes never depend on a query plan.
   */
  public static final Comparator<PreferencePair> ORDER =
      Comparator.comparing((PreferencePair pair) -> pair.prompt().id())
          .thenComparing(PreferencePair::dimension)
          .thenComparing(pair -> pair.chosen().id())
          .thenComparing(pair -> pair.rejected().id());

  public PreferencePair {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(chosen, "chosen");
    Objects.requireNonNull(rejected, "rejected");
    Objects.requireNonNull(dimension, "dimension");
    JsonLines.requireFinite(margin, "margin");
  }
}
