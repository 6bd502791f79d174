package dev.earshot.judge.onnx;

import ai.djl.MalformedModelException;
import ai.djl.engine.EngineException;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.Translator;
import dev.earshot.platform.djl.DjlSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Loads ONNX files into DJL's ONNX Runtime engine; the one place that builds a {@link Criteria}.
 */
final class OnnxModels {

  static final String ENGINE = "OnnxRuntime";

  static {
    DjlSettings.offlineUnlessConfigured();
    DjlSettings.onnxRuntimeWithoutAlternativeEngine();
  }

  private OnnxModels() {}

  /**
   * Fails unless {@code modelFile} is a readable regular file: a judge without its model is
   * misconfigured and must say so rather than fall back to something else.
   */
  static Path requireModelFile(Path modelFile) {
    Objects.requireNonNull(modelFile, "modelFile");
    if (!Files.isRegularFile(modelFile) || !Files.isReadable(modelFile)) {
      throw new IllegalArgumentException(
          "not configured: model file " + modelFile.toAbsolutePath() + " not found");
    }
    return modelFile;
  }

  static <I, O> ZooModel<I, O> load(
      Path modelFile, Class<I> inputType, Class<O> outputType, Translator<I, O> translator) {
    requireModelFile(modelFile);
    Criteria<I, O> criteria =
        Criteria.builder()
            .setTypes(inputType, outputType)
            .optModelPath(modelFile)
            .optEngine(ENGINE)
            .optTranslator(translator)
            .build();
    try {
      return criteria.loadModel();
    } catch (IOException | ModelNotFoundException | MalformedModelException | EngineException e) {
      throw new OnnxModelException(
          "could not load ONNX model " + modelFile.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  /** The model's input names in the order ONNX Runtime reports them. */
  static List<String> inputNames(ZooModel<?, ?> model) {
    return List.copyOf(model.describeInput().keys());
  }
}
