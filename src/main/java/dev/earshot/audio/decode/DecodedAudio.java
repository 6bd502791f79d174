package dev.earshot.audio.decode;

/**
 * One decoded file in the two forms the measurements need: the original samples (level, clipping,
 * loudness and bandwidth are measured there) and the mono 16 kHz analysis copy (pitch, voice
 * activity, speaking rate and pauses).
 *
 * @param original every channel at the file's own rate
 * @param analysis channel average resampled to {@link AudioDecoder#ANALYSIS_SAMPLE_RATE}
 */
public record DecodedAudio(NativeAudio original, MonoAudio analysis) {

  /** Both forms of {@code original}; the analysis copy is made here. */
  public static DecodedAudio of(NativeAudio original) {
    return new DecodedAudio(original, original.forAnalysis());
  }
}
