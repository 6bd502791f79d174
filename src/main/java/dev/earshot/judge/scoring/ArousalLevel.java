package dev.earshot.judge.scoring;

import java.util.Locale;

/**
 * Coarse arousal (activation) of speech, spelt {@code low}, {@code neutral}, {@code high} in prompt
 * expectations.
 */
public enum ArousalLevel {
  LOW,
  NEUTRAL,
  HIGH;

  /** The level spelt {@code name} in a manifest ({@code low}, {@code neutral}, {@code high}). */
  public static ArousalLevel fromManifest(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  /** The manifest spelling. */
  public String manifestName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
