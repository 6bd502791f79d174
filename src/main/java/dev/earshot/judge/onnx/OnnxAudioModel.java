package dev.earshot.judge.onnx;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An audio ONNX model loaded once into ONNX Runtime (through DJL) and shared by all callers. Each
 * {@link #predict} call runs on its own {@link Predictor}, so concurrent calls are safe; {@link
 * #close()} frees the native session and must not race running predictions.
 *
 * @param <R> {@link ClassificationResult} or {@link TranscriptionResult}
 */
public final class OnnxAudioModel<R> implements AutoCloseable {

  private final OnnxModelSpec spec;
  private final ZooModel<float[], R> model;
  private final List<String> inputNames;
  private final AtomicBoolean closed = new AtomicBoolean();

  private OnnxAudioModel(
      OnnxModelSpec spec, Class<R> resultType, WaveformTranslator<R> translator) {
    this.spec = spec;
    this.model = OnnxModels.load(spec.modelPath(), float[].class, resultType, translator);
    this.inputNames = OnnxModels.inputNames(model);
    if (inputNames.size() != 1) {
      model.close();
      throw new OnnxModelException(
          "model "
              + spec.modelPath()
              + " takes inputs "
              + inputNames
              + "; an audio model must take exactly one waveform input");
    }
  }

  /** Loads a {@link PostProcessing#SOFTMAX_LABELS} model. */
  public static OnnxAudioModel<ClassificationResult> loadClassifier(OnnxModelSpec spec) {
    requireKind(spec, PostProcessing.SOFTMAX_LABELS);
    return new OnnxAudioModel<>(
        spec, ClassificationResult.class, new WaveformTranslator.SoftmaxLabels(spec));
  }

  /** Loads a {@link PostProcessing#CTC_GREEDY} model. */
  public static OnnxAudioModel<TranscriptionResult> loadTranscriber(OnnxModelSpec spec) {
    requireKind(spec, PostProcessing.CTC_GREEDY);
    return new OnnxAudioModel<>(
        spec, TranscriptionResult.class, new WaveformTranslator.CtcGreedy(spec));
  }

  /**
   * Runs the model on mono 16 kHz samples in [-1, 1] (resampled to the spec's rate if it differs).
   *
   * @throws OnnxModelException if the model fails on this input or its output does not fit the spec
   * @throws IllegalStateException after {@link #close()}
   */
  public R predict(float[] samples16k) {
    Objects.requireNonNull(samples16k, "samples16k");
    if (closed.get()) {
      throw new IllegalStateException("model " + spec.modelPath() + " is closed");
    }
    try (Predictor<float[], R> predictor = model.newPredictor()) {
      return predictor.predict(samples16k);
    } catch (TranslateException e) {
      throw e.getCause() instanceof OnnxModelException cause
          ? cause
          : new OnnxModelException("model " + spec.modelPath() + " failed: " + e.getMessage(), e);
    }
  }

  public OnnxModelSpec spec() {
    return spec;
  }

  /** The model's input name, as ONNX Runtime reports it. */
  public String inputName() {
    return inputNames.get(0);
  }

  public boolean isClosed() {
    return closed.get();
  }

  /** Frees the native session; later calls to {@link #predict} fail. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      model.close();
    }
  }

  private static void requireKind(OnnxModelSpec spec, PostProcessing kind) {
    Objects.requireNonNull(spec, "spec");
    if (spec.postProcessing() != kind) {
      throw new IllegalArgumentException(
          "model "
              + spec.modelPath()
              + " is configured for "
              + spec.postProcessing()
              + ", not "
              + kind);
    }
  }
}
