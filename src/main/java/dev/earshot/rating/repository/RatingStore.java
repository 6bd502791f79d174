package dev.earshot.rating.repository;

import static dev.earshot.platform.db.Rows.longOf;
import static dev.earshot.platform.db.Rows.tuples;

import dev.earshot.rating.RatingAssignment;
import dev.earshot.rating.assignment.AssignmentPlanner;
import dev.earshot.rating.assignment.CandidatePair;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Campaign pairs, raters, votes and their counts, in plain SQL. */
@ApplicationScoped
public class RatingStore {

  /** A pair of a campaign; {@code responseX} is the better one of a gold pair. */
  public record PairRow(
      long id,
      long promptId,
      long responseX,
      long responseY,
      long systemX,
      long systemY,
      boolean gold,
      String goldDimension) {}

  /**
   * What one side of an assignment plays and how its campaign serves it.
   *
   * @param sha256 the stored audio, or null for a prompt without audio
   * @param loudnessTargetLufs the campaign's loudness target, or null
   */
  public record BlindSource(
      String sha256, UUID audioSalt, int sampleRate, Double loudnessTargetLufs) {}

  /**
   * A pair and what an assignment's page shows about it, in one round trip: the prompt's text and
   * audio length (null without audio), both responses' exact lengths, and the campaign's regular
   * pairs and raters (for the rater's expected share).
   */
  public record PairFacts(
      PairRow pair,
      String promptText,
      Double promptSeconds,
      double responseXSeconds,
      double responseYSeconds,
      CampaignSize campaignSize) {}

  /** How many regular pairs and raters a campaign has: its raters' expected share follows. */
  public record CampaignSize(long regularPairs, long raters) {}

  /** A stored vote as the voting service compares retries against. */
  public record StoredVote(UUID id, UUID assignmentId, String rater, String verdictsJson) {}

  /**
   * All a vote is checked against, read in one query with the assignment locked and the campaign
   * share-locked.
   *
   * @param storedVote the vote stored under the submitted id meanwhile, if any
   * @param recentVotes the rater's votes since the start of the rate-limit window
   * @param servedA whether every byte of response A's audio was sent for the assignment
   */
  public record VoteCheck(
      Optional<StoredVote> storedVote,
      long recentVotes,
      String rater,
      String status,
      UUID campaignId,
      String campaignName,
      String campaignStatus,
      String dimensionsJson,
      String reasonTagsJson,
      long promptId,
      boolean gold,
      long responseAId,
      long responseBId,
      OffsetDateTime issuedAt,
      boolean playedA,
      boolean playedB,
      double durationA,
      double durationB,
      boolean servedA,
      boolean servedB,
      boolean revealSystems) {}

  /**
   * A vote with everything needed to read it: who, which pair, which response was heard as A, what
   * they said.
   */
  public record VoteRow(
      UUID id,
      UUID assignmentId,
      String rater,
      long pairId,
      String prompt,
      boolean gold,
      String goldDimension,
      long responseX,
      long responseA,
      long responseB,
      String systemA,
      String systemB,
      String verdictsJson,
      String reasonTagsJson,
      String comment,
      long elapsedMs,
      OffsetDateTime createdAt,
      UUID supersededBy,
      OffsetDateTime supersededAt) {}

  /** The vote on an assignment that counts (the latest), with how many it replaced. */
  public record CurrentVote(
      UUID id, String verdictsJson, String reasonTagsJson, String comment, long earlierVotes) {}

  /** A vote just marked superseded: its id and how long its item took the first time. */
  public record SupersededVote(UUID id, long elapsedMs) {}

  /** The systems heard as A and B on an assignment, and whether its campaign reveals them. */
  public record SystemsHeard(boolean revealAfterVote, String systemA, String systemB) {}

  /**
   * Where a rater stands in a campaign.
   *
   * @param openAssignment their earliest assignment neither voted on nor skipped: it is resumed
   * @param handedOut how many assignments they were handed in all
   */
  public record RaterProgress(Optional<UUID> openAssignment, long handedOut) {}

  /** A pair with its systems' names and how many votes it has. */
  public record PairProgress(
      long id, String prompt, String systemX, String systemY, boolean gold, long votes) {}

  private final EntityManager em;

  public RatingStore(EntityManager em) {
    this.em = em;
  }

  public void addSystems(UUID campaign, List<Long> systems) {
    for (long system : systems) {
      em.createNativeQuery("INSERT INTO campaign_system (campaign_id, system_id) VALUES (?1, ?2)")
          .setParameter(1, campaign)
          .setParameter(2, system)
          .executeUpdate();
    }
  }

  public void addRaters(UUID campaign, List<String> raters) {
    for (String rater : raters) {
      em.createNativeQuery("INSERT INTO campaign_rater (campaign_id, username) VALUES (?1, ?2)")
          .setParameter(1, campaign)
          .setParameter(2, rater)
          .executeUpdate();
    }
  }

