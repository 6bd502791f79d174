package dev.earshot.judge.onnx;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A speech codec's encoder, loaded once into ONNX Runtime (through DJL) and shared by all callers;
 * each {@link #encode} runs on its own {@link Predictor}. Contract of the ONNX file: one input, a
 * mono float waveform {@code [1, samples]} at the configured rate; first output int64 (or int32)
 * token ids {@code [codebooks, frames]} or {@code [1, codebooks, frames]}. The waveform is padded
 * with zeros to a whole number of frames first, as codecs with a fixed hop expect.
 */
public final class CodecEncoderModel implements AutoCloseable {

  private final Path modelFile;
  private final int samplesPerFrame;
  private final ZooModel<float[], CodecCodes> model;
  private final AtomicBoolean closed = new AtomicBoolean();

  private CodecEncoderModel(Path modelFile, int samplesPerFrame) {
    this.modelFile = modelFile;
    this.samplesPerFrame = samplesPerFrame;
    this.model =
        OnnxModels.load(
            modelFile, float[].class, CodecCodes.class, new EncoderTranslator(samplesPerFrame));
    int inputs = OnnxModels.inputNames(model).size();
    if (inputs != 1) {
      model.close();
      throw new OnnxModelException(
          "codec encoder "
              + modelFile
              + " takes "
              + inputs
              + " inputs; it must take exactly one waveform [1, samples]");
    }
  }

  /**
   * Loads the encoder.
   *
   * @param samplesPerFrame the encoder's hop: samples per token frame at its sample rate
   * @throws IllegalArgumentException when the file is missing ("not configured")
   * @throws OnnxModelException when ONNX Runtime cannot load it
   */
  public static CodecEncoderModel load(Path modelFile, int samplesPerFrame) {
    if (samplesPerFrame < 1) {
      throw new IllegalArgumentException("samples per frame must be positive: " + samplesPerFrame);
    }
    return new CodecEncoderModel(OnnxModels.requireModelFile(modelFile), samplesPerFrame);
  }

  /**
   * Encodes mono samples in [-1, 1] at the encoder's sample rate.
   *
   * @throws OnnxModelException when the model fails or its output breaks the contract
   * @throws IllegalStateException after {@link #close()}
   */
  public CodecCodes encode(float[] samples) {
    Objects.requireNonNull(samples, "samples");
    if (closed.get()) {
      throw new IllegalStateException("codec encoder " + modelFile + " is closed");
    }
    try (Predictor<float[], CodecCodes> predictor = model.newPredictor()) {
      return predictor.predict(samples);
    } catch (TranslateException e) {
      throw e.getCause() instanceof OnnxModelException cause
          ? cause
          : new OnnxModelException("codec encoder " + modelFile + " failed: " + e.getMessage(), e);
    }
  }

  public int samplesPerFrame() {
    return samplesPerFrame;
  }

  /** Frees the native session; later calls to {@link #encode} fail. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      model.close();
    }
  }

  /** Zero-pads to whole frames on the way in; checks and copies the token ids on the way out. */
  private static final class EncoderTranslator
      implements NoBatchifyTranslator<float[], CodecCodes> {

    private final int samplesPerFrame;

    EncoderTranslator(int samplesPerFrame) {
      this.samplesPerFrame = samplesPerFrame;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, float[] samples) {
      int frames = Math.max(1, (samples.length + samplesPerFrame - 1) / samplesPerFrame);
      float[] padded = Arrays.copyOf(samples, frames * samplesPerFrame);
      return new NDList(ctx.getNDManager().create(padded, new Shape(1, padded.length)));
    }

    @Override
    public CodecCodes processOutput(TranslatorContext ctx, NDList outputs) {
      NDArray codes = outputs.head();
      Shape shape = codes.getShape();
      if (shape.dimension() == 3 && shape.get(0) == 1) {
        shape = new Shape(shape.get(1), shape.get(2));
      }
      if (shape.dimension() != 2 || shape.get(0) < 1) {
        throw new OnnxModelException(
            "a codec encoder must output token ids [codebooks, frames], got shape "
                + codes.getShape());
      }
      long[] values =
          switch (codes.getDataType()) {
            case INT64 -> codes.toLongArray();
            case INT32 -> Arrays.stream(codes.toIntArray()).asLongStream().toArray();
            default ->
                throw new OnnxModelException(
                    "a codec encoder must output integer token ids, got "
                        + codes.getDataType()
                        + " (expected "
                        + DataType.INT64
                        + ")");
          };
      return new CodecCodes((int) shape.get(0), (int) shape.get(1), values);
    }
  }
}
