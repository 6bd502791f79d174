package dev.earshot.audio.decode;

import java.util.Locale;

/**
 * Upper bounds for an uploaded audio file: its size in bytes and its duration in seconds.
 *
 * @param maxBytes largest accepted file, in bytes
 * @param maxSeconds longest accepted duration, in seconds
 */
public record AudioLimits(long maxBytes, double maxSeconds) {

  /** What the service uses: 100 MiB and 30 minutes. */
  public static final AudioLimits DEFAULTS = new AudioLimits(100L * 1024 * 1024, 1800);

  public AudioLimits {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    if (!(maxSeconds > 0) || Double.isInfinite(maxSeconds)) {
      throw new IllegalArgumentException("maxSeconds must be positive and finite: " + maxSeconds);
    }
  }

  /**
   * Most frames a stream at {@code sampleRate} may hold without exceeding {@link #maxSeconds()}.
   */
  long maxFrames(int sampleRate) {
    return (long) Math.floor(maxSeconds * sampleRate);
  }

  /** Rejects a stream whose frame count is over the duration limit. */
  void checkDuration(long frames, int sampleRate) throws AudioRejectedException {
    if (frames > maxFrames(sampleRate)) {
      throw AudioRejectedException.tooLarge(
          String.format(
              Locale.ROOT,
              "the audio is %.1f s long; the limit is %s s",
              frames / (double) sampleRate,
              maxSeconds == Math.rint(maxSeconds)
                  ? String.valueOf((long) maxSeconds)
                  : String.valueOf(maxSeconds)));
    }
  }
}