  /** Every pair of two campaign systems' responses to one prompt; returns how many. */
  public int addRegularPairs(UUID campaign, long dataset) {
    return em.createNativeQuery(
            "INSERT INTO campaign_pair (campaign_id, prompt_id, response_x_id, response_y_id)"
                + " SELECT ?1, rx.prompt_id, rx.id, ry.id FROM response rx"
                + " JOIN response ry ON ry.prompt_id = rx.prompt_id AND ry.system_id > rx.system_id"
                + " JOIN prompt p ON p.id = rx.prompt_id"
                + " JOIN campaign_system sx ON sx.campaign_id = ?1 AND sx.system_id = rx.system_id"
                + " JOIN campaign_system sy ON sy.campaign_id = ?1 AND sy.system_id = ry.system_id"
                + " WHERE p.dataset_id = ?2")
        .setParameter(1, campaign)
        .setParameter(2, dataset)
        .executeUpdate();
  }

  /** A gold pair per prompt where both systems answered; returns how many. */
  public int addGoldPairs(UUID campaign, long dataset, long better, long worse, String dimension) {
    return em.createNativeQuery(
            "INSERT INTO campaign_pair (campaign_id, prompt_id, response_x_id, response_y_id,"
                + " gold, gold_dimension)"
                + " SELECT ?1, rx.prompt_id, rx.id, ry.id, true, ?5 FROM response rx"
                + " JOIN response ry ON ry.prompt_id = rx.prompt_id AND ry.system_id = ?4"
                + " JOIN prompt p ON p.id = rx.prompt_id"
                + " WHERE p.dataset_id = ?2 AND rx.system_id = ?3"
                + " ON CONFLICT DO NOTHING")
        .setParameter(1, campaign)
        .setParameter(2, dataset)
        .setParameter(3, better)
        .setParameter(4, worse)
        .setParameter(5, dimension)
        .executeUpdate();
  }

  public List<String> raters(UUID campaign) {
    return strings(
        "SELECT username FROM campaign_rater WHERE campaign_id = ?1 ORDER BY username", campaign);
  }

  /**
   * The campaign's regular pairs and raters (kept by triggers, see migration V31); none before
   * either was added.
   */
  public CampaignSize size(UUID campaign) {
    Tuple t =
        (Tuple)
            em.createNativeQuery(
                    "SELECT coalesce(max(regular_pairs), 0) AS regular_pairs,"
                        + " coalesce(max(raters), 0) AS raters"
                        + " FROM campaign_size WHERE campaign_id = ?1",
                    Tuple.class)
                .setParameter(1, campaign)
                .getSingleResult();
    return new CampaignSize(longOf(t, "regular_pairs"), longOf(t, "raters"));
  }

  public List<String> systems(UUID campaign) {
    return strings(
        "SELECT s.name FROM campaign_system c JOIN system_under_test s ON s.id = c.system_id"
            + " WHERE c.campaign_id = ?1 ORDER BY s.name",
        campaign);
  }

  public long systemOf(long response) {
    return number("SELECT system_id FROM response WHERE id = ?1", response);
  }

  /**
   * The pairs never given to the rater, with their votes and the open assignments of others issued
   * since {@code leaseStart}. Reads the pairs, their vote counters (kept by a trigger, see
   * migration V25), the campaign's open assignments and the rater's own: the cost does not grow
   * with the number of votes the campaign has.
   */
  public List<CandidatePair> candidates(UUID campaign, String rater, OffsetDateTime leaseStart) {
    // Every hand-out reads every pair the rater has not had (see the mapping for its form).
    @SuppressWarnings("unchecked")
    List<CandidatePair> candidates =
        em.createNativeQuery(
                "SELECT p.id AS pair_id, rx.system_id AS system_x, ry.system_id AS system_y,"
                    + " p.gold AS gold, coalesce(v.votes, 0) AS votes,"
                    + " coalesce(o.in_flight, 0) AS in_flight"
                    + " FROM campaign_pair p"
                    + " JOIN response rx ON rx.id = p.response_x_id"
                    + " JOIN response ry ON ry.id = p.response_y_id"
                    + " LEFT JOIN campaign_pair_votes v ON v.pair_id = p.id"
                    + " LEFT JOIN (SELECT pair_id, count(*) AS in_flight FROM rating_assignment"
                    + " WHERE campaign_id = ?1 AND status = 'open' AND issued_at >= ?3"
                    + " GROUP BY pair_id) o ON o.pair_id = p.id"
                    + " WHERE p.campaign_id = ?1 AND NOT EXISTS (SELECT 1 FROM rating_assignment m"
                    + " WHERE m.campaign_id = ?1 AND m.rater = ?2 AND m.pair_id = p.id)",
                RatingAssignment.CANDIDATE_PAIR)
            .setParameter(1, campaign)
            .setParameter(2, rater)
            .setParameter(3, leaseStart)
            .getResultList();
    return candidates;
  }

