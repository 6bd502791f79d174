package dev.earshot.judge.dsp;

import dev.earshot.testing.SyntheticSpeech;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Speech-like utterances with a known intonation, synthesised for the intonation tests (espeak-ng
 * and sox are not available where the tests run).
 *
 * <p>An utterance is a chain of syllables: an unvoiced gap (silence or a weak fricative-like noise
 * burst) then a voiced nucleus with a rise-and-decay amplitude envelope and its own vowel formants.
 * The voiced source is a sum of harmonics up to 4 kHz (amplitude 1/k) at an F0 that follows the
 * intended contour plus accents on some syllables, slow random drift (≈ 0.3 semitone) and
 * per-sample jitter. The syllable rate comes from the speaking rate at 1.5 syllables per word; the
 * last syllable is lengthened by phrase-final lengthening and is quieter than the rest.
 *
 * <p>Contours, in semitones relative to the base F0:
 *
 * <ul>
 *   <li>{@link Shape#STATEMENT}: declination over the whole utterance, then a final fall of 2–5
 *       semitones over the last 200–400 ms of voicing;
 *   <li>{@link Shape#FINAL_RISE_QUESTION}: flat or declining, then a rise of 3–7 semitones confined
 *       to the last 150–250 ms of voicing;
 *   <li>{@link Shape#RISING_QUESTION}: a rise of 2–5 semitones over the whole phrase, ending in a
 *       further 2–4 semitone rise over the last 250–400 ms.
 * </ul>
 *
 * <p>White noise is added at a given SNR relative to the RMS of the speech span (first to last
 * syllable, gaps included).
 */
final class SpeechLikeSignals {

  /** Intended final contour. */
  enum Shape {
    STATEMENT,
    FINAL_RISE_QUESTION,
    RISING_QUESTION;

    boolean question() {
      return this != STATEMENT;
    }
  }

  /**
   * One clip to synthesise.
   *
   * @param shape intended contour
   * @param baseF0Hz F0 at the start of the utterance
   * @param wordsPerMinute speaking rate
   * @param seconds approximate speech length (leading and trailing silence not included)
   * @param snrDb white-noise SNR, or {@code null} for a clean clip
   * @param seed seed of every random choice inside the clip
   */
  record Spec(
      Shape shape,
      double baseF0Hz,
      double wordsPerMinute,
      double seconds,
      Double snrDb,
      long seed) {

    String describe() {
      return String.format(
          java.util.Locale.ROOT,
          "%s f0=%.0f wpm=%.0f len=%.1fs snr=%s seed=%d",
          shape,
          baseF0Hz,
          wordsPerMinute,
          seconds,
          snrDb == null ? "clean" : String.format(java.util.Locale.ROOT, "%.0fdB", snrDb),
          seed);
    }
  }

  private static final int RATE = TestSignals.RATE;
  private static final double SYLLABLES_PER_WORD = 1.5;

  /** F1, F2, F3 of a, i, u, e, o (Hz). */
  private static final double[][] VOWELS = {
    {700, 1220, 2600}, {300, 2300, 3000}, {320, 900, 2400}, {500, 1800, 2550}, {450, 850, 2500}
  };

  private SpeechLikeSignals() {}

  /**
   * A balanced corpus: for each noise level (clean, 10 dB, 0 dB) and each voice (male base F0
   * 100–130 Hz, female 190–230 Hz) three statements, two final-rise questions (one of them long and
   * fast: 4–5 s at 200–240 wpm) and one whole-phrase rise question; 36 clips. Rates (110–240 wpm),
   * lengths (1.5–5 s) and base F0 are drawn from {@code seed}.
   */
  static List<Spec> corpus(long seed) {
    Random random = new Random(seed);
    List<Spec> specs = new ArrayList<>();
    Double[] noise = {null, 10.0, 0.0};
    for (Double snr : noise) {
      for (boolean male : new boolean[] {true, false}) {
        List<Shape> shapes =
            List.of(
                Shape.STATEMENT,
                Shape.STATEMENT,
                Shape.STATEMENT,
                Shape.FINAL_RISE_QUESTION,
                Shape.FINAL_RISE_QUESTION,
                Shape.RISING_QUESTION);
        for (int i = 0; i < shapes.size(); i++) {
          boolean longAndFast = i == 2 || i == 4;
          double f0 = male ? uniform(random, 100, 130) : uniform(random, 190, 230);
          double wpm = longAndFast ? uniform(random, 200, 240) : uniform(random, 110, 240);
          double seconds = longAndFast ? uniform(random, 4, 5) : uniform(random, 1.5, 5);
          specs.add(new Spec(shapes.get(i), f0, wpm, seconds, snr, random.nextLong()));
        }
      }
    }
    return specs;
  }

  /** Synthesises {@code spec} at {@link TestSignals#RATE}, with 0.2–0.4 s of silence around it. */
  static float[] synthesise(Spec spec) {
    Random random = new Random(spec.seed());
    double syllableSeconds = 60 / (spec.wordsPerMinute() * SYLLABLES_PER_WORD);
    int syllables = Math.max(3, (int) Math.round(spec.seconds() / syllableSeconds));
    double lead = uniform(random, 0.2, 0.4);
    double trail = uniform(random, 0.2, 0.4);

    // Syllable timing: gap then nucleus; the last syllable lengthened by 30-60 %.
    double[] nucleusStart = new double[syllables];
    double[] nucleusEnd = new double[syllables];
    double t = lead;
    for (int s = 0; s < syllables; s++) {
      double length = syllableSeconds * uniform(random, 0.8, 1.2);
      if (s == syllables - 1) {
        length *= uniform(random, 1.3, 1.6);
      }
      double gap = length * uniform(random, 0.2, 0.35);
      nucleusStart[s] = t + gap;
      nucleusEnd[s] = t + length;
      t += length;
    }
    double voicingEnd = nucleusEnd[syllables - 1];
    double speechStart = nucleusStart[0];
    int total = (int) Math.round((t + trail) * RATE);

    double[] accent = new double[syllables];
    for (int s = 0; s < syllables - 1; s++) {
      accent[s] = random.nextDouble() < 0.35 ? uniform(random, 1.5, 3.5) : 0;
    }
    Contour contour = contour(spec.shape(), random, speechStart, voicingEnd);

    double[] signal = new double[total];
    double driftPhase = random.nextDouble() * 2 * Math.PI;
    double driftRate = uniform(random, 0.5, 1.5);
    for (int s = 0; s < syllables; s++) {
      int from = (int) Math.round(nucleusStart[s] * RATE);
      int to = Math.min(total, (int) Math.round(nucleusEnd[s] * RATE));
      double[] source = new double[to - from];
      double phase = random.nextDouble() * 2 * Math.PI;
      double mid = (nucleusStart[s] + nucleusEnd[s]) / 2;
      double halfWidth = (nucleusEnd[s] - nucleusStart[s]) / 2;
      for (int i = 0; i < source.length; i++) {
        double time = (from + i) / (double) RATE;
        double bump = accent[s] * Math.max(0, 1 - Math.abs(time - mid) / halfWidth);
        double drift = 0.3 * Math.sin(2 * Math.PI * driftRate * time + driftPhase);
        double jitter = 0.08 * random.nextGaussian();
        double semitones = contour.at(time) + bump + drift + jitter;
        double f0 = spec.baseF0Hz() * Math.pow(2, semitones / 12);
        int harmonics = (int) (4000 / f0);
        double value = 0;
        for (int k = 1; k <= harmonics; k++) {
          value += Math.sin(k * phase) / k;
        }
        source[i] = value;
        phase += 2 * Math.PI * f0 / RATE;
        if (phase > 2 * Math.PI) {
          phase -= 2 * Math.PI;
        }
      }
      double[] vowel = VOWELS[random.nextInt(VOWELS.length)];
      double[] filtered = source;
      for (int f = 0; f < vowel.length; f++) {
        filtered = SyntheticSpeech.resonate(filtered, vowel[f], 60 + 40 * f, RATE);
      }
      double level = s == syllables - 1 ? uniform(random, 0.5, 0.8) : uniform(random, 0.6, 1.0);
      for (int i = 0; i < filtered.length; i++) {
        double x = i / (double) filtered.length;
        // Quick onset, slower decay: a syllable-like swell.
        double envelope = Math.pow(Math.sin(Math.PI * Math.pow(x, 0.7)), 0.6);
        signal[from + i] += level * envelope * filtered[i];
      }
      // A weak fricative-like burst in about half of the gaps.
      if (s > 0 && random.nextBoolean()) {
        int gapFrom = (int) Math.round(nucleusEnd[s - 1] * RATE);
        for (int i = gapFrom; i < from; i++) {
          double x = (i - gapFrom) / (double) Math.max(1, from - gapFrom);
          signal[i] += 0.05 * Math.sin(Math.PI * x) * random.nextGaussian();
        }
      }
    }
    normalise(signal, 0.5);
    if (spec.snrDb() != null) {
      int from = (int) Math.round(speechStart * RATE);
      int to = (int) Math.round(voicingEnd * RATE);
      double power = 0;
      for (int i = from; i < to; i++) {
        power += signal[i] * signal[i];
      }
      double noiseRms = Math.sqrt(power / (to - from)) / Math.pow(10, spec.snrDb() / 20);
      Random noise = new Random(spec.seed() ^ 0x5DEECE66DL);
      for (int i = 0; i < total; i++) {
        signal[i] += noiseRms * noise.nextGaussian();
      }
    }
    float[] out = new float[total];
    double peak = 0;
    for (double v : signal) {
      peak = Math.max(peak, Math.abs(v));
    }
    double scale = peak > 0.99 ? 0.99 / peak : 1;
    for (int i = 0; i < total; i++) {
      out[i] = (float) (signal[i] * scale);
    }
    return out;
  }

  /** Intended F0 in semitones relative to the base, as a function of time. */
  @FunctionalInterface
  private interface Contour {
    double at(double seconds);
  }

  private static Contour contour(Shape shape, Random random, double start, double end) {
    double span = end - start;
    return switch (shape) {
      case STATEMENT -> {
        double declination = -uniform(random, 1.5, 4) / span;
        double fall = uniform(random, 2, 5);
        double fallSeconds = uniform(random, 0.2, 0.4);
        yield time -> declination * (time - start) - fall * ramp(time, end - fallSeconds, end);
      }
      case FINAL_RISE_QUESTION -> {
        double declination = -uniform(random, 0, 3) / span;
        double rise = uniform(random, 3, 7);
        double riseSeconds = uniform(random, 0.15, 0.25);
        yield time -> declination * (time - start) + rise * ramp(time, end - riseSeconds, end);
      }
      case RISING_QUESTION -> {
        double phraseRise = uniform(random, 2, 5) / span;
        double rise = uniform(random, 2, 4);
        double riseSeconds = uniform(random, 0.25, 0.4);
        yield time -> phraseRise * (time - start) + rise * ramp(time, end - riseSeconds, end);
      }
    };
  }

  /** 0 before {@code from}, 1 after {@code to}, linear in between. */
  private static double ramp(double time, double from, double to) {
    return Math.max(0, Math.min(1, (time - from) / (to - from)));
  }

  private static double uniform(Random random, double low, double high) {
    return low + (high - low) * random.nextDouble();
  }

  private static void normalise(double[] signal, double peak) {
    double max = 0;
    for (double v : signal) {
      max = Math.max(max, Math.abs(v));
    }
    if (max > 0) {
      for (int i = 0; i < signal.length; i++) {
        signal[i] *= peak / max;
      }
    }
  }
}
