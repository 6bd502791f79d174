package dev.earshot.judge.scoring;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How aroused (activated) speech sounds, estimated from acoustic cues alone; see {@link
 * AcousticArousalEstimator}. Cues that could not be measured are {@code null} and left out of the
 * estimate.
 *
 * @param value weighted mean of the standardised cues; about −2 (very low) to +2 (very high)
 * @param level {@code value} mapped to low / neutral / high
 * @param f0RangeSemitones 5th to 95th percentile of F0, in semitones
 * @param speakingRateSyllablesPerSecond syllable nuclei per second of speech
 * @param intensitySdDb standard deviation of the intensity of the speech frames, dB
 * @param loudnessLufs integrated loudness of the recording
 */
public record AcousticArousalEstimate(
    double value,
    ArousalLevel level,
    Double f0RangeSemitones,
    Double speakingRateSyllablesPerSecond,
    Double intensitySdDb,
    Double loudnessLufs) {

  /** The estimate and its cues by name, for a score's details. */
  public Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("arousalEstimate", value);
    details.put("arousalLevel", level.manifestName());
    putIfMeasured(details, "f0RangeSemitones", f0RangeSemitones);
    putIfMeasured(details, "speakingRateSyllablesPerSecond", speakingRateSyllablesPerSecond);
    putIfMeasured(details, "intensitySdDb", intensitySdDb);
    putIfMeasured(details, "loudnessLufs", loudnessLufs);
    return details;
  }

  /**
   * For example {@code +0.98, high (F0 range 16.3 st, 5.6 syl/s, intensity SD 5.7 dB, -17.9 LUFS)}.
   */
  public String describe() {
    StringBuilder cues = new StringBuilder();
    appendCue(cues, "F0 range %.1f st", f0RangeSemitones);
    appendCue(cues, "%.1f syl/s", speakingRateSyllablesPerSecond);
    appendCue(cues, "intensity SD %.1f dB", intensitySdDb);
    appendCue(cues, "%.1f LUFS", loudnessLufs);
    return String.format(Locale.ROOT, "%+.2f, %s (%s)", value, level.manifestName(), cues);
  }

  private static void putIfMeasured(Map<String, Object> details, String name, Double value) {
    if (value != null) {
      details.put(name, value);
    }
  }

  private static void appendCue(StringBuilder cues, String format, Double value) {
    if (value != null) {
      cues.append(cues.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, format, value));
    }
  }
}
