package dev.earshot.reward;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A training's settings with every default filled in: stored as JSON in {@link
 * RewardModelTraining#config} and shown by the API as stored.
 */
@Schema(name = "RewardModelConfig")
public record RewardModelConfig(
    String name,
    String dataset,
    String dimension,
    String source,
    int steps,
    int hiddenUnits,
    double learningRate,
    double holdoutFraction,
    long seed) {}
