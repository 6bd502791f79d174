package dev.earshot.judge.onnx;

/** How a model expects a mono waveform of {@code n} samples to be shaped (batch size 1). */
public enum InputLayout {
  /** {@code [batch, samples]}: raw waveform, as wav2vec2-style models take it. */
  BATCH_SAMPLES,
  /** {@code [batch, channels, samples]} with one channel. */
  BATCH_CHANNEL_SAMPLES;

  long[] shape(int samples) {
    return switch (this) {
      case BATCH_SAMPLES -> new long[] {1, samples};
      case BATCH_CHANNEL_SAMPLES -> new long[] {1, 1, samples};
    };
  }
}
