package dev.earshot.rating.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.rating.Campaign;
import dev.earshot.rating.assignment.AssignmentPlanner;
import dev.earshot.rating.assignment.CandidatePair;
import dev.earshot.rating.assignment.SideBalance;
import dev.earshot.rating.rest.Campaigns;
import dev.earshot.testing.Accounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/**
 * 200 raters ask for assignments on one campaign at the same time, each voting (or, now and then,
 * skipping) and asking again until the campaign needs nothing more from them. The planner's
 * guarantees must hold for the outcome as they do when hand-outs run one after the other.
 */
@QuarkusTest
@TestProfile(ConcurrentAssignmentTest.PatientPool.class)
class ConcurrentAssignmentTest {

  /**
   * 200 threads share the pool's 32 connections, as 200 requests would: on a loaded machine a
   * thread may wait longer than the default 5 s for one, which is queueing, not a failure.
   */
  public static class PatientPool implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("quarkus.datasource.jdbc.acquisition-timeout", "PT120S");
    }
  }

  private static final int RATERS = 200;
  private static final int OVERLAP = 5;
  private static final double GOLD_RATE = 0.2;

  @Inject RatingService rating;
  @Inject EntityManager em;

  @Test
  void shouldKeepEveryPlannerGuaranteeUnderTwoHundredConcurrentRaters() throws Exception {
    UUID campaign = campaignWithRaters();
    List<String> raters =
        IntStream.range(0, RATERS).mapToObj(i -> "crowd-" + i + "-" + campaign).toList();
    ConcurrentLinkedQueue<String> resumedElsewhere = new ConcurrentLinkedQueue<>();
    int handed = 0;
    int round;
    // A skip gives its pair back after others may have stopped asking: raters come back in
    // rounds, all at once each time, until a round hands out nothing.
    do {
      round = round(campaign, raters, resumedElsewhere);
      handed += round;
    } while (round > 0);

    assertThat(resumedElsewhere).as("raters whose open assignment was not resumed").isEmpty();
    assertThat(handed)
        .isEqualTo(
            count("SELECT count(*) FROM rating_assignment WHERE campaign_id = ?1", campaign));
    // Fewest votes first and the overlap: every regular pair got exactly the votes it needs.
    assertThat(
            longs(
                "SELECT (SELECT count(*) FROM rating_assignment a WHERE a.pair_id = p.id"
                    + " AND a.status = 'voted') FROM campaign_pair p"
                    + " WHERE p.campaign_id = ?1 AND NOT p.gold",
                campaign))
        .hasSize(144)
        .containsOnly((long) OVERLAP);
    // The vote counters the planner reads match the assignments, gold pairs included.
    assertThat(
            count(
                "SELECT count(*) FROM campaign_pair p"
                    + " LEFT JOIN campaign_pair_votes v ON v.pair_id = p.id"
                    + " WHERE p.campaign_id = ?1 AND coalesce(v.votes, 0) <> (SELECT count(*)"
                    + " FROM rating_assignment a WHERE a.pair_id = p.id AND a.status = 'voted')",
                campaign))
        .isZero();
    assertThat(
            count(
                "SELECT count(*) FROM rating_assignment WHERE campaign_id = ?1 AND status = 'open'",
                campaign))
        .isZero();
    // Never the same pair twice to a rater.
    assertThat(
            count(
                "SELECT count(*) FROM (SELECT pair_id, rater FROM rating_assignment"
                    + " WHERE campaign_id = ?1 GROUP BY pair_id, rater HAVING count(*) > 1) twice",
                campaign))
        .isZero();
    // Each rater's sequence is 1..n without gaps, and gold sits exactly at the rater's gold turns.
    for (Tuple t :
        tuples(
            "SELECT a.rater AS rater, a.sequence AS sequence, p.gold AS gold,"
                + " count(*) OVER (PARTITION BY a.rater) AS n,"
                + " max(a.sequence) OVER (PARTITION BY a.rater) AS last"
                + " FROM rating_assignment a JOIN campaign_pair p ON p.id = a.pair_id"
                + " WHERE a.campaign_id = ?1",
            campaign)) {
      String rater = t.get("rater", String.class);
      int sequence = t.get("sequence", Number.class).intValue();
      assertThat(t.get("last", Number.class).longValue())
          .isEqualTo(t.get("n", Number.class).longValue());
      assertThat(t.get("gold", Boolean.class))
          .as("%s at %d", rater, sequence)
          .isEqualTo(AssignmentPlanner.goldTurn(rater, sequence, GOLD_RATE));
    }
    // Side balance: a pair whose two systems lean the same way puts one of them two ahead, so a
    // system ends balanced or two apart (12,000 simulated campaigns of 200 raters: never more).
    // The kept counts match the assignments.
    for (Tuple t :
        tuples(
            "SELECT s.system_id AS system_id, s.heard_as_a AS kept_a, s.heard_as_b AS kept_b,"
                + " (SELECT count(*) FROM rating_assignment a JOIN response r ON r.id = a.response_a_id"
                + " WHERE a.campaign_id = s.campaign_id AND r.system_id = s.system_id"
                + " AND a.status <> 'skipped') AS as_a,"
                + " (SELECT count(*) FROM rating_assignment a JOIN response r ON r.id = a.response_b_id"
                + " WHERE a.campaign_id = s.campaign_id AND r.system_id = s.system_id"
                + " AND a.status <> 'skipped') AS as_b"
                + " FROM campaign_side_count s WHERE s.campaign_id = ?1",
            campaign)) {
      long asA = t.get("as_a", Number.class).longValue();
      long asB = t.get("as_b", Number.class).longValue();
      assertThat(t.get("kept_a", Number.class).longValue()).isEqualTo(asA);
      assertThat(t.get("kept_b", Number.class).longValue()).isEqualTo(asB);
      assertThat(Math.abs(asA - asB))
          .as("system %d: %d as A, %d as B", t.get("system_id", Number.class), asA, asB)
          .isLessThanOrEqualTo(2);
    }
  }

  /**
   * The hand-out decides the side in SQL, under the side rows' locks: one hand-out at a time it
   * must choose what the planner's rule chooses from the counts before it, on both of the rule's
   * branches (an unequal balance, and the rater's coin on an equal one).
   */
  @Test
  void shouldChooseSidesByThePlannersRule() {
    UUID campaign = campaignWithRaters();
    int byBalance = 0;
    int byCoin = 0;
    for (int i = 0; i < 60; i++) {
      String rater = "crowd-" + i + "-" + campaign;
      SideBalance before = new SideBalance();
      tuples(
              "SELECT system_id AS system_id, heard_as_a AS heard_as_a, heard_as_b AS heard_as_b"
                  + " FROM campaign_side_count WHERE campaign_id = ?1",
              campaign)
          .forEach(
              t ->
                  before.set(
                      t.get("system_id", Number.class).longValue(),
                      t.get("heard_as_a", Number.class).intValue(),
                      t.get("heard_as_b", Number.class).intValue()));
      UUID assignment = rating.next(campaign, rater).orElseThrow().assignment();
      Tuple handed =
          tuples(
                  "SELECT p.id AS pair_id, rx.system_id AS system_x, ry.system_id AS system_y,"
                      + " a.response_a_id = p.response_x_id AS x_as_a FROM rating_assignment a"
                      + " JOIN campaign_pair p ON p.id = a.pair_id"
                      + " JOIN response rx ON rx.id = p.response_x_id"
                      + " JOIN response ry ON ry.id = p.response_y_id WHERE a.id = ?1",
                  assignment)
              .get(0);
      CandidatePair pair =
          new CandidatePair(
              handed.get("pair_id", Number.class).longValue(),
              handed.get("system_x", Number.class).longValue(),
              handed.get("system_y", Number.class).longValue(),
              false,
              0,
              0);
      assertThat(handed.get("x_as_a", Boolean.class))
          .as("hand-out %d", i)
          .isEqualTo(AssignmentPlanner.xHeardAsA(rater, pair, before));
      boolean even =
          before.heardAsA(pair.systemX()) - before.heardAsB(pair.systemX())
              == before.heardAsA(pair.systemY()) - before.heardAsB(pair.systemY());
      if (even) {
        byCoin++;
      } else {
        byBalance++;
      }
      markVoted(assignment);
    }
    assertThat(byBalance).as("hand-outs decided by the balance").isPositive();
    assertThat(byCoin).as("hand-outs decided by the rater's coin").isPositive();
  }

  /**
   * A hand-out's commit does not wait for the disk (it holds the side rows until it ends). The
   * tests' database commits that way anyway, so the transaction asks for waiting first.
   */
  @Test
  void shouldCommitAHandOutWithoutWaitingForTheDisk() {
    assertThat(
            inAHandOutsTransaction(
                () -> em.createNativeQuery("SET LOCAL synchronous_commit TO on").executeUpdate(),
                campaign -> em.createNativeQuery("SHOW synchronous_commit").getSingleResult()))
        .isEqualTo("off");
  }

  /**
   * A hand-out only reads its campaign, so Hibernate keeps it read-only: no copy of its JSON
   * columns at load, none of its columns compared at the flush before each of the hand-out's
   * queries.
   */
  @Test
  void shouldHandOutWithTheCampaignReadOnly() {
    assertThat(
            inAHandOutsTransaction(
                () -> {},
                campaign -> em.unwrap(Session.class).isReadOnly(em.find(Campaign.class, campaign))))
        .isEqualTo(true);
  }

  /**
   * A play report and a skip of one assignment at the same time: the assignment ends skipped, with
   * its play recorded. (A play report used to write back the whole row it had read when it
   * committed, putting a skip or vote committed meanwhile back to open.)
   */
  @Test
  void shouldKeepASkipCommittedWhileAPlayReportRan() throws Exception {
    UUID campaign = campaignWithRaters();
    String rater = "crowd-0-" + campaign;
    UUID assignment = rating.next(campaign, rater).orElseThrow().assignment();
    handedOutAnHourAgo(assignment);
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      Future<?> skip =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    rating.played(assignment, rater, RatingService.Side.A);
                    Future<?> skipping = other.submit(() -> rating.skip(assignment, rater));
                    try {
                      skipping.get(2, TimeUnit.SECONDS);
                    } catch (TimeoutException waitingForThePlayReport) {
                      // The play report holds the row until it commits: the skip comes after it.
                    }
                    return skipping;
                  });
      skip.get(30, TimeUnit.SECONDS);
    } finally {
      other.shutdown();
    }
    Tuple row =
        tuples(
                "SELECT status, played_a_at IS NOT NULL AS played_a FROM rating_assignment"
                    + " WHERE id = ?1",
                assignment)
            .get(0);
    assertThat(row.get("status")).isEqualTo("skipped");
    assertThat(row.get("played_a")).isEqualTo(true);
  }

  /**
   * A new campaign's first hand-out in a transaction of its own: {@code before} runs first in it,
   * then the hand-out, then {@code after}, whose answer is returned.
   */
  private Object inAHandOutsTransaction(Runnable before, Function<UUID, Object> after) {
    UUID campaign = campaignWithRaters();
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              before.run();
              rating.next(campaign, "crowd-0-" + campaign).orElseThrow();
              return after.apply(campaign);
            });
  }

  /**
   * A hand-out locks its two systems' side-count rows with one ordered statement, so the rows must
   * exist before the first hand-out: made with the pairs, for every system a pair brings.
   */
  @Test
  void shouldMakeTheSideCountRowsWithThePairs() {
    UUID campaign = campaignWithRaters();
    assertThat(
            count(
                "SELECT count(DISTINCT r.system_id) FROM campaign_pair p JOIN response r"
                    + " ON r.id IN (p.response_x_id, p.response_y_id) WHERE p.campaign_id = ?1",
                campaign))
        .isEqualTo(4)
        .isEqualTo(
            count(
                "SELECT count(*) FROM campaign_side_count WHERE campaign_id = ?1"
                    + " AND heard_as_a = 0 AND heard_as_b = 0",
                campaign));
  }

  /**
   * An assignment's page shows the rater's expected share from the campaign's regular pairs and
   * raters, which triggers keep in campaign_size: raters added in bulk after the campaign was made
   * are counted, gold pairs are not, and the row goes with its campaign.
   */
  @Test
  void shouldKeepTheCampaignSizeWithItsPairsAndRaters() {
    UUID campaign = campaignWithRaters();
    assertThat(
            longs(
                "SELECT regular_pairs FROM campaign_size WHERE campaign_id = ?1 UNION ALL"
                    + " SELECT raters FROM campaign_size WHERE campaign_id = ?1",
                campaign))
        .containsExactly(144L, RATERS + 1L);
    Tuple rule =
        tuples(
                "SELECT overlap AS overlap, gold_rate AS gold_rate FROM campaign WHERE id = ?1",
                campaign)
            .get(0);
    long share =
        Math.min(
            144, (144L * rule.get("overlap", Number.class).intValue() + RATERS) / (RATERS + 1));
    assertThat(rating.next(campaign, "crowd-0-" + campaign).orElseThrow().total())
        .isEqualTo(Math.round(share / (1 - rule.get("gold_rate", Number.class).doubleValue())));

    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery("DELETE FROM campaign WHERE id = ?1")
                    .setParameter(1, campaign)
                    .executeUpdate());
    assertThat(count("SELECT count(*) FROM campaign_size WHERE campaign_id = ?1", campaign))
        .isZero();
  }

  /**
   * One rater asking many times at once (a double click, a client's retries) gets one assignment:
   * each call reads the rater's open assignment after it holds the rater's lock, so it sees the one
   * the first call handed out while it waited.
   */
  @Test
  void shouldHandOneAssignmentToARaterAskingManyTimesAtOnce() throws Exception {
    UUID campaign = campaignWithRaters();
    String rater = "crowd-0-" + campaign;
    int calls = 16;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(calls);
    try {
      List<Future<UUID>> answers = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return rating.next(campaign, rater).orElseThrow().assignment();
                }));
      }
      start.countDown();
      List<UUID> handed = new ArrayList<>();
      for (Future<UUID> answer : answers) {
        handed.add(answer.get());
      }
      assertThat(handed).hasSize(calls).containsOnly(handed.get(0));
    } finally {
      pool.shutdown();
    }
    assertThat(
            count(
                "SELECT count(*) FROM rating_assignment WHERE campaign_id = ?1 AND rater = 'crowd-0-'"
                    + " || ?1",
                campaign))
        .isEqualTo(1);
  }

  /** Every rater asks, votes (every seventh time: skips) and asks again, all at once. */
  private int round(
      UUID campaign, List<String> raters, ConcurrentLinkedQueue<String> resumedElsewhere)
      throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(raters.size());
    try {
      List<Future<Integer>> work = new ArrayList<>();
      for (String rater : raters) {
        work.add(
            pool.submit(
                () -> {
                  start.await();
                  int handled = 0;
                  while (true) {
                    var first = rating.next(campaign, rater);
                    if (first.isEmpty()) {
                      return handled;
                    }
                    // Asking again before finishing resumes the open assignment.
                    UUID again = rating.next(campaign, rater).orElseThrow().assignment();
                    if (!again.equals(first.get().assignment())) {
                      resumedElsewhere.add(rater);
                    }
                    if (first.get().position() % 7 == 0) {
                      rating.skip(first.get().assignment(), rater);
                    } else {
                      markVoted(first.get().assignment());
                    }
                    handled++;
                  }
                }));
      }
      start.countDown();
      int handed = 0;
      for (Future<Integer> f : work) {
        handed += f.get();
      }
      return handed;
    } finally {
      pool.shutdown();
    }
  }

  /**
   * A demo campaign (24 prompts, four systems: 144 regular pairs, 24 gold ones) rated by {@link
   * #RATERS} raters with {@link #OVERLAP} votes per pair.
   */
  private UUID campaignWithRaters() {
    String owner = Accounts.newUser("crowd", "annotator");
    UUID campaign =
        UUID.fromString(
            Campaigns.create(
                Map.of(
                    "name",
                    "crowd",
                    "dataset",
                    "demo",
                    "systems",
                    Campaigns.DEMO_SYSTEMS,
                    "dimensions",
                    List.of("overall"),
                    "raters",
                    List.of(owner),
                    "overlap",
                    1,
                    "goldRate",
                    GOLD_RATE,
                    "goldPairs",
                    List.of(
                        Map.of("better", "reference", "worse", "noisy", "dimension", "overall")))));
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              em.createNativeQuery(
                      "INSERT INTO campaign_rater (campaign_id, username)"
                          + " SELECT ?1, 'crowd-' || i || '-' || ?1 FROM generate_series(0, ?2) i")
                  .setParameter(1, campaign)
                  .setParameter(2, RATERS - 1)
                  .executeUpdate();
              em.createNativeQuery("UPDATE campaign SET overlap = ?2 WHERE id = ?1")
                  .setParameter(1, campaign)
                  .setParameter(2, OVERLAP)
                  .executeUpdate();
            });
    return campaign;
  }

  /** Long enough ago that every response of the assignment can have been heard to the end. */
  private void handedOutAnHourAgo(UUID assignment) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "UPDATE rating_assignment SET issued_at = now() - interval '1 hour'"
                            + " WHERE id = ?1")
                    .setParameter(1, assignment)
                    .executeUpdate());
  }

  /** What a vote does to the assignment; the vote's own checks are tested elsewhere. */
  private void markVoted(UUID assignment) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "UPDATE rating_assignment SET status = 'voted', finished_at = now()"
                            + " WHERE id = ?1")
                    .setParameter(1, assignment)
                    .executeUpdate());
  }

  private long count(String sql, UUID campaign) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number) em.createNativeQuery(sql).setParameter(1, campaign).getSingleResult())
                    .longValue());
  }

  private List<Long> longs(String sql, UUID campaign) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((List<?>) em.createNativeQuery(sql).setParameter(1, campaign).getResultList())
                    .stream().map(v -> ((Number) v).longValue()).toList());
  }

  private List<Tuple> tuples(String sql, UUID campaign) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              @SuppressWarnings("unchecked")
              List<Tuple> rows =
                  em.createNativeQuery(sql, Tuple.class).setParameter(1, campaign).getResultList();
              return rows;
            });
  }
}
