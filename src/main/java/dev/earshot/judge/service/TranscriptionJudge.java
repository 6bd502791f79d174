package dev.earshot.judge.service;

import dev.earshot.judge.scoring.DimensionScore;
import dev.earshot.judge.scoring.JudgeInput;
import dev.earshot.judge.scoring.TranscriptScoring;
import dev.earshot.judge.transcription.TranscriptionClient;
import java.util.List;

/**
 * A {@code transcription} judge: a speech recogniser transcribes the response audio (WAV) and the
 * transcript is scored by {@link TranscriptScoring}: content as content-accuracy scores a text
 * channel, plus the audio–text consistency. The audio is sent only when the prompt asks something
 * the transcript can be scored on.
 */
final class TranscriptionJudge implements ExecutableJudge {

  private final TranscriptionClient recogniser;
  private final TranscriptScoring scoring;

  TranscriptionJudge(TranscriptionClient recogniser, TranscriptScoring scoring) {
    this.recogniser = recogniser;
    this.scoring = scoring;
  }

  @Override
  public List<DimensionScore> score(ResponseMaterial response) {
    JudgeInput input = response.measured();
    if (!scoring.checksContent(input)) {
      return List.of();
    }
    String transcript = recogniser.transcribe(response.spokenResponse().audioWav());
    return scoring.score(input, transcript).stream().toList();
  }
}