  /**
   * Locks the rater's membership row of the campaign until the transaction ends: one hand-out per
   * rater at a time, while other raters go on. False when the user is not a rater of it.
   */
  public boolean lockMembership(UUID campaign, String rater) {
    return !em.createNativeQuery(
            "SELECT 1 FROM campaign_rater WHERE campaign_id = ?1 AND username = ?2 FOR UPDATE")
        .setParameter(1, campaign)
        .setParameter(2, rater)
        .getResultList()
        .isEmpty();
  }

  /**
   * The rater's open assignment and hand-out count in one round trip. Read after {@link
   * #lockMembership}, in a statement of its own, so that it sees a hand-out of the same rater that
   * committed while this one waited for the lock.
   */
  public RaterProgress progress(UUID campaign, String rater) {
    Tuple t =
        (Tuple)
            em.createNativeQuery(
                    "SELECT (SELECT id FROM rating_assignment WHERE campaign_id = ?1 AND rater = ?2"
                        + " AND status = 'open' ORDER BY sequence LIMIT 1) AS open_assignment,"
                        + " (SELECT count(*) FROM rating_assignment WHERE campaign_id = ?1"
                        + " AND rater = ?2) AS handed_out",
                    Tuple.class)
                .setParameter(1, campaign)
                .setParameter(2, rater)
                .getSingleResult();
    return new RaterProgress(
        Optional.ofNullable(t.get("open_assignment", UUID.class)), longOf(t, "handed_out"));
  }

  /**
   * Claims the first of these pairs, in the order given, that no other transaction is claiming: its
   * row stays locked until the transaction ends, so an assignment is added to a pair by one
   * transaction at a time. Empty when all of them are being claimed right now.
   */
  public Optional<Long> claimFirstFree(List<Long> pairsInOrder) {
    String ids =
        pairsInOrder.stream()
            .map(String::valueOf)
            .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    return tuples(
            em.createNativeQuery(
                    "SELECT p.id AS pair_id"
                        + " FROM unnest(CAST(?1 AS bigint[])) WITH ORDINALITY AS wanted(id, rank)"
                        + " JOIN campaign_pair p ON p.id = wanted.id"
                        + " ORDER BY wanted.rank LIMIT 1 FOR UPDATE OF p SKIP LOCKED",
                    Tuple.class)
                .setParameter(1, ids))
        .stream()
        .findFirst()
        .map(t -> longOf(t, "pair_id"));
  }

