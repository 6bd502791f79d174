package dev.earshot.judge.onnx;

import dev.earshot.judge.scoring.DimensionScore;
import dev.earshot.judge.scoring.JudgeInput;
import dev.earshot.judge.scoring.JudgeParameters;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Fluency of delivery from Silero VAD's speech segments: long silences inside an answer
 * (hesitation) and long silence before it lower the score. Each factor is a smooth logistic
 * fall-off that is 0.5 at its "half" parameter, so systems can be ordered rather than passed or
 * failed.
 */
final class SpeechActivityJudge implements ModelJudge {

  private final String id;
  private final String dimension;
  private final SileroVad vad;
  private final double pauseHalfSeconds;
  private final double leadHalfSeconds;
  private final double softnessSeconds;

  SpeechActivityJudge(String id, String dimension, SileroVad vad, JudgeParameters parameters) {
    this.id = id;
    this.dimension = dimension;
    this.vad = vad;
    JudgeParameters.Reader reader = parameters.reader();
    this.pauseHalfSeconds = reader.positiveNumber("pauseHalfSeconds", 1.5);
    this.leadHalfSeconds = reader.positiveNumber("leadHalfSeconds", 2.0);
    this.softnessSeconds = reader.positiveNumber("softnessSeconds", 0.25);
  }

  @Override
  public String dimension() {
    return dimension;
  }

  @Override
  public Optional<DimensionScore> score(JudgeInput input, float[] samples16k) {
    VadResult result = vad.detect(samples16k);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("speechFraction", result.speechFraction());
    details.put("pauseCount", result.pauseCount());
    details.put("longestPauseSeconds", result.longestPauseSeconds());
    details.put("segments", result.segments().size());
    if (result.segments().isEmpty()) {
      return Optional.of(new DimensionScore(dimension, 0, id + ": no speech detected", details));
    }
    double lead = result.segments().get(0).startSeconds();
    details.put("leadingSilenceSeconds", lead);
    double score =
        falling(result.longestPauseSeconds(), pauseHalfSeconds) * falling(lead, leadHalfSeconds);
    String reason =
        String.format(
            Locale.ROOT,
            "speech %.0f %% of %.2f s; %d pauses, longest %.2f s; speech starts at %.2f s",
            100 * result.speechFraction(),
            result.durationSeconds(),
            result.pauseCount(),
            result.longestPauseSeconds(),
            lead);
    return Optional.of(new DimensionScore(dimension, score, reason, details));
  }

  private double falling(double seconds, double half) {
    return 1 / (1 + Math.exp((seconds - half) / softnessSeconds));
  }

  @Override
  public void close() {
    vad.close();
  }
}
