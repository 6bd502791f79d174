package dev.earshot.evaluation.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.evaluation.repository.EvaluationJobRepository.ClaimedJob;
import dev.earshot.evaluation.rest.Runs;
import dev.earshot.judge.llm.FakeChatServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Leases, heartbeats and shutdown of the evaluation workers, against a fake judge model slower than
 * the two-second lease. Each test evaluates another demo system, so the judge cache never answers
 * for the model.
 */
@QuarkusTest
@TestProfile(SlowJudgeProfile.class)
class EvaluationWorkersTest {

  private static final int DEMO_PROMPTS = 24;

  /** Every demo prompt names two dimensions; the rubric judge asks the model once per dimension. */
  private static final int DIMENSIONS_PER_PROMPT = 2;

  @Inject EvaluationWorkers workers;
  @Inject JobQueue queue;
  @Inject EntityManager entityManager;
  @Inject MeterRegistry registry;

  @Test
  void shouldCallTheJudgeOncePerJobWhileItIsSlowerThanTheLease() {
    // One worker waits four leases for its first answer while the other works through the rest
    // and then looks for jobs whose lease ran out.
    SlowJudgeModel.slowDown(1, Duration.ofSeconds(8));
    double lostBefore = lostLeases();
    int requestsBefore = server().requestCount();

    JsonPath run = Runs.awaitFinished(Runs.start(rubricRun("reference")));

    assertThat(run.getString("status")).isEqualTo("completed");
    assertThat(run.getString("finishedAt")).isNotNull();
    assertThat(attempts(run.getLong("id"))).containsOnly(1);
    List<String> bodies = requestBodiesSince(requestsBefore);
    assertThat(bodies).hasSize(DEMO_PROMPTS * DIMENSIONS_PER_PROMPT).doesNotHaveDuplicates();
    assertThat(scoreCount(run.getLong("id"))).isEqualTo(DEMO_PROMPTS * DIMENSIONS_PER_PROMPT);
    assertThat(lostLeases()).isEqualTo(lostBefore);
  }

  @Test
  void shouldGiveRunningJobsBackOnStopAndFinishTheRunAfterARestart() {
    SlowJudgeModel.slowDown(Integer.MAX_VALUE, Duration.ofSeconds(60));
    long run = Runs.start(rubricRun("noisy"));
    try {
      int requestsBefore = server().requestCount();
      await(() -> server().requestCount() >= requestsBefore + 2 && running(run) == 2);

      workers.stop(Duration.ofMillis(200));

      JsonPath stopped = status(run);
      assertThat(stopped.getLong("failed")).isZero();
      assertThat(stopped.getLong("running")).isZero();
      assertThat(stopped.getLong("pending")).isEqualTo(DEMO_PROMPTS);
      assertThat(attempts(run)).containsOnly(0);
    } finally {
      SlowJudgeModel.slowDown(0, Duration.ZERO);
      workers.start();
    }

    JsonPath finished = Runs.awaitFinished(run);
    assertThat(finished.getString("status")).isEqualTo("completed");
    assertThat(finished.getString("finishedAt")).isNotNull();
    assertThat(attempts(run)).containsOnly(1);
    assertThat(scoreCount(run)).isEqualTo(DEMO_PROMPTS * DIMENSIONS_PER_PROMPT);
  }

  @Test
  void shouldLetRunningJobsFinishWithinTheGraceOfAStop() {
    SlowJudgeModel.slowDown(Integer.MAX_VALUE, Duration.ofSeconds(1));
    long run = Runs.start(rubricRun("monotone"));
    List<Long> runningAtStop;
    try {
      await(() -> running(run) == 2);
      runningAtStop = jobIds(run, "running");

      workers.stop(Duration.ofSeconds(60));

      JsonPath stopped = status(run);
      assertThat(stopped.getLong("failed")).isZero();
      assertThat(stopped.getLong("running")).isZero();
      assertThat(jobIds(run, "done")).containsAll(runningAtStop);
      assertThat(jobIds(run, "pending"))
          .hasSize(DEMO_PROMPTS - jobIds(run, "done").size())
          .allSatisfy(id -> assertThat(attemptsOf(id)).isZero());
    } finally {
      SlowJudgeModel.slowDown(0, Duration.ZERO);
      workers.start();
    }

    JsonPath finished = Runs.awaitFinished(run);
    assertThat(finished.getString("status")).isEqualTo("completed");
    assertThat(attempts(run)).containsOnly(1);
  }

