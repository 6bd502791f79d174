package dev.earshot.codec.service;

import dev.earshot.audio.service.AudioService;
import dev.earshot.codec.repository.ResynthesisMetricsRepository;
import dev.earshot.codec.repository.ResynthesisMetricsRepository.Pair;
import dev.earshot.evaluation.repository.EvaluationJobRepository.ClaimedJob;
import dev.earshot.evaluation.service.JobKindHandler;
import dev.earshot.evaluation.service.JobQueue;
import dev.earshot.judge.dsp.paired.ResynthesisMetrics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Runs the {@value #KIND} jobs of codec runs on the evaluation queue: compares one codec response
 * (the resynthesis) with its prompt's audio (the original), outside any transaction, then stores
 * the metrics and closes the job in one. A retried job whose metrics are stored already only
 * closes.
 */
@ApplicationScoped
public class ResynthesisJobs implements JobKindHandler {

  /** The stored kind of these jobs. */
  public static final String KIND = "resynthesis";

  private final ResynthesisMetricsRepository metrics;
  private final AudioService audio;
  private final JobQueue queue;

  public ResynthesisJobs(ResynthesisMetricsRepository metrics, AudioService audio, JobQueue queue) {
    this.metrics = metrics;
    this.audio = audio;
    this.queue = queue;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void process(ClaimedJob job, String worker) {
    Optional<Pair> unmeasured =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    metrics.exists(job.responseId())
                        ? Optional.<Pair>empty()
                        : Optional.of(pair(job.responseId())));
    Optional<ResynthesisMetrics> measured =
        unmeasured.map(
            pair ->
                ResynthesisMetrics.compare(
                    audio.decode(pair.originalSha256()), audio.decode(pair.resynthesisSha256())));
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              measured.ifPresent(result -> metrics.insertIfAbsent(job.responseId(), result));
              queue.complete(job, worker);
            });
  }

  private Pair pair(long responseId) {
    Pair pair =
        metrics
            .pair(responseId)
            .orElseThrow(() -> new IllegalStateException("response " + responseId + " is gone"));
    if (pair.originalSha256() == null) {
      throw new IllegalStateException(
          "the prompt of response " + responseId + " has no audio to compare the resynthesis with");
    }
    return pair;
  }
}
