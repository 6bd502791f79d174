package dev.earshot.evaluation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.audio.service.AudioService;
import dev.earshot.dataset.Prompt;
import dev.earshot.dataset.Response;
import dev.earshot.dataset.manifest.PromptExpectations;
import dev.earshot.dataset.repository.ResponseRepository;
import dev.earshot.evaluation.repository.JudgeScoreRepository;
import dev.earshot.judge.JudgeVersion;
import dev.earshot.judge.scoring.DimensionScore;
import dev.earshot.judge.scoring.JudgeInput;
import dev.earshot.judge.service.ExecutableJudge;
import dev.earshot.judge.service.JudgeRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Runs one evaluation job: the judge on the response, its score stored and the job closed at once.
 */
@ApplicationScoped
public class JobProcessor {

  private final ResponseRepository responses;
  private final JudgeScoreRepository scores;
  private final JudgeRegistry judges;
  private final ResponseFeatures features;
  private final JobQueue queue;
  private final AudioService audio;
  private final ObjectMapper json = new ObjectMapper();

  public JobProcessor(
      ResponseRepository responses,
      JudgeScoreRepository scores,
      JudgeRegistry judges,
      ResponseFeatures features,
      JobQueue queue,
      AudioService audio) {
    this.responses = responses;
    this.scores = scores;
    this.judges = judges;
    this.features = features;
    this.queue = queue;
    this.audio = audio;
  }

  @Transactional
  public void process(JobQueue.ClaimedJob job, String worker) {
    Response response =
        responses
            .findByIdOptional(job.responseId())
            .orElseThrow(
                () -> new IllegalStateException("response " + job.responseId() + " is gone"));
    if (!alreadyScored(job)) {
      ExecutableJudge judge = judges.judge(new JudgeVersion.Key(job.judgeId(), job.judgeVersion()));
      Optional<DimensionScore> score =
          judge.score(
              input(response), () -> audio.decodeForAnalysis(response.audioSha256).samples());
      score.ifPresent(s -> store(job, s));
    }
    queue.complete(job, worker);
  }

  private boolean alreadyScored(JobQueue.ClaimedJob job) {
    return scores.count(
            "responseId = ?1 and judgeId = ?2 and judgeVersion = ?3",
            job.responseId(),
            job.judgeId(),
            job.judgeVersion())
        > 0;
  }

  private JudgeInput input(Response response) {
    Prompt prompt = response.prompt;
    ResponseFeatures.Features measured = features.of(response.audioSha256);
    return new JudgeInput(
        prompt.expectations == null ? PromptExpectations.none() : prompt.expectations,
        prompt.reference,
        response.textChannel,
        measured.prosody(),
        measured.quality());
  }

  private void store(JobQueue.ClaimedJob job, DimensionScore score) {
    String details;
    try {
      details = json.writeValueAsString(score.details());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("judge details are not JSON: " + e.getMessage(), e);
    }
    scores.insertIfAbsent(
        job.responseId(),
        job.judgeId(),
        job.judgeVersion(),
        score.dimension(),
        score.score(),
        score.reason(),
        details);
  }
}
