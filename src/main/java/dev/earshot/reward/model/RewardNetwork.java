package dev.earshot.reward.model;

import ai.djl.MalformedModelException;
import ai.djl.engine.EngineException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import dev.earshot.platform.djl.DjlSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reward network, {@code features → hidden (ReLU) → 1}, whose output is a response's
 * Bradley–Terry utility: {@code P(a preferred to b) = σ(s(a) − s(b))}. Loaded once from saved
 * parameters; every call gets its own {@link Predictor}; close it when done.
 */
public final class RewardNetwork implements AutoCloseable {

  /** The engine that trains and runs it, named in every model and criteria. */
  public static final String ENGINE = "PyTorch";

  /** The name the parameters are saved under: {@code reward-model-0000.params}. */
  public static final String MODEL_NAME = "reward-model";

  /** The parameter file DJL writes for {@link #MODEL_NAME} (epoch 0). */
  public static final String PARAMETERS_FILE = MODEL_NAME + "-0000.params";

  static {
    DjlSettings.offlineUnlessConfigured();
  }

  private final ZooModel<float[], Float> model;

  private RewardNetwork(ZooModel<float[], Float> model) {
    this.model = model;
  }

  /** A fresh, uninitialised network. */
  static Block block(int hiddenUnits) {
    return new SequentialBlock()
        .add(Linear.builder().setUnits(hiddenUnits).build())
        .add(Activation::relu)
        .add(Linear.builder().setUnits(1).build());
  }

  /**
   * Loads parameters saved by {@link RewardModelTrainer}.
   *
   * @param parametersFile the {@value #PARAMETERS_FILE} file
   * @param hiddenUnits the hidden width it was trained with
   */
  public static RewardNetwork load(Path parametersFile, int hiddenUnits) {
    if (!Files.isRegularFile(parametersFile)
        || !parametersFile.getFileName().toString().equals(PARAMETERS_FILE)) {
      throw new IllegalArgumentException(
          "not a reward model parameter file (" + PARAMETERS_FILE + "): " + parametersFile);
    }
    Criteria<float[], Float> criteria =
        Criteria.builder()
            .setTypes(float[].class, Float.class)
            .optModelPath(parametersFile.getParent())
            .optModelName(MODEL_NAME)
            .optEngine(ENGINE)
            // A DJL block, not TorchScript: the parameters are loaded into this structure.
            .optBlock(block(hiddenUnits))
            .optTranslator(new UtilityTranslator())
            .build();
    try {
      return new RewardNetwork(criteria.loadModel());
    } catch (IOException | ModelNotFoundException | MalformedModelException | EngineException e) {
      throw new IllegalStateException(
          "could not load reward model " + parametersFile.toAbsolutePath() + ": " + e.getMessage(),
          e);
    }
  }

  /** The utility of one response's scaled features. */
  public double utility(float[] scaledFeatures) {
    try (Predictor<float[], Float> predictor = model.newPredictor()) {
      return predictor.predict(scaledFeatures);
    } catch (TranslateException e) {
      throw new IllegalStateException("reward model failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    model.close();
  }

  /** One feature vector in, one utility out. */
  private static final class UtilityTranslator implements NoBatchifyTranslator<float[], Float> {

    @Override
    public NDList processInput(TranslatorContext ctx, float[] input) {
      return new NDList(ctx.getNDManager().create(input).reshape(1, input.length));
    }

    @Override
    public Float processOutput(TranslatorContext ctx, NDList list) {
      return list.singletonOrThrow().getFloat(0, 0);
    }
  }
}
