package dev.earshot.judge.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.audio.decode.AudioDecoder;
import dev.earshot.audio.decode.AudioLimits;
import dev.earshot.audio.decode.AudioRejectedException;
import dev.earshot.testing.RealRecordings;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Skipping windows that cannot beat the peak found so far changes no result. */
class TruePeakMeterTest {

  @Test
  void shouldFindTheSamePeakAsInterpolatingEverySample() {
    SplittableRandom random = new SplittableRandom(7);
    for (int trial = 0; trial < 40; trial++) {
      float[] signal = new float[2000 + random.nextInt(3000)];
      double level = 0.01 + random.nextDouble() * 0.5;
      for (int i = 0; i < signal.length; i++) {
        // Quiet noise with a few loud bursts and near-Nyquist tones, where inter-sample peaks are.
        double burst = i % 700 < 40 ? 1.0 : 0.05;
        signal[i] =
            (float)
                (level
                    * burst
                    * (random.nextGaussian() * 0.3
                        + Math.sin(Math.PI * 0.9 * i + trial)
                        + Math.sin(2 * Math.PI * 0.24 * i)));
      }
      assertThat(TruePeakMeter.truePeak(signal)).isEqualTo(everySample(signal));
    }
  }

  @Test
  void shouldFindTheSamePeakOnSignalsShorterThanTheFilter() {
    SplittableRandom random = new SplittableRandom(11);
    for (int length = 0; length <= 70; length++) {
      float[] signal = new float[length];
      for (int i = 0; i < length; i++) {
        signal[i] = (float) (random.nextDouble(-1, 1) * (i % 2 == 0 ? 0.9 : -0.9));
      }
      assertThat(TruePeakMeter.truePeak(signal))
          .as("%d samples", length)
          .isEqualTo(everySample(signal));
    }
  }

  @Test
  void shouldFindTheSamePeakInEveryChannelOfTheRealRecordings() throws AudioRejectedException {
    AudioDecoder decoder = new AudioDecoder(AudioLimits.DEFAULTS);
    for (String name : RealRecordings.all()) {
      float[][] channels =
          decoder.decodeNative(ByteBuffer.wrap(RealRecordings.bytes(name))).channels();
      for (float[] channel : channels) {
        assertThat(TruePeakMeter.truePeak(channel)).as(name).isEqualTo(everySample(channel));
      }
    }
  }

  /** The definition: every fractional phase at every sample. */
  private static double everySample(float[] samples) {
    double peak = 0;
    for (int n = 0; n < samples.length; n++) {
      peak = Math.max(peak, Math.abs(samples[n]));
      for (int p = 1; p < TruePeakMeter.OVERSAMPLING; p++) {
        peak = Math.max(peak, Math.abs(TruePeakMeter.interpolate(samples, n, p)));
      }
    }
    return peak;
  }
}
