package dev.earshot.reward.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.earshot.platform.djl.DjlSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Trains a Bradley–Terry reward model on preference pairs: the {@link RewardNetwork} with loss
 * {@code −log σ(s(chosen) − s(rejected))}, Adam and one seeded mini-batch per step, and beside it
 * the {@link LinearBradleyTerry} baseline on the same scaled features. Runs on the engine's default
 * device: the GPU when a CUDA build of PyTorch is on the class path and a GPU is present, else the
 * CPU.
 */
public final class RewardModelTrainer {

  /** Told after every step. */
  @FunctionalInterface
  public interface Progress {
    void step(int done, int total, double batchLoss);
  }

  static {
    DjlSettings.offlineUnlessConfigured();
  }

  private RewardModelTrainer() {}

  /**
   * Trains on {@code split.training()}, measures on both sets, and saves the network's parameters
   * as {@code outputDir/}{@value RewardNetwork#PARAMETERS_FILE} (the folder is emptied first).
   *
   * @param featureCount the length of every feature vector
   * @throws IllegalArgumentException when there are no training pairs
   */
  public static TrainingResult train(
      HeldOutSplit split,
      int featureCount,
      TrainingSettings settings,
      Path outputDir,
      Progress progress) {
    List<PreferencePair> training = split.training();
    if (training.isEmpty()) {
      throw new IllegalArgumentException("no training pairs");
    }
    List<double[]> responses = new ArrayList<>();
    training.forEach(
        pair -> {
          responses.add(pair.chosen());
          responses.add(pair.rejected());
        });
    FeatureScaler scaler = FeatureScaler.fit(responses, featureCount);
    Scaled train = Scaled.of(training, scaler);
    Scaled heldOut = Scaled.of(split.heldOut(), scaler);

    double[] linear =
        LinearBradleyTerry.fit(train.differences(), featureCount, LinearBradleyTerry.DEFAULT_RIDGE);

    Engine engine = Engine.getEngine(RewardNetwork.ENGINE);
    engine.setRandomSeed((int) settings.seed());
    Device device = engine.defaultDevice();
    try (Model model = Model.newInstance(RewardNetwork.MODEL_NAME, device, RewardNetwork.ENGINE)) {
      model.setBlock(RewardNetwork.block(settings.hiddenUnits()));
      DefaultTrainingConfig config =
          // The loss is computed by hand below; the config only needs one to be named.
          new DefaultTrainingConfig(Loss.l2Loss())
              .optOptimizer(
                  Optimizer.adam()
                      .optLearningRateTracker(Tracker.fixed((float) settings.learningRate()))
                      .build())
              .optDevices(new Device[] {device});
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(1, featureCount));
        fit(trainer, train, settings, progress);
        double[][] trainUtilities = utilities(trainer, train);
        double[][] heldOutUtilities = utilities(trainer, heldOut);
        double[][] linearTrainUtilities = linearUtilities(linear, train);
        save(model, outputDir);
        return new TrainingResult(
            scaler,
            train.size(),
            heldOut.size(),
            accuracy(trainUtilities),
            heldOut.size() == 0 ? null : accuracy(heldOutUtilities),
            meanLoss(trainUtilities),
            accuracy(linearTrainUtilities),
            heldOut.size() == 0 ? null : accuracy(linearUtilities(linear, heldOut)),
            meanLoss(linearTrainUtilities),
            Arrays.stream(linear).boxed().toList(),
            device.toString());
      }
    }
  }

  /** The Adam loop. */
  private static void fit(
      Trainer trainer, Scaled train, TrainingSettings settings, Progress progress) {
    Random random = new Random(settings.seed());
    int batchSize = Math.min(settings.batchSize(), train.size());
    int featureCount = train.chosen()[0].length;
    for (int step = 1; step <= settings.steps(); step++) {
      float[] chosen = new float[batchSize * featureCount];
      float[] rejected = new float[batchSize * featureCount];
      for (int row = 0; row < batchSize; row++) {
        int pair = random.nextInt(train.size());
        System.arraycopy(train.chosen()[pair], 0, chosen, row * featureCount, featureCount);
        System.arraycopy(train.rejected()[pair], 0, rejected, row * featureCount, featureCount);
      }
      double loss;
      try (NDManager batch = trainer.getManager().newSubManager();
          GradientCollector collector = trainer.newGradientCollector()) {
        Shape shape = new Shape(batchSize, featureCount);
        NDArray chosenUtility =
            trainer.forward(new NDList(batch.create(chosen, shape))).singletonOrThrow();
        NDArray rejectedUtility =
            trainer.forward(new NDList(batch.create(rejected, shape))).singletonOrThrow();
        // −log σ(z) = softplus(−z), computed stably by the engine.
        NDArray batchLoss = Activation.softPlus(rejectedUtility.sub(chosenUtility)).mean();
        collector.backward(batchLoss);
        loss = batchLoss.getFloat();
      }
      trainer.step();
      progress.step(step, settings.steps(), loss);
    }
  }

  /** Utilities of every pair's chosen ({@code [0]}) and rejected ({@code [1]}) response. */
  private static double[][] utilities(Trainer trainer, Scaled pairs) {
    if (pairs.size() == 0) {
      return new double[][] {new double[0], new double[0]};
    }
    try (NDManager manager = trainer.getManager().newSubManager()) {
      return new double[][] {
        evaluate(trainer, manager, pairs.chosen()), evaluate(trainer, manager, pairs.rejected())
      };
    }
  }

  private static double[] evaluate(Trainer trainer, NDManager manager, float[][] rows) {
    NDArray input = manager.create(rows);
    float[] output = trainer.evaluate(new NDList(input)).singletonOrThrow().toFloatArray();
    double[] utilities = new double[output.length];
    for (int i = 0; i < output.length; i++) {
      utilities[i] = output[i];
    }
    return utilities;
  }

  private static double[][] linearUtilities(double[] weights, Scaled pairs) {
    double[][] utilities = new double[2][pairs.size()];
    for (int i = 0; i < pairs.size(); i++) {
      utilities[0][i] = LinearBradleyTerry.utility(weights, pairs.chosen()[i]);
      utilities[1][i] = LinearBradleyTerry.utility(weights, pairs.rejected()[i]);
    }
    return utilities;
  }

  /** Share of pairs whose chosen response has the higher utility; an exact tie counts half. */
  static double accuracy(double[][] utilities) {
    double right = 0;
    for (int i = 0; i < utilities[0].length; i++) {
      double margin = utilities[0][i] - utilities[1][i];
      right += margin > 0 ? 1 : margin == 0 ? 0.5 : 0;
    }
    return right / utilities[0].length;
  }

  private static double meanLoss(double[][] utilities) {
    double sum = 0;
    for (int i = 0; i < utilities[0].length; i++) {
      double z = utilities[0][i] - utilities[1][i];
      sum += Math.log1p(Math.exp(-Math.abs(z))) + Math.max(-z, 0);
    }
    return sum / utilities[0].length;
  }

  private static void save(Model model, Path outputDir) {
    try {
      Files.createDirectories(outputDir);
      // DJL numbers parameter files by epoch; a left-over file would be loaded by mistake.
      try (Stream<Path> old = Files.list(outputDir)) {
        for (Path file : old.toList()) {
          Files.delete(file);
        }
      }
      model.save(outputDir, RewardNetwork.MODEL_NAME);
    } catch (IOException e) {
      throw new UncheckedIOException("could not save the reward model in " + outputDir, e);
    }
  }

  /** Scaled features of a set of pairs, row i of both arrays being pair i. */
  private record Scaled(float[][] chosen, float[][] rejected) {

    static Scaled of(List<PreferencePair> pairs, FeatureScaler scaler) {
      float[][] chosen = new float[pairs.size()][];
      float[][] rejected = new float[pairs.size()][];
      for (int i = 0; i < pairs.size(); i++) {
        chosen[i] = scaler.scale(pairs.get(i).chosen());
        rejected[i] = scaler.scale(pairs.get(i).rejected());
      }
      return new Scaled(chosen, rejected);
    }

    int size() {
      return chosen.length;
    }

    List<float[]> differences() {
      List<float[]> differences = new ArrayList<>(size());
      for (int i = 0; i < size(); i++) {
        float[] d = new float[chosen[i].length];
        for (int j = 0; j < d.length; j++) {
          d[j] = chosen[i][j] - rejected[i][j];
        }
        differences.add(d);
      }
      return differences;
    }
  }
}
