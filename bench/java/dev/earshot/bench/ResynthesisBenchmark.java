package dev.earshot.bench;

import dev.earshot.audio.decode.DecodedAudio;
import dev.earshot.audio.decode.NativeAudio;
import dev.earshot.judge.dsp.paired.PitchAgreement;
import dev.earshot.judge.dsp.paired.ResynthesisMetrics;
import dev.earshot.judge.dsp.paired.ScaleInvariantSdr;
import dev.earshot.judge.dsp.paired.SignalAlignment;
import dev.earshot.judge.dsp.paired.SpectralDistances;
import dev.earshot.judge.dsp.paired.Stoi;
import java.util.Random;
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

/**
 * The paired metrics of {@code POST /api/analysis/resynthesis} on a 10 s, 16 kHz pair, on one
 * thread: the {@link DspBenchmark} espeak-ng clip as the original, and as the "resynthesis" the
 * same clip 5 ms later with seeded white noise at 20 dB SNR. Decoding is not included (see {@code
 * DecodeBenchmark}). Speed as a multiple of real time = 10 s / average time. The stage benchmarks
 * time each part of {@code compare} on the aligned pair, to show which one dominates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class ResynthesisBenchmark {

  private static final int DELAY_SAMPLES = 80;
  private static final double SNR_DB = 20;

  private DecodedAudio original;
  private DecodedAudio resynthesised;
  private SignalAlignment aligned;

  @Setup
  public void makePair() {
    float[] clip = DspBenchmark.speechClip();
    Random random = new Random(17);
    double[] noise = new double[clip.length];
    double clipEnergy = 0;
    double noiseEnergy = 0;
    for (int i = 0; i < clip.length; i++) {
      noise[i] = random.nextGaussian();
      clipEnergy += (double) clip[i] * clip[i];
      noiseEnergy += noise[i] * noise[i];
    }
    double gain = Math.sqrt(clipEnergy / noiseEnergy / Math.pow(10, SNR_DB / 10));
    float[] resynthesis = new float[clip.length];
    for (int i = 0; i < clip.length; i++) {
      float delayed = i >= DELAY_SAMPLES ? clip[i - DELAY_SAMPLES] : 0;
      resynthesis[i] = (float) (delayed + gain * noise[i]);
    }
    original = mono16k(clip);
    resynthesised = mono16k(resynthesis);
    aligned = align();
  }

  @Benchmark
  public ResynthesisMetrics compare() {
    return ResynthesisMetrics.compare(original, resynthesised);
  }

  @Benchmark
  public SignalAlignment align() {
    return SignalAlignment.align(
        original.analysis().samples(),
        resynthesised.analysis().samples(),
        DspBenchmark.SAMPLE_RATE,
        DspBenchmark.SAMPLE_RATE);
  }

  @Benchmark
  public SpectralDistances spectral() {
    return SpectralDistances.measure(
        aligned.original(), aligned.resynthesised(), DspBenchmark.SAMPLE_RATE);
  }

  @Benchmark
  public double siSdr() {
    return ScaleInvariantSdr.measure(aligned.original(), aligned.resynthesised());
  }

  @Benchmark
  public Double stoi() {
    return Stoi.measure(aligned.original(), aligned.resynthesised(), DspBenchmark.SAMPLE_RATE);
  }

  @Benchmark
  public PitchAgreement pitch() {
    return PitchAgreement.measure(
        aligned.original(), aligned.resynthesised(), DspBenchmark.SAMPLE_RATE);
  }

  private static DecodedAudio mono16k(float[] samples) {
    return DecodedAudio.of(new NativeAudio(new float[][] {samples}, DspBenchmark.SAMPLE_RATE));
  }
}
