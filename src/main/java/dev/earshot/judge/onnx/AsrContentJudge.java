package dev.earshot.judge.onnx;

import dev.earshot.judge.scoring.DimensionScore;
import dev.earshot.judge.scoring.JudgeInput;
import dev.earshot.judge.scoring.JudgeParameters;
import dev.earshot.judge.scoring.TranscriptScoring;
import java.util.Optional;

/**
 * Content accuracy of what the response audio says: a CTC speech recogniser transcribes it, and the
 * transcript is scored like a text channel (WER against the reference, keyword match) and against
 * the response's own text channel (audio–text consistency), as {@link TranscriptScoring} does for
 * every transcribing judge.
 */
final class AsrContentJudge implements ModelJudge {

  private final String dimension;
  private final OnnxAudioModel<TranscriptionResult> model;
  private final TranscriptScoring scoring;

  AsrContentJudge(String id, String dimension, OnnxAudioModel<TranscriptionResult> model) {
    this.dimension = dimension;
    this.model = model;
    // The transcript is scored with content-accuracy's default weights.
    this.scoring = new TranscriptScoring(JudgeParameters.none(id));
  }

  @Override
  public String dimension() {
    return dimension;
  }

  @Override
  public Optional<DimensionScore> score(JudgeInput input, float[] samples16k) {
    if (!scoring.checksContent(input)) {
      return Optional.empty();
    }
    return scoring.score(input, model.predict(samples16k).text());
  }

  @Override
  public void close() {
    model.close();
  }
}
