package dev.earshot.judge.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import dev.earshot.audio.decode.Resampler;

/**
 * Feeds a 16 kHz waveform to a single-input model in the spec's layout and sample rate, and turns
 * the first output into a result. Only converts: the model run is DJL's.
 */
abstract class WaveformTranslator<R> implements NoBatchifyTranslator<float[], R> {

  final OnnxModelSpec spec;

  WaveformTranslator(OnnxModelSpec spec) {
    this.spec = spec;
  }

  @Override
  public NDList processInput(TranslatorContext ctx, float[] samples16k) {
    float[] samples =
        spec.inputSampleRate() == OnnxModelSpec.DEFAULT_SAMPLE_RATE
            ? samples16k
            : Resampler.resample(
                samples16k, OnnxModelSpec.DEFAULT_SAMPLE_RATE, spec.inputSampleRate());
    NDArray waveform =
        ctx.getNDManager().create(samples, new Shape(spec.inputLayout().shape(samples.length)));
    return new NDList(waveform);
  }

  @Override
  public R processOutput(TranslatorContext ctx, NDList outputs) {
    NDArray output = outputs.head();
    return convert(output.toFloatArray(), output.getShape());
  }

  abstract R convert(float[] values, Shape shape);

  /** Softmax over {@code [batch, classes]} logits. */
  static final class SoftmaxLabels extends WaveformTranslator<ClassificationResult> {

    SoftmaxLabels(OnnxModelSpec spec) {
      super(spec);
    }

    @Override
    ClassificationResult convert(float[] logits, Shape shape) {
      return ClassificationResult.fromLogits(spec.labels(), logits);
    }
  }

  /** Greedy CTC over {@code [batch, frames, vocabulary]} logits. */
  static final class CtcGreedy extends WaveformTranslator<TranscriptionResult> {

    private final CtcGreedyDecoder decoder;

    CtcGreedy(OnnxModelSpec spec) {
      super(spec);
      this.decoder = new CtcGreedyDecoder(spec.labels(), spec.blankIndex(), spec.wordDelimiter());
    }

    @Override
    TranscriptionResult convert(float[] logits, Shape shape) {
      if (shape.dimension() < 2) {
        throw new OnnxModelException(
            "a CTC model must output [batch, frames, vocabulary] logits, got shape " + shape);
      }
      return decoder.decode(logits, (int) shape.get(shape.dimension() - 2));
    }
  }
}
