package dev.earshot.codec.core;

/**
 * The codecs of the codec demo: SIMULATED, not neural codecs. Each is a {@link Degradations
 * degradation} of known size, so the leaderboard's order is known in advance. Their shapes (and so
 * bitrates) are declared for the demo, not measured: chosen so that the quality–bitrate plot reads
 * like a codec paper's, more bits for less degradation.
 */
public enum SimulatedCodec {
  NOISE_5DB(
      "sim-noise-5db",
      new CodecShape(50, 1, 1024),
      "SIMULATED codec, not a real one: the original plus white noise at 5 dB SNR (fixed seed)."
          + " Bitrate declared for the demo."),
  LOWPASS_3K(
      "sim-lowpass-3k",
      new CodecShape(50, 2, 1024),
      "SIMULATED codec, not a real one: the original low-passed at 3 kHz. Bitrate declared for"
          + " the demo."),
  NOISE_20DB(
      "sim-noise-20db",
      new CodecShape(75, 8, 1024),
      "SIMULATED codec, not a real one: the original plus white noise at 20 dB SNR (fixed seed)."
          + " Bitrate declared for the demo."),
  TRANSPARENT(
      "sim-transparent",
      new CodecShape(75, 32, 1024),
      "SIMULATED codec, not a real one: an identical copy of the original. Bitrate declared for"
          + " the demo.");

  private static final long SEED = 17;

  private final String codecName;
  private final CodecShape shape;
  private final String description;

  SimulatedCodec(String codecName, CodecShape shape, String description) {
    this.codecName = codecName;
    this.shape = shape;
    this.description = description;
  }

  public String codecName() {
    return codecName;
  }

  /** The declared shape; its bitrate is the demo's choice, not a measurement. */
  public CodecShape shape() {
    return shape;
  }

  public String description() {
    return description;
  }

  /** This codec's "resynthesis" of an original; noise is seeded by {@code item}. */
  public float[] resynthesise(float[] original, int sampleRate, int item) {
    return switch (this) {
      case TRANSPARENT -> original.clone();
      case NOISE_20DB -> Degradations.withWhiteNoise(original, 20, SEED + item);
      case NOISE_5DB -> Degradations.withWhiteNoise(original, 5, SEED + item);
      case LOWPASS_3K -> Degradations.lowPass(original, sampleRate, 3_000);
    };
  }
}
