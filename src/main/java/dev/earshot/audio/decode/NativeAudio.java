package dev.earshot.audio.decode;

import java.util.Objects;

/**
 * The decoded samples of every channel at the file's own rate, before any mixing or resampling:
 * what level, clipping and loudness are measured on. Integer PCM is scaled to [-1, 1) (full scale
 * is ±1); float WAV samples are kept as stored and may lie beyond full scale. The arrays are
 * shared, not copied: treat them as read-only.
 *
 * @param channels one array per channel, all of the same length (the number of frames)
 * @param sampleRate frames per second
 */
public record NativeAudio(float[][] channels, int sampleRate) {

  public NativeAudio {
    Objects.requireNonNull(channels, "channels");
    if (channels.length == 0) {
      throw new IllegalArgumentException("audio needs at least one channel");
    }
    for (float[] channel : channels) {
      if (channel.length != channels[0].length) {
        throw new IllegalArgumentException("all channels must have the same length");
      }
    }
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
    }
  }

  /** Number of channels. */
  public int channelCount() {
    return channels.length;
  }

  /** Samples per channel. */
  public int frames() {
    return channels[0].length;
  }

  /** Duration in seconds. */
  public double durationSeconds() {
    return frames() / (double) sampleRate;
  }

  /**
   * Channel average at the file's own rate, each sample first limited to [-1, 1]. A single channel
   * already inside full scale is shared rather than copied.
   */
  public MonoAudio mono() {
    if (channels.length == 1 && withinFullScale(channels[0])) {
      return new MonoAudio(channels[0], sampleRate);
    }
    float[] mono = new float[frames()];
    for (int frame = 0; frame < mono.length; frame++) {
      double sum = 0;
      for (float[] channel : channels) {
        sum += Math.max(-1.0, Math.min(1.0, channel[frame]));
      }
      mono[frame] = (float) (sum / channels.length);
    }
    return new MonoAudio(mono, sampleRate);
  }

  /**
   * The analysis copy: {@link #mono()} resampled to {@link AudioDecoder#ANALYSIS_SAMPLE_RATE} with
   * the band-limited {@link Resampler}.
   */
  public MonoAudio forAnalysis() {
    MonoAudio mono = mono();
    return new MonoAudio(
        Resampler.resample(mono.samples(), sampleRate, AudioDecoder.ANALYSIS_SAMPLE_RATE),
        AudioDecoder.ANALYSIS_SAMPLE_RATE);
  }

  private static boolean withinFullScale(float[] samples) {
    for (float s : samples) {
      if (s < -1 || s > 1) {
        return false;
      }
    }
    return true;
  }
}
