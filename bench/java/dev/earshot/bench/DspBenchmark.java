package dev.earshot.bench;

import dev.earshot.audio.decode.Resampler;
import dev.earshot.judge.dsp.IntensityContour;
import dev.earshot.judge.dsp.PitchTrack;
import dev.earshot.judge.dsp.PitchTracker;
import dev.earshot.judge.dsp.ProsodyAnalyzer;
import dev.earshot.judge.dsp.ProsodyFeatures;
import dev.earshot.judge.dsp.QualityAnalyzer;
import dev.earshot.judge.dsp.QualityFeatures;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Prosody and quality analysis of a 10 s, 16 kHz clip of espeak-ng speech (the eight {@code dsp/}
 * fixtures one after another, looped to 10 s), on one thread. Speed as a multiple of real time = 10
 * s / average time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class DspBenchmark {

  static final int SAMPLE_RATE = 16_000;
  static final int CLIP_SECONDS = 10;
  static final int NATIVE_RATE = 48_000;
  private static final String[] FIXTURES = {
    "question-call-male", "statement-call-male", "question-coming-female",
        "statement-coming-female",
    "question-hear-female", "statement-hear-female", "question-raining-male",
        "statement-raining-male"
  };

  private float[] clip;

  /** The same speech as a 48 kHz stereo original, the usual output of speech LMs and codecs. */
  private float[][] stereo48k;

  @Setup
  public void loadClip() {
    clip = speechClip();
    float[] upsampled = Resampler.resample(clip, SAMPLE_RATE, NATIVE_RATE);
    stereo48k = new float[][] {upsampled, upsampled.clone()};
  }

  @Benchmark
  public ProsodyFeatures prosody() {
    return ProsodyAnalyzer.analyze(clip, SAMPLE_RATE);
  }

  /**
   * The pair compared with Praat 6.3's {@code To Pitch (ac)} (75–500 Hz, 10 ms) and {@code To
   * Intensity} (50 Hz floor, 10 ms) on one core.
   */
  @Benchmark
  public void pitchAndIntensity(Blackhole blackhole) {
    blackhole.consume(pitch());
    blackhole.consume(intensity());
  }

  @Benchmark
  public PitchTrack pitch() {
    return PitchTracker.track(clip, SAMPLE_RATE);
  }

  @Benchmark
  public IntensityContour intensity() {
    return IntensityContour.smoothed(clip, SAMPLE_RATE, 50, 0.01);
  }

  @Benchmark
  public QualityFeatures quality() {
    return QualityAnalyzer.analyze(clip, SAMPLE_RATE);
  }

  /** What the analysis endpoint does per clip: both analyses. */
  @Benchmark
  public void prosodyAndQuality(Blackhole blackhole) {
    blackhole.consume(ProsodyAnalyzer.analyze(clip, SAMPLE_RATE));
    blackhole.consume(QualityAnalyzer.analyze(clip, SAMPLE_RATE));
  }

  /**
   * Quality of a 48 kHz stereo original: levels, true peak, loudness and bandwidth on both channels
   * at 48 kHz, the rest on the 16 kHz analysis copy (given, as the decoder makes it once per file).
   */
  @Benchmark
  public QualityFeatures qualityNative48kStereo() {
    return QualityAnalyzer.analyze(stereo48k, NATIVE_RATE, clip, SAMPLE_RATE);
  }

  /** The eight espeak-ng fixtures one after another, looped to {@value #CLIP_SECONDS} s. */
  static float[] speechClip() {
    float[] speech =
        Fixtures.concatenate(
            Arrays.stream(FIXTURES).map(DspBenchmark::monoFixture).toArray(float[][]::new));
    return Fixtures.loop(speech, CLIP_SECONDS * SAMPLE_RATE);
  }

  private static float[] monoFixture(String name) {
    Fixtures.Pcm pcm = Fixtures.readPcm16("/dsp/" + name + ".wav");
    if (pcm.sampleRate() != SAMPLE_RATE || pcm.channels().length != 1) {
      throw new IllegalStateException(name + " is not 16 kHz mono");
    }
    return pcm.channels()[0];
  }
}
