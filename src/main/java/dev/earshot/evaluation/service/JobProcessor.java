package dev.earshot.evaluation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.audio.decode.NativeAudio;
import dev.earshot.audio.service.AudioService;
import dev.earshot.dataset.Prompt;
import dev.earshot.dataset.Response;
import dev.earshot.dataset.manifest.PromptExpectations;
import dev.earshot.dataset.repository.ResponseRepository;
import dev.earshot.evaluation.repository.EvaluationJobRepository.ClaimedJob;
import dev.earshot.evaluation.repository.JudgeScoreRepository;
import dev.earshot.feature.service.ResponseFeatures;
import dev.earshot.judge.JudgeVersion;
import dev.earshot.judge.llm.PairwiseAnswer;
import dev.earshot.judge.llm.PairwiseJudgement;
import dev.earshot.judge.llm.SpokenPrompt;
import dev.earshot.judge.llm.SpokenResponse;
import dev.earshot.judge.scoring.DimensionScore;
import dev.earshot.judge.scoring.JudgeInput;
import dev.earshot.judge.service.JudgeRegistry;
import dev.earshot.judge.service.LlmPairwiseJudge.DimensionPreference;
import dev.earshot.judge.service.ResponseMaterial;
import dev.earshot.preference.JudgePreference;
import dev.earshot.preference.service.PreferenceService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs one evaluation job: the judge on the response (or pair of responses), its scores or
 * preferences stored and the job closed in one transaction. The judging itself runs outside any
 * transaction, since a language-model judge may take minutes. When the worker finds the job taken
 * over by another, that transaction rolls back ({@link LeaseLostException}): only the job's holder
 * writes its results.
 */
@ApplicationScoped
public class JobProcessor {

  private final ResponseRepository responses;
  private final JudgeScoreRepository scores;
  private final PreferenceService preferences;
  private final JudgeRegistry judges;
  private final ResponseFeatures features;
  private final JobQueue queue;
  private final AudioService audio;
  private final Map<String, JobKindHandler> handlers = new LinkedHashMap<>();
  private final ObjectMapper json = new ObjectMapper();

  public JobProcessor(
      ResponseRepository responses,
      JudgeScoreRepository scores,
      PreferenceService preferences,
      JudgeRegistry judges,
      ResponseFeatures features,
      JobQueue queue,
      AudioService audio,
      Instance<JobKindHandler> handlers) {
    this.responses = responses;
    this.scores = scores;
    this.preferences = preferences;
    this.judges = judges;
    this.features = features;
    this.queue = queue;
    this.audio = audio;
    handlers.forEach(handler -> this.handlers.put(handler.kind(), handler));
  }

  /** The stored facts of one response and its prompt that judges may look at. */
  private record Subject(
      long promptId,
      String promptText,
      String promptAudioSha256,
      PromptExpectations expectations,
      String reference,
      long responseId,
      String audioSha256,
      String text) {}

  /** The two responses of a pairwise job; A is presented first. */
  private record Pair(Subject a, Subject b) {}

  public void process(ClaimedJob job, String worker) {
    if (!JobKindHandler.JUDGE.equals(job.kind())) {
      JobKindHandler handler = handlers.get(job.kind());
      if (handler == null) {
        throw new IllegalStateException(
            "no feature of this service runs jobs of kind " + job.kind());
      }
      handler.process(job, worker);
    } else if (job.responseBId() == null) {
      score(job, worker);
    } else {
      compare(job, worker);
    }
  }