  /**
   * The pair's votes plus its open assignments issued since {@code leaseStart}, as committed now
   * (the count {@link #candidates} gives each pair).
   */
  public int expectedVotes(long pair, OffsetDateTime leaseStart) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT coalesce((SELECT votes FROM campaign_pair_votes WHERE pair_id = ?1), 0)"
                        + " + (SELECT count(*) FROM rating_assignment WHERE pair_id = ?1"
                        + " AND status = 'open' AND issued_at >= ?2)")
                .setParameter(1, pair)
                .setParameter(2, leaseStart)
                .getSingleResult())
        .intValue();
  }

  /**
   * The side-count rows of every system the campaign's pairs bring (gold pairs may bring systems
   * that are not among its compared systems): made once its pairs are added, so that {@link
   * #handOut} only ever locks rows, in system order.
   */
  public void addSideCounts(UUID campaign) {
    em.createNativeQuery(
            "INSERT INTO campaign_side_count (campaign_id, system_id)"
                + " SELECT DISTINCT ?1, r.system_id FROM campaign_pair p"
                + " JOIN response r ON r.id IN (p.response_x_id, p.response_y_id)"
                + " WHERE p.campaign_id = ?1 ON CONFLICT DO NOTHING")
        .setParameter(1, campaign)
        .executeUpdate();
  }

  /**
   * Stores a new assignment of {@code pair} (its responses not yet set) and decides, counts and
   * returns its sides, all in one statement: the two systems' side-count rows are locked in system
   * order (so two hand-outs never wait on each other crosswise), the system heard as A more often
   * so far is heard as B now ({@link AssignmentPlanner#xHeardAsA}'s rule, here in SQL so that no
   * round trip to the service happens while the rows are locked), an exact balance goes to {@code
   * xHeardAsAOnEvenBalance}. Every hand-out that involves either system waits on those rows until
   * this transaction ends, so this must be its last statement.
   *
   * <p>The transaction's commit then returns without waiting for its WAL to reach the disk (that
   * wait is the longest part of the time the rows stay locked). A crash within the next few hundred
   * milliseconds may lose the hand-out, never anything that depends on it: a vote's commit waits
   * for the WAL up to itself, which holds the hand-out it votes on. A rater whose hand-out was lost
   * asks again and gets a new one.
   *
   * @return whether the pair's response X is heard as A
   */
  public boolean handOut(
      RatingAssignment assignment, PairRow pair, boolean xHeardAsAOnEvenBalance) {
    List<?> heardAsA =
        em.createNativeQuery(
                "WITH locked AS (SELECT system_id, heard_as_a - heard_as_b AS surplus"
                    + " FROM campaign_side_count WHERE campaign_id = ?1 AND system_id IN (?2, ?3)"
                    + " ORDER BY system_id FOR UPDATE),"
                    + " side AS (SELECT CASE WHEN x.surplus <> y.surplus THEN x.surplus < y.surplus"
                    + " ELSE ?4 END AS x_as_a FROM locked x, locked y"
                    + " WHERE x.system_id = ?2 AND y.system_id = ?3),"
                    + " counted AS (UPDATE campaign_side_count c SET"
                    + " heard_as_a = c.heard_as_a"
                    + " + CASE WHEN c.system_id = CASE WHEN s.x_as_a THEN ?2 ELSE ?3 END"
                    + " THEN 1 ELSE 0 END,"
                    + " heard_as_b = c.heard_as_b"
                    + " + CASE WHEN c.system_id = CASE WHEN s.x_as_a THEN ?3 ELSE ?2 END"
                    + " THEN 1 ELSE 0 END"
                    + " FROM side s WHERE c.campaign_id = ?1 AND c.system_id IN (?2, ?3)),"
                    + " quick_commit AS (SELECT set_config('synchronous_commit', 'off', true))"
                    + " INSERT INTO rating_assignment (id, campaign_id, pair_id, rater, sequence,"
                    + " response_a_id, response_b_id, issued_at, status)"
                    + " SELECT ?5, ?1, ?6, ?7, ?8, CASE WHEN s.x_as_a THEN ?9 ELSE ?10 END,"
                    + " CASE WHEN s.x_as_a THEN ?10 ELSE ?9 END, ?11, ?12"
                    + " FROM side s, quick_commit RETURNING response_a_id = ?9")
            .setParameter(1, assignment.campaignId)
            .setParameter(2, pair.systemX())
            .setParameter(3, pair.systemY())
            .setParameter(4, xHeardAsAOnEvenBalance)
            .setParameter(5, assignment.id)
            .setParameter(6, pair.id())
            .setParameter(7, assignment.rater)
            .setParameter(8, assignment.sequence)
            .setParameter(9, pair.responseX())
            .setParameter(10, pair.responseY())
            .setParameter(11, assignment.issuedAt)
            .setParameter(12, assignment.status)
            .getResultList();
    if (heardAsA.isEmpty()) {
      throw new IllegalStateException(
          "Campaign "
              + assignment.campaignId
              + " lacks the side-count row of system "
              + pair.systemX()
              + " or "
              + pair.systemY()
              + ": they are made with its pairs (addSideCounts)");
    }
    return (Boolean) heardAsA.get(0);
  }

  /**
   * Takes back a skipped assignment's sides: {@code systemA} heard as A once less, {@code systemB}
   * as B, locking the rows in system order.
   */
  public void uncountSides(UUID campaign, long systemA, long systemB) {
    em.createNativeQuery(
            "WITH locked AS (SELECT system_id FROM campaign_side_count"
                + " WHERE campaign_id = ?1 AND system_id IN (?2, ?3) ORDER BY system_id FOR UPDATE)"
                + " UPDATE campaign_side_count c SET"
                + " heard_as_a = c.heard_as_a - CASE WHEN c.system_id = ?2 THEN 1 ELSE 0 END,"
                + " heard_as_b = c.heard_as_b - CASE WHEN c.system_id = ?3 THEN 1 ELSE 0 END"
                + " FROM locked WHERE c.campaign_id = ?1 AND c.system_id = locked.system_id")
        .setParameter(1, campaign)
        .setParameter(2, systemA)
        .setParameter(3, systemB)
        .executeUpdate();
  }

  public PairFacts pairFacts(long pair) {
    Tuple t =
        (Tuple)
            em.createNativeQuery(
                    "SELECT p.id AS pair_id, p.prompt_id AS prompt_id,"
                        + " p.response_x_id AS response_x, p.response_y_id AS response_y,"
                        + " rx.system_id AS system_x, ry.system_id AS system_y, p.gold AS gold,"
                        + " p.gold_dimension AS gold_dimension,"
                        + " pr.text AS prompt_text, pa.duration_seconds AS prompt_seconds,"
                        + " ax.duration_seconds AS x_seconds, ay.duration_seconds AS y_seconds,"
                        + " s.regular_pairs AS regular_pairs, s.raters AS raters"
                        + " FROM campaign_pair p JOIN campaign_size s ON s.campaign_id = p.campaign_id"
                        + " JOIN prompt pr ON pr.id = p.prompt_id"
                        + " LEFT JOIN audio_asset pa ON pa.sha256 = pr.audio_sha256"
                        + " JOIN response rx ON rx.id = p.response_x_id"
                        + " JOIN audio_asset ax ON ax.sha256 = rx.audio_sha256"
                        + " JOIN response ry ON ry.id = p.response_y_id"
                        + " JOIN audio_asset ay ON ay.sha256 = ry.audio_sha256"
                        + " WHERE p.id = ?1",
                    Tuple.class)
                .setParameter(1, pair)
                .getSingleResult();
    Number promptSeconds = t.get("prompt_seconds", Number.class);
    return new PairFacts(
        new PairRow(
            longOf(t, "pair_id"),
            longOf(t, "prompt_id"),
            longOf(t, "response_x"),
            longOf(t, "response_y"),
            longOf(t, "system_x"),
            longOf(t, "system_y"),
            t.get("gold", Boolean.class),
            t.get("gold_dimension", String.class)),
        t.get("prompt_text", String.class),
        promptSeconds == null ? null : promptSeconds.doubleValue(),
        t.get("x_seconds", Number.class).doubleValue(),
        t.get("y_seconds", Number.class).doubleValue(),
        new CampaignSize(longOf(t, "regular_pairs"), longOf(t, "raters")));
  }

  /**
   * Locks the rater's gate row until the transaction ends (creating it the first time), so one vote
   * transaction of a rater runs at a time and counting recent votes and adding one cannot
   * interleave; in the same round trip, the vote stored under {@code voteId}, if any.
   */
  public Optional<StoredVote> lockRaterAndFindVote(String rater, UUID voteId) {
    Tuple t =
        (Tuple)
            em.createNativeQuery(
                    "WITH gate AS (INSERT INTO rater_vote_gate (rater) VALUES (?1)"
                        + " ON CONFLICT (rater) DO UPDATE SET rater = EXCLUDED.rater"
                        + " RETURNING rater)"
                        + " SELECT v.id AS vote_id, v.assignment_id AS assignment_id,"
                        + " v.rater AS rater, CAST(v.verdicts AS text) AS verdicts"
                        + " FROM gate LEFT JOIN rating_vote v ON v.id = ?2",
                    Tuple.class)
                .setParameter(1, rater)
                .setParameter(2, voteId)
                .getSingleResult();
    return storedVote(t);
  }

  /**
   * Everything a vote on the assignment is checked against, in one query: the assignment (locked
   * until the transaction ends: one vote per assignment), its campaign (share-locked: a pause or
   * close waits for votes in flight), its pair, both responses' durations and whether their audio
   * was sent completely, the rater's votes since {@code since}, and the vote stored under {@code
   * voteId} by a submit that committed while this one waited. Empty when there is no such
   * assignment.
   */
  public Optional<VoteCheck> lockForVote(
      UUID assignment, UUID voteId, String rater, OffsetDateTime since) {
    return tuples(
            em.createNativeQuery(
                    "SELECT a.rater AS assignment_rater, a.status AS status,"
                        + " a.campaign_id AS campaign_id, a.issued_at AS issued_at,"
                        + " a.played_a_at IS NOT NULL AS played_a,"
                        + " a.played_b_at IS NOT NULL AS played_b,"
                        + " a.response_a_id AS response_a, a.response_b_id AS response_b,"
                        + " c.name AS campaign_name, c.status AS campaign_status,"
                        + " CAST(c.dimensions AS text) AS dimensions,"
                        + " CAST(c.reason_tags AS text) AS reason_tags,"
                        + " c.reveal_systems_after_vote AS reveal_systems,"
                        + " p.prompt_id AS prompt_id, p.gold AS gold,"
                        + " (SELECT au.duration_seconds FROM response r JOIN audio_asset au"
                        + " ON au.sha256 = r.audio_sha256 WHERE r.id = a.response_a_id)"
                        + " AS duration_a,"
                        + " (SELECT au.duration_seconds FROM response r JOIN audio_asset au"
                        + " ON au.sha256 = r.audio_sha256 WHERE r.id = a.response_b_id)"
                        + " AS duration_b,"
                        + " EXISTS (SELECT 1 FROM rating_audio_served s WHERE s.assignment_id = a.id"
                        + " AND s.side = 'a' AND s.served @> int8range(0, s.size_bytes)) AS served_a,"
                        + " EXISTS (SELECT 1 FROM rating_audio_served s WHERE s.assignment_id = a.id"
                        + " AND s.side = 'b' AND s.served @> int8range(0, s.size_bytes)) AS served_b,"
                        + " (SELECT count(*) FROM rating_vote v WHERE v.rater = ?3"
                        + " AND v.created_at >= ?4) AS recent_votes,"
                        + " v.id AS vote_id, v.assignment_id AS assignment_id, v.rater AS rater,"
                        + " CAST(v.verdicts AS text) AS verdicts"
                        + " FROM rating_assignment a JOIN campaign c ON c.id = a.campaign_id"
                        + " JOIN campaign_pair p ON p.id = a.pair_id"
                        + " LEFT JOIN LATERAL (SELECT * FROM rating_vote WHERE id = ?2) v ON true"
                        + " WHERE a.id = ?1 FOR UPDATE OF a FOR SHARE OF c",
                    Tuple.class)
                .setParameter(1, assignment)
                .setParameter(2, voteId)
                .setParameter(3, rater)
                .setParameter(4, since))
        .stream()
        .findFirst()
        .map(
            t ->
                new VoteCheck(
                    storedVote(t),
                    longOf(t, "recent_votes"),
                    t.get("assignment_rater", String.class),
                    t.get("status", String.class),
                    t.get("campaign_id", UUID.class),
                    t.get("campaign_name", String.class),
                    t.get("campaign_status", String.class),
                    t.get("dimensions", String.class),
                    t.get("reason_tags", String.class),
                    longOf(t, "prompt_id"),
                    t.get("gold", Boolean.class),
                    longOf(t, "response_a"),
                    longOf(t, "response_b"),
                    timestamp(t.get("issued_at")),
                    t.get("played_a", Boolean.class),
                    t.get("played_b", Boolean.class),
                    t.get("duration_a", Number.class).doubleValue(),
                    t.get("duration_b", Number.class).doubleValue(),
                    t.get("served_a", Boolean.class),
                    t.get("served_b", Boolean.class),
                    t.get("reveal_systems", Boolean.class)));
  }

  /**
   * Records the first time side {@code a} or {@code b} of the assignment played to the end and
   * changes nothing else of it, so a vote or skip committed meanwhile keeps its status.
   */
  public void markPlayed(UUID assignment, String side, OffsetDateTime at) {
    em.createNativeQuery(
            "UPDATE rating_assignment SET"
                + " played_a_at = CASE WHEN ?2 = 'a' THEN coalesce(played_a_at, ?3)"
                + " ELSE played_a_at END,"
                + " played_b_at = CASE WHEN ?2 = 'b' THEN coalesce(played_b_at, ?3)"
                + " ELSE played_b_at END"
                + " WHERE id = ?1")
        .setParameter(1, assignment)
        .setParameter(2, side)
        .setParameter(3, at)
        .executeUpdate();
  }

  /** Stores the vote and marks its assignment voted, in one statement. */
  public void insertVote(
      UUID id,
      UUID assignment,
      UUID campaign,
      String rater,
      String verdictsJson,
      String reasonTagsJson,
      String comment,
      long elapsedMs,
      OffsetDateTime votedAt) {
    em.createNativeQuery(
            "WITH vote AS (INSERT INTO rating_vote (id, assignment_id, campaign_id, rater,"
                + " verdicts, reason_tags, comment, elapsed_ms) VALUES (?1, ?2, ?3, ?4,"
                + " CAST(?5 AS jsonb), CAST(?6 AS jsonb), ?7, ?8) RETURNING assignment_id)"
                + " UPDATE rating_assignment SET status = 'voted', finished_at = ?9"
                + " FROM vote WHERE rating_assignment.id = vote.assignment_id")
        .setParameter(1, id)
        .setParameter(2, assignment)
        .setParameter(3, campaign)
        .setParameter(4, rater)
        .setParameter(5, verdictsJson)
        .setParameter(6, reasonTagsJson)
        .setParameter(7, comment)
        .setParameter(8, elapsedMs)
        .setParameter(9, votedAt)
        .executeUpdate();
  }

  private static Optional<StoredVote> storedVote(Tuple t) {
    UUID id = t.get("vote_id", UUID.class);
    return id == null
        ? Optional.empty()
        : Optional.of(
            new StoredVote(
                id,
                t.get("assignment_id", UUID.class),
                t.get("rater", String.class),
                t.get("verdicts", String.class)));
  }

  /**
   * The highest sample rate among the responses of these systems to the dataset's prompts; empty
   * when there are none.
   */
  public Optional<Integer> highestSampleRate(long dataset, List<Long> systems) {
    if (systems.isEmpty()) {
      return Optional.empty();
    }
    Object rate =
        em.createNativeQuery(
                "SELECT max(a.sample_rate) FROM response r"
                    + " JOIN prompt p ON p.id = r.prompt_id"
                    + " JOIN audio_asset a ON a.sha256 = r.audio_sha256"
                    + " WHERE p.dataset_id = ?1 AND r.system_id IN (?2)")
            .setParameter(1, dataset)
            .setParameter(2, systems)
            .getSingleResult();
    return Optional.ofNullable((Number) rate).map(Number::intValue);
  }

  /**
   * The audio a side of the rater's assignment plays ({@code a}, {@code b} or {@code prompt}) with
   * its campaign's serving settings, in one query; empty when the assignment is not the rater's.
   */
  public Optional<BlindSource> blindSource(UUID assignment, String rater, String side) {
    return tuples(
            em.createNativeQuery(
                    "SELECT CASE ?3 WHEN 'a' THEN ra.audio_sha256 WHEN 'b' THEN rb.audio_sha256"
                        + " ELSE pr.audio_sha256 END AS sha256, c.audio_salt AS audio_salt,"
                        + " c.audio_sample_rate AS sample_rate,"
                        + " c.loudness_target_lufs AS loudness_target"
                        + " FROM rating_assignment a JOIN campaign c ON c.id = a.campaign_id"
                        + " JOIN response ra ON ra.id = a.response_a_id"
                        + " JOIN response rb ON rb.id = a.response_b_id"
                        + " JOIN campaign_pair p ON p.id = a.pair_id"
                        + " JOIN prompt pr ON pr.id = p.prompt_id"
                        + " WHERE a.id = ?1 AND a.rater = ?2",
                    Tuple.class)
                .setParameter(1, assignment)
                .setParameter(2, rater)
                .setParameter(3, side))
        .stream()
        .findFirst()
        .map(
            t -> {
              Number target = t.get("loudness_target", Number.class);
              return new BlindSource(
                  t.get("sha256", String.class),
                  t.get("audio_salt", UUID.class),
                  t.get("sample_rate", Number.class).intValue(),
                  target == null ? null : target.doubleValue());
            });
  }

  /**
   * Adds bytes {@code start..end} (inclusive) of a side's served file to what the rater's
   * assignment was sent. A different file size (the served format changed) starts the record
   * afresh. False, and nothing recorded, when the assignment is not the rater's.
   */
  public boolean recordServed(
      UUID assignment, String rater, String side, long start, long end, long size) {
    return em.createNativeQuery(
                "INSERT INTO rating_audio_served (assignment_id, side, size_bytes, served)"
                    + " SELECT a.id, ?2, ?3, int8multirange(int8range(?4, ?5, '[]'))"
                    + " FROM rating_assignment a WHERE a.id = ?1 AND a.rater = ?6"
                    + " ON CONFLICT (assignment_id, side) DO UPDATE SET"
                    + " served = CASE WHEN rating_audio_served.size_bytes = EXCLUDED.size_bytes"
                    + " THEN rating_audio_served.served + EXCLUDED.served ELSE EXCLUDED.served END,"
                    + " size_bytes = EXCLUDED.size_bytes")
            .setParameter(1, assignment)
            .setParameter(2, side)
            .setParameter(3, size)
            .setParameter(4, start)
            .setParameter(5, end)
            .setParameter(6, rater)
            .executeUpdate()
        > 0;
  }

  /** The votes of the campaign that count (none superseded), oldest first. */
  public List<VoteRow> votes(UUID campaign) {
    return votes(campaign, false);
  }

  /**
   * Every vote of the campaign, oldest first; with {@code includeSuperseded}, also those that a
   * changed vote replaced.
   */
  public List<VoteRow> votes(UUID campaign, boolean includeSuperseded) {
    return tuples(
            em.createNativeQuery(
                    "SELECT v.id AS vote_id, v.assignment_id AS assignment_id, v.rater AS rater,"
                        + " p.id AS pair_id, pr.external_id AS prompt, p.gold AS gold,"
                        + " p.gold_dimension AS gold_dimension, p.response_x_id AS response_x,"
                        + " a.response_a_id AS response_a, a.response_b_id AS response_b,"
                        + " sa.name AS system_a, sb.name AS system_b,"
                        + " CAST(v.verdicts AS text) AS verdicts,"
                        + " CAST(v.reason_tags AS text) AS reason_tags, v.comment AS comment,"
                        + " v.elapsed_ms AS elapsed_ms, v.created_at AS created_at,"
                        + " v.superseded_by AS superseded_by, v.superseded_at AS superseded_at"
                        + " FROM rating_vote v JOIN rating_assignment a ON a.id = v.assignment_id"
                        + " JOIN campaign_pair p ON p.id = a.pair_id"
                        + " JOIN prompt pr ON pr.id = p.prompt_id"
                        + " JOIN response ra ON ra.id = a.response_a_id"
                        + " JOIN response rb ON rb.id = a.response_b_id"
                        + " JOIN system_under_test sa ON sa.id = ra.system_id"
                        + " JOIN system_under_test sb ON sb.id = rb.system_id"
                        + " WHERE v.campaign_id = ?1 AND (?2 OR v.superseded_at IS NULL)"
                        + " ORDER BY v.created_at, v.id",
                    Tuple.class)
                .setParameter(1, campaign)
                .setParameter(2, includeSuperseded))
        .stream()
        .map(
            t ->
                new VoteRow(
                    t.get("vote_id", UUID.class),
                    t.get("assignment_id", UUID.class),
                    t.get("rater", String.class),
                    longOf(t, "pair_id"),
                    t.get("prompt", String.class),
                    t.get("gold", Boolean.class),
                    t.get("gold_dimension", String.class),
                    longOf(t, "response_x"),
                    longOf(t, "response_a"),
                    longOf(t, "response_b"),
                    t.get("system_a", String.class),
                    t.get("system_b", String.class),
                    t.get("verdicts", String.class),
                    t.get("reason_tags", String.class),
                    t.get("comment", String.class),
                    longOf(t, "elapsed_ms"),
                    timestamp(t.get("created_at")),
                    t.get("superseded_by", UUID.class),
                    t.get("superseded_at") == null ? null : timestamp(t.get("superseded_at"))))
        .toList();
  }

  /** The vote that counts on the assignment, if it was voted on. */
  public Optional<CurrentVote> currentVote(UUID assignment) {
    return tuples(
            em.createNativeQuery(
                    "SELECT v.id AS vote_id, CAST(v.verdicts AS text) AS verdicts,"
                        + " CAST(v.reason_tags AS text) AS reason_tags, v.comment AS comment,"
                        + " (SELECT count(*) FROM rating_vote e WHERE e.assignment_id = ?1"
                        + " AND e.superseded_at IS NOT NULL) AS earlier_votes"
                        + " FROM rating_vote v WHERE v.assignment_id = ?1"
                        + " AND v.superseded_at IS NULL",
                    Tuple.class)
                .setParameter(1, assignment))
        .stream()
        .findFirst()
        .map(
            t ->
                new CurrentVote(
                    t.get("vote_id", UUID.class),
                    t.get("verdicts", String.class),
                    t.get("reason_tags", String.class),
                    t.get("comment", String.class),
                    longOf(t, "earlier_votes")));
  }

  /**
   * Marks the vote that counts on the assignment superseded at {@code at}; the caller inserts the
   * vote that replaces it, then {@link #linkSuperseded links} the two.
   */
  public Optional<SupersededVote> supersede(UUID assignment, OffsetDateTime at) {
    return tuples(
            em.createNativeQuery(
                    "WITH old AS (UPDATE rating_vote SET superseded_at = ?2"
                        + " WHERE assignment_id = ?1 AND superseded_at IS NULL"
                        + " RETURNING id, elapsed_ms)"
                        + " SELECT id AS vote_id, elapsed_ms AS elapsed_ms FROM old",
                    Tuple.class)
                .setParameter(1, assignment)
                .setParameter(2, at))
        .stream()
        .findFirst()
        .map(t -> new SupersededVote(t.get("vote_id", UUID.class), longOf(t, "elapsed_ms")));
  }

  /** Records which vote replaced a superseded one. */
  public void linkSuperseded(UUID superseded, UUID replacement) {
    em.createNativeQuery("UPDATE rating_vote SET superseded_by = ?2 WHERE id = ?1")
        .setParameter(1, superseded)
        .setParameter(2, replacement)
        .executeUpdate();
  }

  /** Which systems were heard as A and B on the assignment, and whether the campaign tells. */
  public SystemsHeard systemsHeard(UUID assignment) {
    Tuple t =
        (Tuple)
            em.createNativeQuery(
                    "SELECT c.reveal_systems_after_vote AS reveal, sa.name AS system_a,"
                        + " sb.name AS system_b"
                        + " FROM rating_assignment a JOIN campaign c ON c.id = a.campaign_id"
                        + " JOIN response ra ON ra.id = a.response_a_id"
                        + " JOIN response rb ON rb.id = a.response_b_id"
                        + " JOIN system_under_test sa ON sa.id = ra.system_id"
                        + " JOIN system_under_test sb ON sb.id = rb.system_id"
                        + " WHERE a.id = ?1",
                    Tuple.class)
                .setParameter(1, assignment)
                .getSingleResult();
    return new SystemsHeard(
        t.get("reveal", Boolean.class),
        t.get("system_a", String.class),
        t.get("system_b", String.class));
  }

  /** Every pair of the campaign with its vote count, in a stable order. */
  public List<PairProgress> pairs(UUID campaign) {
    return tuples(
            em.createNativeQuery(
                    "SELECT p.id AS pair_id, pr.external_id AS prompt, sx.name AS system_x,"
                        + " sy.name AS system_y, p.gold AS gold,"
                        + " coalesce((SELECT v.votes FROM campaign_pair_votes v"
                        + " WHERE v.pair_id = p.id), 0) AS votes"
                        + " FROM campaign_pair p JOIN prompt pr ON pr.id = p.prompt_id"
                        + " JOIN response rx ON rx.id = p.response_x_id"
                        + " JOIN response ry ON ry.id = p.response_y_id"
                        + " JOIN system_under_test sx ON sx.id = rx.system_id"
                        + " JOIN system_under_test sy ON sy.id = ry.system_id"
                        + " WHERE p.campaign_id = ?1 ORDER BY p.gold, pr.position, p.id",
                    Tuple.class)
                .setParameter(1, campaign))
        .stream()
        .map(
            t ->
                new PairProgress(
                    longOf(t, "pair_id"),
                    t.get("prompt", String.class),
                    t.get("system_x", String.class),
                    t.get("system_y", String.class),
                    t.get("gold", Boolean.class),
                    longOf(t, "votes")))
        .toList();
  }

  /** The one number a query with one parameter answers. */
  private long number(String sql, Object parameter) {
    return ((Number) em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult())
        .longValue();
  }

  private List<String> strings(String sql, UUID campaign) {
    @SuppressWarnings("unchecked")
    List<String> values = em.createNativeQuery(sql).setParameter(1, campaign).getResultList();
    return values;
  }

  private static OffsetDateTime timestamp(Object value) {
    if (value instanceof OffsetDateTime odt) {
      return odt;
    }
    if (value instanceof java.time.Instant instant) {
      return instant.atOffset(java.time.ZoneOffset.UTC);
    }
    return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
  }
}
