package dev.earshot.judge.onnx;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Silero VAD v5 (ONNX) voice activity detection on 16 kHz audio. The model is loaded once and
 * shared; each {@link #detect} call walks the recording with its own {@link Predictor} and its own
 * recurrent state, so concurrent calls are independent. See {@code judges/models/README.md} for the
 * model file and its interface.
 */
public final class SileroVad implements AutoCloseable {

  /** The only rate this model is run at here. */
  public static final int SAMPLE_RATE = 16_000;

  /** Samples per model call at 16 kHz (32 ms). */
  public static final int WINDOW_SAMPLES = 512;

  /** Tail of the previous window fed in front of each window, as silero-vad's own wrapper does. */
  static final int CONTEXT_SAMPLES = 64;

  private static final long[] STATE_SHAPE = {2, 1, 128};
  private static final int STATE_SIZE = 2 * 128;
  private static final List<String> INPUTS = List.of("input", "state", "sr");

  private final Path modelFile;
  private final ZooModel<Window, WindowResult> model;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SileroVad(Path modelFile) {
    this.modelFile = modelFile;
    this.model =
        OnnxModels.load(modelFile, Window.class, WindowResult.class, new WindowTranslator());
    List<String> inputNames = OnnxModels.inputNames(model);
    if (!inputNames.containsAll(INPUTS) || inputNames.size() != INPUTS.size()) {
      model.close();
      throw new OnnxModelException(
          "model " + modelFile + " takes inputs " + inputNames + ", not Silero VAD v5's " + INPUTS);
    }
  }

  /**
   * Loads the Silero VAD v5 ONNX file.
   *
   * @throws IllegalArgumentException "not configured: …" if the file is missing
   * @throws OnnxModelException if it is not a Silero VAD v5 model
   */
  public static SileroVad load(Path modelFile) {
    return new SileroVad(OnnxModels.requireModelFile(modelFile));
  }

  /** Speech segments and pause figures with Silero's default {@link VadSettings#DEFAULTS}. */
  public VadResult detect(float[] samples16k) {
    return detect(samples16k, VadSettings.DEFAULTS);
  }

  /** Speech segments of mono 16 kHz samples in [-1, 1], and the pause figures derived from them. */
  public VadResult detect(float[] samples16k, VadSettings settings) {
    Objects.requireNonNull(settings, "settings");
    float[] probabilities = speechProbabilities(samples16k);
    List<SpeechSegment> segments =
        SpeechSegmenter.segments(
            probabilities, WINDOW_SAMPLES, samples16k.length, SAMPLE_RATE, settings);
    return VadResult.of(segments, samples16k.length / (double) SAMPLE_RATE);
  }

  /**
   * The model's speech probability for each {@link #WINDOW_SAMPLES}-sample window (the last one
   * zero-padded), window {@code i} starting at sample {@code i * WINDOW_SAMPLES}.
   */
  public float[] speechProbabilities(float[] samples16k) {
    Objects.requireNonNull(samples16k, "samples16k");
    if (closed.get()) {
      throw new IllegalStateException("Silero VAD " + modelFile + " is closed");
    }
    int windows = (samples16k.length + WINDOW_SAMPLES - 1) / WINDOW_SAMPLES;
    float[] probabilities = new float[windows];
    float[] state = new float[STATE_SIZE];
    float[] input = new float[CONTEXT_SAMPLES + WINDOW_SAMPLES];
    try (Predictor<Window, WindowResult> predictor = model.newPredictor()) {
      for (int w = 0; w < windows; w++) {
        // Keep the previous window's last samples as context, then copy (or zero-pad) this window.
        System.arraycopy(input, WINDOW_SAMPLES, input, 0, CONTEXT_SAMPLES);
        int from = w * WINDOW_SAMPLES;
        int length = Math.min(WINDOW_SAMPLES, samples16k.length - from);
        System.arraycopy(samples16k, from, input, CONTEXT_SAMPLES, length);
        Arrays.fill(input, CONTEXT_SAMPLES + length, input.length, 0f);
        WindowResult result = predictor.predict(new Window(input, state));
        probabilities[w] = result.speechProbability();
        state = result.state();
      }
    } catch (TranslateException e) {
      throw e.getCause() instanceof OnnxModelException cause
          ? cause
          : new OnnxModelException("Silero VAD " + modelFile + " failed: " + e.getMessage(), e);
    }
    return probabilities;
  }

  /** Frees the native session; later calls fail. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      model.close();
    }
  }

  /** One model call's input: context plus window samples, and the recurrent state. */
  record Window(float[] samples, float[] state) {}

  /** One model call's output. */
  record WindowResult(float speechProbability, float[] state) {}

  /** Converts between {@link Window}s and Silero's named tensors. */
  static final class WindowTranslator implements NoBatchifyTranslator<Window, WindowResult> {

    @Override
    public NDList processInput(TranslatorContext ctx, Window window) {
      NDManager manager = ctx.getNDManager();
      NDArray input = manager.create(window.samples(), new Shape(1, window.samples().length));
      input.setName("input");
      NDArray state = manager.create(window.state(), new Shape(STATE_SHAPE));
      state.setName("state");
      NDArray sampleRate = manager.create((long) SAMPLE_RATE);
      sampleRate.setName("sr");
      return new NDList(input, state, sampleRate);
    }

    @Override
    public WindowResult processOutput(TranslatorContext ctx, NDList outputs) {
      float[] probability = required(outputs, "output").toFloatArray();
      float[] state = required(outputs, "stateN").toFloatArray();
      if (probability.length != 1 || state.length != STATE_SIZE) {
        throw new OnnxModelException(
            "Silero VAD returned "
                + probability.length
                + " probabilities and a state of "
                + state.length
                + " values; expected 1 and "
                + STATE_SIZE);
      }
      return new WindowResult(probability[0], state);
    }

    private static NDArray required(NDList outputs, String name) {
      NDArray array = outputs.get(name);
      if (array == null) {
        throw new OnnxModelException("Silero VAD output '" + name + "' is missing");
      }
      return array;
    }
  }
}
