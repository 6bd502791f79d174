package dev.earshot.reward.model;

/**
 * Hyperparameters of one training.
 *
 * @param steps Adam steps, one mini-batch each
 * @param hiddenUnits width of the hidden layer
 * @param learningRate Adam's learning rate
 * @param batchSize pairs per step (fewer when there are fewer training pairs)
 * @param seed seeds the engine's initialisation and the mini-batch draws; PyTorch on CPU is still
 *     not bit-reproducible, so two runs may differ slightly
 */
public record TrainingSettings(
    int steps, int hiddenUnits, double learningRate, int batchSize, long seed) {

  public static final int DEFAULT_BATCH_SIZE = 64;

  public TrainingSettings {
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be at least 1, got " + steps);
    }
    if (hiddenUnits < 1) {
      throw new IllegalArgumentException("hidden units must be at least 1, got " + hiddenUnits);
    }
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be above 0, got " + learningRate);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
  }
}
