package dev.earshot.duplex.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A two-channel dialogue of speech-like utterances placed at known times: channel 1 the user,
 * channel 2 the model. Each utterance is a harmonic voice (harmonics of a declining F0 with a slow
 * wobble, shaped by the formants of a vowel that changes every syllable of 0.2 s, syllable
 * amplitude between 0.4 and 1) with 10 ms raised-cosine edges, so its start and end are sharp and
 * known to the sample.
 */
public final class SyntheticDialogue {

  /** The rate dialogues are built at. */
  public static final int SAMPLE_RATE = 16_000;

  private static final double SYLLABLE_SECONDS = 0.2;
  private static final double EDGE_SECONDS = 0.01;
  private static final double PEAK = 0.3;
  private static final double TOP_HZ = 4000;

  /** F1, F2, F3 of the vowels /a/, /i/, /u/, /e/, /o/ (Peterson &amp; Barney, rounded). */
  private static final double[][] VOWELS = {
    {730, 1090, 2440}, {270, 2290, 3010}, {300, 870, 2240}, {530, 1840, 2480}, {570, 840, 2410}
  };

  private static final double[] FORMANT_BANDWIDTHS_HZ = {90, 110, 170};

  /** One utterance: {@code start} and {@code end} in seconds. */
  public record Utterance(double start, double end) {}

  private final double durationSeconds;
  private final List<Utterance> user = new ArrayList<>();
  private final List<Utterance> model = new ArrayList<>();

  public SyntheticDialogue(double durationSeconds) {
    this.durationSeconds = durationSeconds;
  }

  public SyntheticDialogue user(double start, double end) {
    user.add(new Utterance(start, end));
    return this;
  }

  public SyntheticDialogue model(double start, double end) {
    model.add(new Utterance(start, end));
    return this;
  }

  /** The user's utterances, in the order they were added. */
  public List<Utterance> userUtterances() {
    return List.copyOf(user);
  }

  /** The model's utterances, in the order they were added. */
  public List<Utterance> modelUtterances() {
    return List.copyOf(model);
  }

  /** The same dialogue after {@code seconds} more of silence at its start. */
  public SyntheticDialogue delayed(double seconds) {
    SyntheticDialogue later = new SyntheticDialogue(durationSeconds + seconds);
    user.forEach(u -> later.user(u.start() + seconds, u.end() + seconds));
    model.forEach(m -> later.model(m.start() + seconds, m.end() + seconds));
    return later;
  }

  /**
   * Both channels at {@link #SAMPLE_RATE}: {@code [0]} the user (F0 about 120 Hz), {@code [1]} the
   * model (about 200 Hz).
   */
  public float[][] channels() {
    int frames = (int) Math.round(durationSeconds * SAMPLE_RATE);
    return new float[][] {render(user, frames, 120, 1), render(model, frames, 135, 2)};
  }

  private static float[] render(List<Utterance> utterances, int frames, double f0, long seed) {
    float[] channel = new float[frames];
    long vowelSeed = seed;
    for (Utterance utterance : utterances) {
      int from = (int) Math.round(utterance.start() * SAMPLE_RATE);
      int to = Math.min(frames, (int) Math.round(utterance.end() * SAMPLE_RATE));
      float[] voice = voice(to - from, f0, vowelSeed++);
      System.arraycopy(voice, 0, channel, from, voice.length);
    }
    return channel;
  }

  private static float[] voice(int length, double f0Start, long seed) {
    double[] out = new double[length];
    double seconds = length / (double) SAMPLE_RATE;
    double phase = 0;
    double peak = 0;
    for (int i = 0; i < length; i++) {
      double t = i / (double) SAMPLE_RATE;
      double f0 =
          f0Start
              * (1.1 - 0.2 * t / Math.max(seconds, 1e-9))
              * (1 + 0.03 * Math.sin(2 * Math.PI * 3 * t));
      int syllable = (int) (t / SYLLABLE_SECONDS);
      double[] vowel = VOWELS[(int) ((syllable * 7 + seed * 3) % VOWELS.length)];
      double inSyllable = Math.sin(Math.PI * (t % SYLLABLE_SECONDS) / SYLLABLE_SECONDS);
      double value = 0;
      for (int k = 1; k * f0 < TOP_HZ; k++) {
        value += formantGain(k * f0, vowel) / k * Math.sin(k * phase);
      }
      double envelope = (0.4 + 0.6 * inSyllable * inSyllable) * edge(t, seconds);
      out[i] = envelope * value;
      peak = Math.max(peak, Math.abs(out[i]));
      phase += 2 * Math.PI * f0 / SAMPLE_RATE;
    }
    float[] scaled = new float[length];
    for (int i = 0; i < length; i++) {
      scaled[i] = (float) (PEAK * out[i] / peak);
    }
    return scaled;
  }

  private static double formantGain(double frequency, double[] formants) {
    double gain = 0.05;
    for (int f = 0; f < formants.length; f++) {
      double detuning = (frequency - formants[f]) / FORMANT_BANDWIDTHS_HZ[f];
      gain += 1 / (1 + detuning * detuning);
    }
    return gain;
  }

  private static double edge(double t, double seconds) {
    double fromEdge = Math.min(t, seconds - t);
    if (fromEdge >= EDGE_SECONDS) {
      return 1;
    }
    double x = Math.max(0, fromEdge) / EDGE_SECONDS;
    return 0.5 - 0.5 * Math.cos(Math.PI * x);
  }
}
