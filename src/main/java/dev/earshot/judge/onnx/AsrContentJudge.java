package dev.earshot.judge.onnx;

import dev.earshot.judge.scoring.ContentAccuracyJudge;
import dev.earshot.judge.scoring.DimensionScore;
import dev.earshot.judge.scoring.JudgeInput;
import dev.earshot.judge.scoring.JudgeParameters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Content accuracy of what the response audio says: a CTC speech recogniser transcribes it, and the
 * transcript is scored like a text channel (WER against the reference, keyword match).
 */
final class AsrContentJudge implements ModelJudge {

  private final String id;
  private final String dimension;
  private final OnnxAudioModel<TranscriptionResult> model;
  private final ContentAccuracyJudge content;

  AsrContentJudge(String id, String dimension, OnnxAudioModel<TranscriptionResult> model) {
    this.id = id;
    this.dimension = dimension;
    this.model = model;
    // The transcript is scored with content-accuracy's default weights.
    this.content = new ContentAccuracyJudge(JudgeParameters.none(id));
  }

  @Override
  public String dimension() {
    return dimension;
  }

  @Override
  public Optional<DimensionScore> score(JudgeInput input, float[] samples16k) {
    String transcript = model.predict(samples16k).text();
    JudgeInput heard =
        new JudgeInput(
            input.expectations(), input.reference(), transcript, input.prosody(), input.quality());
    return content
        .score(heard)
        .map(
            s -> {
              Map<String, Object> details = new LinkedHashMap<>(s.details());
              details.put("transcript", transcript);
              return new DimensionScore(
                  dimension,
                  s.score(),
                  id + " heard \"" + transcript + "\": " + s.reason(),
                  details);
            });
  }

  @Override
  public void close() {
    model.close();
  }
}