  @Test
  void shouldRefuseALostLeaseAndFailAJobThatUsedUpItsAttemptsInTheClaim() {
    workers.stop(Duration.ZERO);
    long run;
    try {
      run = Runs.start(rubricRun("wrongfacts"));
      Duration hour = Duration.ofHours(1);
      ClaimedJob first = queue.claim("test-a", hour, 3).orElseThrow();
      assertThat(first.runId()).isEqualTo(run);

      expireLease(first.id());
      ClaimedJob takenOver = queue.claim("test-b", hour, 3).orElseThrow();
      assertThat(takenOver.id()).isEqualTo(first.id());
      assertThat(attemptsOf(first.id())).isEqualTo(2);
      assertThat(errorOf(first.id())).isEqualTo("the lease of worker test-a ran out");
      assertThatThrownBy(
              () -> QuarkusTransaction.requiringNew().run(() -> queue.complete(first, "test-a")))
          .isInstanceOf(LeaseLostException.class);
      assertThatThrownBy(() -> queue.fail(first, "test-a", "too late", 3))
          .isInstanceOf(LeaseLostException.class);
      assertThat(queue.renew(first, "test-a", hour)).isFalse();
      assertThat(queue.renew(takenOver, "test-b", hour)).isTrue();
      assertThat(status(run).getLong("running")).isEqualTo(1);

      expireLease(first.id());
      assertThat(queue.claim("test-c", hour, 3).orElseThrow().id()).isEqualTo(first.id());
      expireLease(first.id());
      ClaimedJob next = queue.claim("test-d", hour, 3).orElseThrow();

      assertThat(next.id()).isNotEqualTo(first.id());
      assertThat(statusOf(first.id())).isEqualTo("failed");
      assertThat(errorOf(first.id())).isEqualTo("the lease of worker test-c ran out on attempt 3");
      assertThat(queue.release(next, "test-d")).isTrue();
      assertThat(statusOf(next.id())).isEqualTo("pending");
      assertThat(attemptsOf(next.id())).isZero();
    } finally {
      workers.start();
    }

    JsonPath finished = Runs.awaitFinished(run);
    assertThat(finished.getString("status")).isEqualTo("completed-with-failures");
    assertThat(finished.getLong("failed")).isEqualTo(1);
    assertThat(finished.getString("finishedAt")).isNotNull();
  }

  @Test
  void shouldCountAndDropTheResultOfAWorkerWhoseJobWasTakenOver() {
    SlowJudgeModel.slowDown(Integer.MAX_VALUE, Duration.ofSeconds(1));
    double lostBefore = lostLeases();
    long run =
        Runs.start(
            Map.of(
                "dataset",
                "demo",
                "systems",
                List.of("reference", "monotone"),
                "judges",
                List.of("llm-pairwise")));
    await(() -> running(run) == 2);
    int stolen =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    entityManager
                        .createNativeQuery(
                            "UPDATE evaluation_job SET claimed_by = 'another-instance',"
                                + " lease_until = now() + interval '3 seconds'"
                                + " WHERE run_id = ?1 AND status = 'running'")
                        .setParameter(1, run)
                        .executeUpdate());
    assertThat(stolen).isPositive();
    SlowJudgeModel.slowDown(0, Duration.ZERO);

    JsonPath finished = Runs.awaitFinished(run);

    assertThat(finished.getString("status")).isEqualTo("completed");
    assertThat(lostLeases()).isEqualTo(lostBefore + stolen);
    // Every job's verdicts are there once, whichever worker wrote them.
    assertThat(finished.getLong("preferences")).isEqualTo(DEMO_PROMPTS * DIMENSIONS_PER_PROMPT);
  }

  private static Map<String, Object> rubricRun(String system) {
    return Map.of("dataset", "demo", "systems", List.of(system), "judges", List.of("llm-rubric"));
  }

  private static FakeChatServer server() {
    return SlowJudgeModel.server();
  }

  private static List<String> requestBodiesSince(int requestsBefore) {
    return IntStream.rangeClosed(requestsBefore + 1, server().requestCount())
        .mapToObj(number -> server().request(number).body().toString())
        .toList();
  }

  private double lostLeases() {
    return registry.get("earshot.evaluation.lease.lost").counter().count();
  }

  private static JsonPath status(long run) {
    return given().when().get("/api/runs/" + run).then().statusCode(200).extract().jsonPath();
  }

  private static long running(long run) {
    return status(run).getLong("running");
  }

  private static void await(BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("condition not reached in 60 s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private Set<Integer> attempts(long run) {
    List<?> rows =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    entityManager
                        .createNativeQuery("SELECT attempts FROM evaluation_job WHERE run_id = ?1")
                        .setParameter(1, run)
                        .getResultList());
    Set<Integer> attempts = new HashSet<>();
    rows.forEach(value -> attempts.add(((Number) value).intValue()));
    return attempts;
  }

  private List<Long> jobIds(long run, String status) {
    List<?> rows =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    entityManager
                        .createNativeQuery(
                            "SELECT id FROM evaluation_job WHERE run_id = ?1 AND status = ?2")
                        .setParameter(1, run)
                        .setParameter(2, status)
                        .getResultList());
    return rows.stream().map(value -> ((Number) value).longValue()).toList();
  }

  private int attemptsOf(long job) {
    return ((Number) jobColumn(job, "attempts")).intValue();
  }

  private String statusOf(long job) {
    return (String) jobColumn(job, "status");
  }

  private String errorOf(long job) {
    return (String) jobColumn(job, "error");
  }

  private Object jobColumn(long job, String column) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                entityManager
                    .createNativeQuery("SELECT " + column + " FROM evaluation_job WHERE id = ?1")
                    .setParameter(1, job)
                    .getSingleResult());
  }

  private void expireLease(long job) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "UPDATE evaluation_job SET lease_until = now() - interval '1 second'"
                            + " WHERE id = ?1")
                    .setParameter(1, job)
                    .executeUpdate());
  }

  private long scoreCount(long run) {
    return given()
        .when()
        .get("/api/runs/" + run + "/scores")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$")
        .size();
  }
}
