package dev.earshot.judge.onnx;

import dev.earshot.judge.scoring.DimensionScore;
import dev.earshot.judge.scoring.JudgeInput;
import java.util.Optional;

/**
 * A judge that runs a local model on the response audio. It holds its loaded model (loaded once per
 * judge version) and must be closed when the service stops.
 */
public interface ModelJudge extends AutoCloseable {

  /** The dimension it scores. */
  String dimension();

  /**
   * Scores one response; empty when the prompt asks nothing this judge can check.
   *
   * @param samples16k the response audio, mono at 16 kHz
   */
  Optional<DimensionScore> score(JudgeInput input, float[] samples16k);

  @Override
  void close();
}
