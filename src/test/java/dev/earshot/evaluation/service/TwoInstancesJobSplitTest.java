package dev.earshot.evaluation.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.evaluation.repository.EvaluationJobRepository.ClaimedJob;
import dev.earshot.evaluation.rest.Runs;
import dev.earshot.testing.SharedStoresProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database: two pools of workers, each with its own worker ids, claim and run
 * the jobs of one run at the same time through the shared queue (the background workers are off).
 * Every job is run by exactly one worker, both pools get work, and the run completes. Audio comes
 * from the shared S3 store.
 */
@QuarkusTest
@TestProfile(SharedStoresProfile.class)
class TwoInstancesJobSplitTest {

  private static final int WORKERS_PER_INSTANCE = 3;

  @Inject JobQueue queue;
  @Inject JobProcessor processor;
  @Inject EntityManager entityManager;

  @Test
  void shouldSplitARunsJobsBetweenTwoInstancesWithoutDuplicates() throws Exception {
    long run = Runs.start(Map.of("dataset", "demo", "judges", List.of("audio-quality")));
    int jobs = jobCount(run);
    assertThat(jobs).isGreaterThan(2 * WORKERS_PER_INSTANCE);

    ConcurrentLinkedQueue<Long> claimed = new ConcurrentLinkedQueue<>();
    Map<String, Integer> perInstance = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(2 * WORKERS_PER_INSTANCE);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (String instance : List.of("instance-a", "instance-b")) {
        for (int i = 1; i <= WORKERS_PER_INSTANCE; i++) {
          String worker = instance + "-" + i;
          workers.add(
              pool.submit(
                  () -> {
                    Optional<ClaimedJob> job;
                    while ((job = queue.claim(worker, Duration.ofMinutes(5), 3)).isPresent()) {
                      claimed.add(job.get().id());
                      perInstance.merge(instance, 1, Integer::sum);
                      processor.process(job.get(), worker);
                    }
                  }));
        }
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(claimed).hasSize(jobs).doesNotHaveDuplicates();
    assertThat(perInstance).containsOnlyKeys("instance-a", "instance-b");
    JsonPath finished = Runs.awaitFinished(run);
    assertThat(finished.getString("status")).isEqualTo("completed");
    List<Tuple> rows = jobRows(run);
    assertThat(rows)
        .allSatisfy(row -> assertThat(row.get("status", String.class)).isEqualTo("done"));
    assertThat(rows)
        .allSatisfy(row -> assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1));
    assertThat(rows)
        .extracting(row -> row.get("claimed_by", String.class).substring(0, "instance-a".length()))
        .containsOnly("instance-a", "instance-b");
  }

  private int jobCount(long run) {
    return jobRows(run).size();
  }

  @SuppressWarnings("unchecked")
  private List<Tuple> jobRows(long run) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                entityManager
                    .createNativeQuery(
                        "SELECT status, attempts, claimed_by FROM evaluation_job WHERE run_id = ?1",
                        Tuple.class)
                    .setParameter(1, run)
                    .getResultList());
  }
}
