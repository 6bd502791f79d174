package dev.earshot.audio.decode;

import java.util.Locale;

/** Container formats accepted for uploaded audio. */
public enum AudioFormat {
  WAV,
  FLAC;

  /** Lower-case name used in JSON: {@code "wav"} / {@code "flac"}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
