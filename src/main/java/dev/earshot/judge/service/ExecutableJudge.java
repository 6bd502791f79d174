package dev.earshot.judge.service;

import dev.earshot.judge.scoring.DimensionScore;
import dev.earshot.judge.scoring.JudgeInput;
import java.util.Optional;
import java.util.function.Supplier;

/** A judge ready to score: signal and text judges use the features, model judges the audio too. */
@FunctionalInterface
public interface ExecutableJudge {

  /**
   * @param audio16k the response audio, mono 16 kHz, decoded only if the judge asks for it
   */
  Optional<DimensionScore> score(JudgeInput input, Supplier<float[]> audio16k);
}
