package dev.earshot.export.format;

import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * A prompt with a preferred and a dispreferred response on one judged dimension; margin is how
 * strongly the chosen one won (for OpenRLHF's margin loss), 0 when unknown or for a kept tie. The
 * outcome, when not null, is written as an {@code "outcome"} key ({@code preferred}, {@code tie} or
 * {@code both_bad}) so that ties kept in a file can be told apart; an export sets it on every pair
 * or on none.
 */
public record PreferencePair(
    Turn prompt, Turn chosen, Turn rejected, String dimension, double margin, Outcome outcome) {

  /** What the judgement on the pair was. */
  public enum Outcome {
    PREFERRED,
    TIE,
    BOTH_BAD;

    /** The value written to the file. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

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

  /** The same judgement read the other way round: chosen and rejected exchanged. */
  public PreferencePair swapped() {
    return new PreferencePair(prompt, rejected, chosen, dimension, margin, outcome);
  }

  /** A pair without an outcome key. */
  public PreferencePair(Turn prompt, Turn chosen, Turn rejected, String dimension, double margin) {
    this(prompt, chosen, rejected, dimension, margin, null);
  }
}
