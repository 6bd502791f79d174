package dev.earshot.judge.onnx;

import static dev.earshot.judge.onnx.TestModels.ctcFrames;
import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.dataset.manifest.PromptExpectations;
import dev.earshot.judge.scoring.DimensionScore;
import dev.earshot.judge.scoring.JudgeInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CTC path gives the same measurements as the transcription judge (TranscriptScoring). */
class AsrContentJudgeTest {

  private static AsrContentJudge judge;

  @BeforeAll
  static void load() {
    judge =
        new AsrContentJudge(
            "asr-ctc", "content", OnnxAudioModel.loadTranscriber(TestModels.ctcSpec()));
  }

  @AfterAll
  static void close() {
    judge.close();
  }

  @Test
  void shouldScoreTheTranscriptAgainstTheReferenceAndFlagAContradictingTextChannel() {
    // The toy hears "hi oh"; the reference says so, the text channel says something else.
    float[] audio = ctcFrames("h", "i", "|", "o", "h");
    JudgeInput input =
        new JudgeInput(PromptExpectations.none(), "hi oh", "goodbye everyone", null, null);

    DimensionScore score = judge.score(input, audio).orElseThrow();

    assertThat(score.score()).isEqualTo(1);
    assertThat(score.details())
        .containsEntry("transcript", "hi oh")
        .containsEntry("wer", 0.0)
        .containsEntry("textChannelWer", 1.0)
        .containsEntry("speechContradictsText", true);
    assertThat(score.reason()).startsWith("speech contradicts the text channel (WER 1.00 > 0.50)");
  }

  @Test
  void shouldNotRunTheModelWhenThePromptChecksNoContent() {
    JudgeInput input = new JudgeInput(PromptExpectations.none(), null, "hi", null, null);

    // 100 samples cannot run through the toy (160-sample frames): it is never asked.
    assertThat(judge.score(input, new float[100])).isEmpty();
  }
}
