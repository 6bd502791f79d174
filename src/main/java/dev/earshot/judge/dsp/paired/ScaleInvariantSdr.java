package dev.earshot.judge.dsp.paired;

/**
 * Scale-invariant signal-to-distortion ratio (Le Roux, Wisdom, Erdogan and Hershey, "SDR –
 * half-baked or well done?", ICASSP 2019). Both signals have their means removed; the target is the
 * reference scaled to best fit the estimate, {@code alpha s} with {@code alpha = <ŝ, s> / <s, s>},
 * and the rest of the estimate is distortion: {@code 10 log10(|alpha s|² / |ŝ - alpha s|²)}.
 *
 * <p>The value is clamped to ±{@value #LIMIT_DB} dB so that it is always a number: an estimate that
 * is the reference up to scale (no distortion at all) reads +{@value #LIMIT_DB}, one that has
 * nothing of a non-silent reference (or a silent reference against sound) reads −{@value
 * #LIMIT_DB}.
 */
public final class ScaleInvariantSdr {

  /** The clamp, in dB, either way. */
  public static final double LIMIT_DB = 100;

  private ScaleInvariantSdr() {}

  /** SI-SDR of {@code estimate} against {@code reference} (equally long) in dB. */
  public static double measure(float[] reference, float[] estimate) {
    if (reference.length != estimate.length) {
      throw new IllegalArgumentException("SI-SDR needs equally long signals");
    }
    double referenceMean = mean(reference);
    double estimateMean = mean(estimate);
    double dot = 0;
    double referenceEnergy = 0;
    for (int i = 0; i < reference.length; i++) {
      double s = reference[i] - referenceMean;
      dot += (estimate[i] - estimateMean) * s;
      referenceEnergy += s * s;
    }
    double alpha = referenceEnergy == 0 ? 0 : dot / referenceEnergy;
    double targetEnergy = 0;
    double distortionEnergy = 0;
    for (int i = 0; i < reference.length; i++) {
      double target = alpha * (reference[i] - referenceMean);
      double distortion = estimate[i] - estimateMean - target;
      targetEnergy += target * target;
      distortionEnergy += distortion * distortion;
    }
    if (distortionEnergy == 0) {
      return LIMIT_DB;
    }
    if (targetEnergy == 0) {
      return -LIMIT_DB;
    }
    double db = 10 * Math.log10(targetEnergy / distortionEnergy);
    return Math.max(-LIMIT_DB, Math.min(LIMIT_DB, db));
  }

  private static double mean(float[] samples) {
    double sum = 0;
    for (float s : samples) {
      sum += s;
    }
    return samples.length == 0 ? 0 : sum / samples.length;
  }
}