  private void score(ClaimedJob job, String worker) {
    Optional<Subject> unscored =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    alreadyScored(job) ? Optional.empty() : Optional.of(subject(job.responseId())));
    List<DimensionScore> scored =
        unscored
            .map(
                subject ->
                    judges.judge(key(job)).score(new StoredResponse(subject, audio, features)))
            .orElse(List.of());
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              scored.forEach(score -> store(job, score));
              queue.complete(job, worker);
            });
  }

  private void compare(ClaimedJob job, String worker) {
    Optional<Pair> uncompared =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    preferences.hasJudgeVerdicts(job.id())
                        ? Optional.empty()
                        : Optional.of(
                            new Pair(subject(job.responseId()), subject(job.responseBId()))));
    List<JudgePreference> judged =
        uncompared.map(pair -> judgePair(job, pair.a(), pair.b())).orElse(List.of());
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              judged.forEach(preferences::recordJudgeVerdict);
              queue.complete(job, worker);
            });
  }

  private List<JudgePreference> judgePair(ClaimedJob job, Subject a, Subject b) {
    StoredResponse first = new StoredResponse(a, audio, features);
    StoredResponse second = new StoredResponse(b, audio, features);
    List<DimensionPreference> judgements =
        judges
            .pairwiseJudge(key(job))
            .compare(
                a.expectations(),
                a.reference(),
                first.spokenPrompt(),
                first.spokenResponse(),
                second.spokenResponse());
    return judgements.stream()
        .map(
            judged ->
                new JudgePreference(
                    UUID.nameUUIDFromBytes(
                        ("evaluation-job:" + job.id() + ":" + judged.dimension())
                            .getBytes(StandardCharsets.UTF_8)),
                    job.id(),
                    a.promptId(),
                    a.responseId(),
                    b.responseId(),
                    judged.dimension(),
                    verdict(judged.judgement()),
                    job.judgeId() + "@" + job.judgeVersion(),
                    judged.judgement().positionConflict(),
                    toJson(details(judged.judgement()))))
        .toList();
  }

  private static String verdict(PairwiseJudgement judgement) {
    return switch (judgement.verdict()) {
      case A -> "a_better";
      case B -> "b_better";
      case TIE -> "tie";
    };
  }

  /** Both raw answers; in the swapped order the judge heard B first, labelled "A". */
  private static Map<String, Object> details(PairwiseJudgement judgement) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("forward", answer(judgement.forward()));
    details.put("swapped", answer(judgement.swapped()));
    return details;
  }

  private static Map<String, Object> answer(PairwiseAnswer answer) {
    Map<String, Object> raw = new LinkedHashMap<>();
    raw.put("winner", answer.verdict().name());
    raw.put("rationale", answer.rationale());
    return raw;
  }

  /** The judge (id@version) of a judge job, the kind of any other, for messages. */
  static String describe(ClaimedJob job) {
    return JobKindHandler.JUDGE.equals(job.kind())
        ? job.judgeId() + "@" + job.judgeVersion()
        : job.kind();
  }

  private static JudgeVersion.Key key(ClaimedJob job) {
    return new JudgeVersion.Key(job.judgeId(), job.judgeVersion());
  }

  private boolean alreadyScored(ClaimedJob job) {
    return scores.count(
            "responseId = ?1 and judgeId = ?2 and judgeVersion = ?3",
            job.responseId(),
            job.judgeId(),
            job.judgeVersion())
        > 0;
  }

  private Subject subject(long responseId) {
    Response response =
        responses
            .findByIdOptional(responseId)
            .orElseThrow(() -> new IllegalStateException("response " + responseId + " is gone"));
    Prompt prompt = response.prompt;
    return new Subject(
        prompt.id,
        prompt.text,
        prompt.audioSha256,
        prompt.expectations == null ? PromptExpectations.none() : prompt.expectations,
        prompt.reference,
        response.id,
        response.audioSha256,
        response.textChannel);
  }

  private void store(ClaimedJob job, DimensionScore score) {
    scores.insertIfAbsent(
        job.responseId(),
        job.judgeId(),
        job.judgeVersion(),
        score.dimension(),
        score.score(),
        score.reason(),
        toJson(score.details()));
  }

  private String toJson(Map<String, Object> details) {
    try {
      return json.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("judge details are not JSON: " + e.getMessage(), e);
    }
  }

  /** A response as judges see it; measurements, decoded audio and WAV files made on first use. */
  private static final class StoredResponse implements ResponseMaterial {

    private final Subject subject;
    private final AudioService audio;
    private final ResponseFeatures features;
    private JudgeInput measured;
    private float[] audio16k;
    private SpokenPrompt spokenPrompt;
    private SpokenResponse spokenResponse;

    StoredResponse(Subject subject, AudioService audio, ResponseFeatures features) {
      this.subject = subject;
      this.audio = audio;
      this.features = features;
    }

    @Override
    public PromptExpectations expectations() {
      return subject.expectations();
    }

    @Override
    public String reference() {
      return subject.reference();
    }

    @Override
    public JudgeInput measured() {
      if (measured == null) {
        measured =
            features.judgeInput(
                subject.expectations(), subject.reference(), subject.text(), subject.audioSha256());
      }
      return measured;
    }

    @Override
    public NativeAudio original() {
      return audio.decode(subject.audioSha256()).original();
    }

    @Override
    public float[] audio16k() {
      if (audio16k == null) {
        audio16k = audio.decodeForAnalysis(subject.audioSha256()).samples();
      }
      return audio16k;
    }

    @Override
    public SpokenPrompt spokenPrompt() {
      if (spokenPrompt == null) {
        spokenPrompt =
            new SpokenPrompt(
                subject.promptText(),
                subject.promptAudioSha256() == null
                    ? null
                    : audio.asWav(subject.promptAudioSha256()));
      }
      return spokenPrompt;
    }

    @Override
    public SpokenResponse spokenResponse() {
      if (spokenResponse == null) {
        spokenResponse = new SpokenResponse(audio.asWav(subject.audioSha256()), subject.text());
      }
      return spokenResponse;
    }
  }
}
