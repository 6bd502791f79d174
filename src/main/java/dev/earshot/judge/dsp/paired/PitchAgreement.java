package dev.earshot.judge.dsp.paired;

import dev.earshot.judge.dsp.FinalIntonation;
import dev.earshot.judge.dsp.PitchFrame;
import dev.earshot.judge.dsp.PitchSettings;
import dev.earshot.judge.dsp.PitchTracker;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

/**
 * How well a resynthesis keeps the pitch of its original. Both aligned signals are tracked with the
 * project's {@link PitchTracker} (Praat's autocorrelation method, 10 ms frames, 75–500 Hz); equally
 * long signals give frames at the same times, which are compared one to one.
 *
 * @param f0RmseCents root mean square of {@code 1200 log2(f0' / f0)} over the frames voiced in
 *     both; {@code null} without such frames
 * @param f0Correlation Pearson correlation of the two F0 contours in cents over the frames voiced
 *     in both; {@code null} with fewer than two such frames or a flat contour
 * @param voicingErrorRate share of all frames that one signal calls voiced and the other unvoiced
 * @param intonationKept whether {@link FinalIntonation} gives both the same class
 */
public record PitchAgreement(
    Double f0RmseCents, Double f0Correlation, double voicingErrorRate, boolean intonationKept) {

  /** Compares the pitch of two aligned, equally long signals at {@code sampleRate}. */
  public static PitchAgreement measure(float[] original, float[] resynthesised, int sampleRate) {
    if (original.length != resynthesised.length) {
      throw new IllegalArgumentException("pitch agreement needs equally long signals");
    }
    PitchSettings settings = PitchSettings.defaults();
    boolean intonationKept =
        FinalIntonation.measure(original, sampleRate, settings).intonation()
            == FinalIntonation.measure(resynthesised, sampleRate, settings).intonation();
    return compare(
        PitchTracker.track(original, sampleRate, settings).frames(),
        PitchTracker.track(resynthesised, sampleRate, settings).frames(),
        intonationKept);
  }

  /** The frame-by-frame comparison of two tracks of equal length. */
  static PitchAgreement compare(
      List<PitchFrame> original, List<PitchFrame> resynthesised, boolean intonationKept) {
    int frames = Math.min(original.size(), resynthesised.size());
    int voicingErrors = 0;
    int joint = 0;
    double[] originalCents = new double[frames];
    double[] resynthesisedCents = new double[frames];
    for (int i = 0; i < frames; i++) {
      PitchFrame a = original.get(i);
      PitchFrame b = resynthesised.get(i);
      if (a.voiced() != b.voiced()) {
        voicingErrors++;
      } else if (a.voiced()) {
        originalCents[joint] = cents(a.f0Hz());
        resynthesisedCents[joint] = cents(b.f0Hz());
        joint++;
      }
    }
    double squares = 0;
    for (int i = 0; i < joint; i++) {
      double difference = resynthesisedCents[i] - originalCents[i];
      squares += difference * difference;
    }
    return new PitchAgreement(
        joint == 0 ? null : Math.sqrt(squares / joint),
        pearson(originalCents, resynthesisedCents, joint),
        frames == 0 ? 0 : voicingErrors / (double) frames,
        intonationKept);
  }

  /** Cents above 1 Hz. */
  private static double cents(double hz) {
    return 1200 * Math.log(hz) / Math.log(2);
  }

  private static Double pearson(double[] x, double[] y, int count) {
    if (count < 2) {
      return null;
    }
    double r =
        new PearsonsCorrelation().correlation(Arrays.copyOf(x, count), Arrays.copyOf(y, count));
    return Double.isNaN(r) ? null : r;
  }
}
