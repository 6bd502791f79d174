package dev.earshot.rating.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.audio.service.AudioService;
import dev.earshot.judge.dsp.LoudnessNormalisation;
import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.platform.error.DomainException;
import dev.earshot.preference.HumanPreference;
import dev.earshot.preference.service.PreferenceService;
import dev.earshot.rating.Campaign;
import dev.earshot.rating.RatingAssignment;
import dev.earshot.rating.assignment.AssignmentPlanner;
import dev.earshot.rating.assignment.CandidatePair;
import dev.earshot.rating.quality.Verdicts;
import dev.earshot.rating.repository.CampaignRepository;
import dev.earshot.rating.repository.RatingAssignmentRepository;
import dev.earshot.rating.repository.RatingStore;
import dev.earshot.rating.repository.RatingStore.BlindSource;
import dev.earshot.rating.repository.RatingStore.CampaignSize;
import dev.earshot.rating.repository.RatingStore.PairFacts;
import dev.earshot.rating.repository.RatingStore.PairRow;
import dev.earshot.rating.repository.RatingStore.RaterProgress;
import dev.earshot.rating.repository.RatingStore.StoredVote;
import dev.earshot.rating.repository.RatingStore.VoteCheck;
import dev.earshot.security.SecretTokens;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What a rater does: gets the next assignment (or resumes an open one), fetches and plays its
 * audio, reports that a response played to the end, votes or skips. A vote is accepted only on an
 * active campaign, after both responses were sent completely and heard to the end, within the
 * rater's rate limit, and only once per assignment; its id comes from the client, so a retried
 * submit returns the vote already stored. While the campaign is active the rater may change a vote
 * they gave ({@link #revise}): the latest counts, the earlier ones are kept as history.
 *
 * <p>Blindness: both sides of every item are served in the campaign's one format (mono 16-bit PCM
 * WAV at the campaign's rate, no metadata), under ETags salted per campaign and assignment, with
 * durations rounded to {@link #DURATION_STEP_SECONDS}. When the campaign sets a loudness target,
 * both responses are also normalised to it ({@link LoudnessNormalisation}, gain limited so that
 * nothing clips); the prompt's level is left as it is.
 */
@ApplicationScoped
@Transactional
public class RatingService {

  /**
   * Share of a response's duration that must pass between handing out the assignment and a report
   * that it played to the end: leaves room for clock and network jitter, not for skipping.
   */
  static final double LISTENING_TOLERANCE = 0.9;

  /** The configuration profile of the vote-ingest benchmark. */
  static final String BENCH_PROFILE = "bench";

  /**
   * Durations shown to raters are rounded to this step: exact lengths (and their granularity, which
   * follows the original sample rate) would tell systems apart.
   */
  static final double DURATION_STEP_SECONDS = 0.5;

  /**
   * How long a hand-out keeps re-planning while the pairs it wants are being claimed by others (a
   * stampede on a campaign's last few pairs); each try reads fresh counts.
   */
  private static final Duration MAX_CLAIM_WAIT = Duration.ofSeconds(10);

  /** How many pairs of the planner's order one claim considers: the neediest are at the front. */
  private static final int CLAIM_WINDOW = 256;

  /** Which audio of an assignment: the prompt, or the response heard as A or as B. */
  public enum Side {
    PROMPT,
    A,
    B;

    public static Side parse(String side) {
      return switch (side) {
        case "a", "A" -> A;
        case "b", "B" -> B;
        case "prompt" -> PROMPT;
        default -> throw DomainException.invalidRequest("side must be a, b or prompt");
      };
    }
  }

  /** The audio of one side: what the player streams. */
  public record SideAudio(String url, double durationSeconds) {}

  /**
   * An assignment as the rater sees it: no system names, no response ids; audio through
   * assignment-scoped URLs.
   *
   * @param position this assignment's place in the rater's sequence
   * @param total how many the rater is expected to rate in this campaign
   */
  public record AssignmentView(
      UUID assignment,
      UUID campaign,
      String campaignName,
      int position,
      int total,
      String promptText,
      SideAudio promptAudio,
      SideAudio a,
      SideAudio b,
      List<String> dimensions,
      String instructions,
      List<String> reasonTags,
      boolean playedA,
      boolean playedB,
      OffsetDateTime issuedAt) {}

  /** What a rater submits ({@code POST /api/votes}). */
  public record VoteRequest(
      UUID id,
      UUID assignment,
      Map<String, String> verdicts,
      List<String> reasonTags,
      String comment) {}

  /**
   * A stored vote as acknowledged to the rater.
   *
   * @param revealed the systems heard, when the campaign reveals them after a vote; else null
   */
  public record VoteReceipt(UUID id, UUID assignment, boolean created, RevealedSystems revealed) {}

  /** Which systems the rater heard as A and as B: told only after their vote on the item. */
  public record RevealedSystems(String systemA, String systemB) {}

  /**
   * The rater's latest voted item of a campaign, with the vote that counts, so that they can change
   * it.
   *
   * @param vote the id of the vote that counts
   * @param earlierVotes how many votes on this item it replaced
   * @param revealed the systems heard, when the campaign reveals them; else null
   */
  public record PreviousItem(
      AssignmentView assignment,
      UUID vote,
      Map<String, String> verdicts,
      List<String> reasonTags,
      String comment,
      long earlierVotes,
      RevealedSystems revealed) {}

  /** A changed vote ({@code PUT /api/assignments/{id}/vote}): the assignment is in the path. */
  public record VoteChange(
      UUID id, Map<String, String> verdicts, List<String> reasonTags, String comment) {}

  /**
   * One side's audio as served to the rater: a file in the campaign's format and an entity tag that
   * names neither the source file nor the system.
   */
  public record BlindAudio(Path file, long sizeBytes, String etag) {}

  /**
   * A campaign as its rater sees it: nothing about its systems or other raters.
   *
   * @param voted the rater's votes so far
   * @param total how many the rater is expected to give
   */
  public record RaterCampaign(
      UUID id,
      String name,
      String instructions,
      List<String> dimensions,
      String status,
      long voted,
      int total) {}

  private final CampaignRepository campaigns;
  private final RatingAssignmentRepository assignments;
  private final RatingStore store;
  private final PreferenceService preferences;
  private final AudioService audio;
  private final EarshotConfig config;
  private final ObjectMapper json;

  /** {@link #LISTENING_TOLERANCE}, or 0 in the load benchmark's profile when it asks so. */
  private final double listeningTolerance;

  public RatingService(
      CampaignRepository campaigns,
      RatingAssignmentRepository assignments,
      RatingStore store,
      PreferenceService preferences,
      AudioService audio,
      EarshotConfig config,
      ObjectMapper json) {
    this.campaigns = campaigns;
    this.assignments = assignments;
    this.store = store;
    this.preferences = preferences;
    this.audio = audio;
    this.config = config;
    this.json = json;
    this.listeningTolerance =
        listeningTolerance(ConfigUtils.getProfiles(), config.rating().benchSkipListeningWait());
  }

  /**
   * The share of the audio's duration that must pass before a play report or a vote: {@link
   * #LISTENING_TOLERANCE}, unless the {@code bench} profile is active and its configuration asks
   * for no wait. No other profile (production, test, dev) can switch the wait off.
   */
  static double listeningTolerance(List<String> activeProfiles, boolean skipRequested) {
    return skipRequested && activeProfiles.contains(BENCH_PROFILE) ? 0 : LISTENING_TOLERANCE;
  }

  /**
   * The rater's open assignment if they have one (resumed after a pause), else a new one; empty
   * when the campaign needs nothing more from them.
   *
   * <p>No campaign-wide lock: the rater's membership row serialises one rater's calls, the chosen
   * pair's row is claimed with {@code SKIP LOCKED} (concurrent raters take the next pair in their
   * order instead of waiting), and the side is decided under the two systems' count rows.
   */
  public Optional<AssignmentView> next(UUID campaignId, String rater) {
    Campaign campaign =
        campaigns
            .lockShared(campaignId)
            .orElseThrow(() -> DomainException.notFound("No campaign " + campaignId));
    if (!store.lockMembership(campaignId, rater)) {
      throw notRater(campaign);
    }
    requireActive(campaign);
    RaterProgress progress = store.progress(campaignId, rater);
    if (progress.openAssignment().isPresent()) {
      return Optional.of(view(campaign, assignments.findById(progress.openAssignment().get())));
    }
    OffsetDateTime now = OffsetDateTime.now();
    int sequence = (int) progress.handedOut() + 1;
    Optional<CandidatePair> chosen =
        claim(campaign, rater, sequence, now.minus(config.rating().openAssignmentLease()));
    if (chosen.isEmpty()) {
      return Optional.empty();
    }
    // Everything the answer needs is read before the two systems' side rows are locked: every
    // hand-out that involves either system waits on them until this transaction commits.
    PairFacts facts = store.pairFacts(chosen.get().pairId());
    PairRow pair = facts.pair();
    ViewContext context = ViewContext.of(campaign, facts);
    RatingAssignment assignment = new RatingAssignment();
    assignment.id = UUID.randomUUID();
    assignment.campaignId = campaignId;
    assignment.pairId = pair.id();
    assignment.rater = rater;
    assignment.sequence = sequence;
    assignment.issuedAt = now;
    assignment.status = "open";
    boolean xHeardAsA =
        store.handOut(assignment, pair, AssignmentPlanner.xHeardAsAOnEvenBalance(rater, pair.id()));
    assignment.responseAId = xHeardAsA ? pair.responseX() : pair.responseY();
    assignment.responseBId = xHeardAsA ? pair.responseY() : pair.responseX();
    return Optional.of(context.view(campaign, assignment));
  }

  /**
   * The pair the planner gives the rater, claimed. A gold pair has no overlap to respect and is
   * taken as planned. A regular pair is the first in the planner's order that no one else is
   * claiming; if another hand-out committed on it after the candidates were read (its count grew),
   * the plan is made again from fresh counts, so a pair never passes the overlap and the neediest
   * pairs go first, as if the hand-outs had run one after the other.
   */
  private Optional<CandidatePair> claim(
      Campaign campaign, String rater, int sequence, OffsetDateTime leaseStart) {
    long deadline = System.nanoTime() + MAX_CLAIM_WAIT.toNanos();
    for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
      List<CandidatePair> order =
          AssignmentPlanner.preferenceOrder(
              rater,
              sequence,
              campaign.overlap,
              campaign.goldRate,
              store.candidates(campaign.id, rater, leaseStart));
      if (order.isEmpty()) {
        return Optional.empty();
      }
      if (order.get(0).gold()) {
        return Optional.of(order.get(0));
      }
      Map<Long, CandidatePair> byId =
          order.stream()
              .limit(CLAIM_WINDOW)
              .collect(
                  java.util.stream.Collectors.toMap(
                      CandidatePair::pairId, p -> p, (p, q) -> p, java.util.LinkedHashMap::new));
      Optional<CandidatePair> claimed =
          store
              .claimFirstFree(List.copyOf(byId.keySet()))
              .map(byId::get)
              .filter(p -> store.expectedVotes(p.pairId(), leaseStart) <= p.expected());
      if (claimed.isPresent()) {
        return claimed;
      }
      backOff(attempt);
    }
    throw DomainException.unavailable(
        "Busy", "Too many raters are asking at once; ask for the next assignment again");
  }

  /**
   * Records that a response played to the end. Refused when less time has passed since the
   * assignment was handed out than the response lasts: it cannot have been heard.
   */
  public AssignmentView played(UUID assignmentId, String rater, Side side) {
    if (side == Side.PROMPT) {
      throw DomainException.invalidRequest("Only responses a and b need to be played to the end");
    }
    RatingAssignment assignment = owned(assignments.read(assignmentId), assignmentId, rater);
    PairFacts facts = store.pairFacts(assignment.pairId);
    long response = side == Side.A ? assignment.responseAId : assignment.responseBId;
    double duration =
        response == facts.pair().responseX() ? facts.responseXSeconds() : facts.responseYSeconds();
    OffsetDateTime now = OffsetDateTime.now();
    double elapsed = seconds(assignment.issuedAt, now);
    if (elapsed < listeningTolerance * duration) {
      throw DomainException.invalid(
          "Not played to the end",
          String.format(
              java.util.Locale.ROOT,
              "Response %s lasts about %.1f s but the assignment was handed out %.1f s ago;"
                  + " listen to it to the end",
              side.name(),
              rounded(duration),
              elapsed));
    }
    // The assignment was read read-only: the report is written by a statement of its own, which
    // leaves a status that a vote or skip committed meanwhile as it is.
    if (side == Side.A && assignment.playedAAt == null) {
      store.markPlayed(assignmentId, sideName(side), now);
      assignment.playedAAt = now;
    } else if (side == Side.B && assignment.playedBAt == null) {
      store.markPlayed(assignmentId, sideName(side), now);
      assignment.playedBAt = now;
    }
    Campaign campaign = campaigns.read(assignment.campaignId).orElseThrow();
    return ViewContext.of(campaign, facts).view(campaign, assignment);
  }

  /**
   * Stores a vote once. A retry with the same id returns the stored vote; a different vote on an
   * assignment already voted on is refused. Refused too: verdicts missing for a dimension, votes on
   * a paused or closed campaign, votes before both responses were sent completely and played to the
   * end, and votes over the rater's rate limit. The rater's gate row is locked first, so concurrent
   * submits of one rater are counted one after the other and cannot pass the limit together.
   *
   * <p>Four round trips: the gate (with a look for a vote stored under this id), every check in one
   * locking query, the vote with its assignment's new status, and the per-dimension preferences in
   * one insert. Nothing runs after the commit.
   */
  public VoteReceipt vote(VoteRequest request, String rater) {
    validate(request);
    Optional<StoredVote> stored = store.lockRaterAndFindVote(rater, request.id());
    if (stored.isPresent()) {
      return replayed(stored.get(), request, rater);
    }
    OffsetDateTime now = OffsetDateTime.now();
    VoteCheck check =
        store
            .lockForVote(request.assignment(), request.id(), rater, now.minusMinutes(1))
            .orElseThrow(() -> noAssignment(request.assignment()));
    // A concurrent submit of the same vote may have committed while we waited for the gate.
    if (check.storedVote().isPresent()) {
      return replayed(check.storedVote().get(), request, rater);
    }
    requireUnderRateLimit(check);
    if (!check.rater().equals(rater)) {
      throw noAssignment(request.assignment());
    }
    if (!"open".equals(check.status())) {
      throw DomainException.conflict(
          "Already " + check.status(),
          "This assignment was "
              + check.status()
              + " already; ask for the next one"
              + ("voted".equals(check.status())
                  ? " (or change the vote with PUT /api/assignments/"
                      + request.assignment()
                      + "/vote)"
                  : ""));
    }
    requireActive(check.campaignName(), check.campaignStatus());
    Map<String, String> verdicts = checkedVerdicts(check, request);
    requireListened(check, now);
    requireSentCompletely(check, request.assignment());
    List<String> tags = checkedTags(check, request);
    store.insertVote(
        request.id(),
        request.assignment(),
        check.campaignId(),
        rater,
        write(verdicts),
        write(tags),
        request.comment() == null ? "" : request.comment(),
        Duration.between(check.issuedAt(), now).toMillis(),
        now);
    if (!check.gold()) {
      // Gold pairs check raters; they are not comparisons of the campaign's systems.
      preferences.recordHumanVotes(humanPreferences(request, check, verdicts, rater));
    }
    return new VoteReceipt(
        request.id(),
        request.assignment(),
        true,
        check.revealSystems() ? revealed(request.assignment()).orElseThrow() : null);
  }

  /**
   * Changes the rater's vote on an item they voted on, while its campaign is active: the new vote
   * (its id from the client, like any vote) counts from now on, in the campaign, leaderboards and
   * exports; the earlier one is kept, marked superseded by it. A retry with the same id returns the
   * stored vote. No new listening is required (the item was heard before the first vote); the
   * change counts against the rate limit and keeps the time the item took the first time.
   */
  public VoteReceipt revise(UUID assignmentId, VoteChange change, String rater) {
    VoteRequest request =
        change == null
            ? null
            : new VoteRequest(
                change.id(),
                assignmentId,
                change.verdicts(),
                change.reasonTags(),
                change.comment());
    validate(request);
    Optional<StoredVote> stored = store.lockRaterAndFindVote(rater, request.id());
    if (stored.isPresent()) {
      return replayed(stored.get(), request, rater);
    }
    OffsetDateTime now = OffsetDateTime.now();
    VoteCheck check =
        store
            .lockForVote(assignmentId, request.id(), rater, now.minusMinutes(1))
            .orElseThrow(() -> noAssignment(assignmentId));
    if (check.storedVote().isPresent()) {
      return replayed(check.storedVote().get(), request, rater);
    }
    requireUnderRateLimit(check);
    if (!check.rater().equals(rater)) {
      throw noAssignment(assignmentId);
    }
    if (!"voted".equals(check.status())) {
      throw DomainException.conflict(
          "Not voted",
          "This assignment is "
              + check.status()
              + ": only a vote already given can be changed"
              + ("open".equals(check.status()) ? "; vote with POST /api/votes" : ""));
    }
    requireActive(check.campaignName(), check.campaignStatus());
    Map<String, String> verdicts = checkedVerdicts(check, request);
    List<String> tags = checkedTags(check, request);
    RatingStore.SupersededVote earlier =
        store
            .supersede(assignmentId, now)
            .orElseThrow(() -> new IllegalStateException("voted assignment without a vote"));
    store.insertVote(
        request.id(),
        assignmentId,
        check.campaignId(),
        rater,
        write(verdicts),
        write(tags),
        request.comment() == null ? "" : request.comment(),
        earlier.elapsedMs(),
        now);
    store.linkSuperseded(earlier.id(), request.id());
    if (!check.gold()) {
      preferences.replaceHumanVotes(
          readList(check.dimensionsJson()).stream()
              .map(dimension -> preferenceId(earlier.id(), dimension))
              .toList(),
          humanPreferences(request, check, verdicts, rater));
    }
    return new VoteReceipt(
        request.id(),
        assignmentId,
        true,
        check.revealSystems() ? revealed(assignmentId).orElseThrow() : null);
  }

  /**
   * The rater's latest voted item of the campaign with the vote that counts; empty when they have
   * voted on nothing there yet.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<PreviousItem> previous(UUID campaignId, String rater) {
    Campaign campaign =
        campaigns
            .read(campaignId)
            .orElseThrow(() -> DomainException.notFound("No campaign " + campaignId));
    if (!store.raters(campaignId).contains(rater)) {
      throw notRater(campaign);
    }
    return assignments
        .latestVotedOf(campaignId, rater)
        .map(
            assignment -> {
              RatingStore.CurrentVote vote =
                  store
                      .currentVote(assignment.id)
                      .orElseThrow(
                          () -> new IllegalStateException("voted assignment without a vote"));
              return new PreviousItem(
                  view(campaign, assignment),
                  vote.id(),
                  read(vote.verdictsJson()),
                  readList(vote.reasonTagsJson()),
                  vote.comment(),
                  vote.earlierVotes(),
                  revealed(assignment.id).orElse(null));
            });
  }

  /** The systems heard on a voted assignment, when its campaign reveals them. */
  private Optional<RevealedSystems> revealed(UUID assignment) {
    RatingStore.SystemsHeard heard = store.systemsHeard(assignment);
    return heard.revealAfterVote()
        ? Optional.of(new RevealedSystems(heard.systemA(), heard.systemB()))
        : Optional.empty();
  }

  private void requireUnderRateLimit(VoteCheck check) {
    int limit = config.rating().maxVotesPerMinute();
    if (check.recentVotes() >= limit) {
      throw DomainException.tooMany(
          "Too many votes", "At most " + limit + " votes a minute; take a breath and submit again");
    }
  }

  /** The request's verdicts, one for each dimension of the campaign. */
  private Map<String, String> checkedVerdicts(VoteCheck check, VoteRequest request) {
    List<String> dimensions = readList(check.dimensionsJson());
    Map<String, String> verdicts = new TreeMap<>(request.verdicts());
    if (!verdicts.keySet().equals(new java.util.TreeSet<>(dimensions))) {
      throw DomainException.invalid(
          "Verdicts incomplete",
          "Give one verdict for each dimension of this campaign: " + dimensions);
    }
    return verdicts;
  }

  /** The request's reason tags, each one the campaign offers. */
  private List<String> checkedTags(VoteCheck check, VoteRequest request) {
    List<String> allowedTags = readList(check.reasonTagsJson());
    List<String> tags = request.reasonTags() == null ? List.of() : request.reasonTags();
    tags.stream()
        .filter(t -> !allowedTags.contains(t))
        .findFirst()
        .ifPresent(
            t -> {
              throw DomainException.invalid(
                  "Unknown reason tag", "'" + t + "' is not one of " + allowedTags);
            });
    return tags;
  }

  /** A vote's per-dimension preferences, as leaderboards and exports read them. */
  private List<HumanPreference> humanPreferences(
      VoteRequest request, VoteCheck check, Map<String, String> verdicts, String rater) {
    String details =
        write(
            Map.of("vote", request.id().toString(), "assignment", request.assignment().toString()));
    return verdicts.entrySet().stream()
        .map(
            verdict ->
                new HumanPreference(
                    preferenceId(request.id(), verdict.getKey()),
                    check.promptId(),
                    check.responseAId(),
                    check.responseBId(),
                    verdict.getKey(),
                    verdict.getValue(),
                    "rater:" + rater,
                    details,
                    check.campaignId()))
        .toList();
  }

  /** The id of a vote's preference on one dimension. */
  private static UUID preferenceId(UUID vote, String dimension) {
    return UUID.nameUUIDFromBytes((vote + "/" + dimension).getBytes(StandardCharsets.UTF_8));
  }

  /** Skips an assignment: its pair is not given to this rater again. */
  public void skip(UUID assignmentId, String rater) {
    // Locked: a vote committed while this skip ran would otherwise be overwritten at its flush.
    RatingAssignment assignment = owned(assignments.lock(assignmentId), assignmentId, rater);
    if (!assignment.open()) {
      throw DomainException.conflict(
          "Already " + assignment.status, "This assignment was " + assignment.status);
    }
    assignment.status = "skipped";
    assignment.finishedAt = OffsetDateTime.now();
    // Skipped assignments do not count in the side balance.
    store.uncountSides(
        assignment.campaignId,
        store.systemOf(assignment.responseAId),
        store.systemOf(assignment.responseBId));
  }

  /**
   * The audio a rater's assignment plays on a side, in the campaign's format (transcoded once, then
   * cached). Nothing is recorded here: the caller reports what it sent with {@link #sent}.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public BlindAudio audio(UUID assignmentId, String rater, Side side) {
    BlindSource source =
        store
            .blindSource(assignmentId, rater, sideName(side))
            .orElseThrow(() -> noAssignment(assignmentId));
    if (source.sha256() == null) {
      throw DomainException.notFound("This prompt has no audio");
    }
    Double loudnessTarget = side == Side.PROMPT ? null : source.loudnessTargetLufs();
    Path file =
        loudnessTarget == null
            ? audio.monoPcm16(source.sha256(), source.sampleRate())
            : audio.monoPcm16(
                source.sha256(),
                source.sampleRate(),
                loudnessVariant(loudnessTarget),
                samples ->
                    LoudnessNormalisation.normalised(samples, source.sampleRate(), loudnessTarget));
    String etag =
        SecretTokens.sha256(
            source.audioSalt()
                + "/"
                + assignmentId
                + "/"
                + side
                + "/"
                + source.sha256()
                + "/"
                + source.sampleRate()
                + "/"
                + loudnessTarget);
    try {
      return new BlindAudio(file, Files.size(file), etag);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file, e);
    }
  }

  /**
   * Records that bytes {@code start..end} (inclusive) of a side's audio of size {@code sizeBytes}
   * were sent to the assignment's rater; ranges add up, and a vote needs all bytes of A and of B.
   * The prompt's audio is not recorded.
   */
  public void sent(UUID assignmentId, String rater, Side side, long start, long end, long size) {
    if (side == Side.PROMPT) {
      return;
    }
    if (!store.recordServed(assignmentId, rater, sideName(side), start, end, size)) {
      throw noAssignment(assignmentId);
    }
  }

  /**
   * The campaigns the rater rates, newest first, with their own progress: nothing about systems or
   * other raters.
   */
  public List<RaterCampaign> campaignsOf(String rater) {
    return campaigns.ratedBy(rater).stream()
        .map(
            c -> {
              long voted = assignments.finishedBy(c.id, rater);
              return new RaterCampaign(
                  c.id,
                  c.name,
                  c.instructions,
                  c.dimensions,
                  c.status,
                  voted,
                  (int) Math.max(voted, expectedTotal(c)));
            })
        .toList();
  }

  private AssignmentView view(Campaign campaign, RatingAssignment assignment) {
    return ViewContext.of(campaign, store.pairFacts(assignment.pairId)).view(campaign, assignment);
  }

  /** What an assignment's view shows besides the assignment itself: the same for either side. */
  private record ViewContext(
      String promptText,
      Double promptSeconds,
      int expectedTotal,
      long responseX,
      double responseXSeconds,
      double responseYSeconds) {

    static ViewContext of(Campaign campaign, PairFacts facts) {
      return new ViewContext(
          facts.promptText(),
          facts.promptSeconds() == null ? null : rounded(facts.promptSeconds()),
          RatingService.expectedTotal(campaign, facts.campaignSize()),
          facts.pair().responseX(),
          rounded(facts.responseXSeconds()),
          rounded(facts.responseYSeconds()));
    }

    AssignmentView view(Campaign campaign, RatingAssignment assignment) {
      String base = "/api/assignments/" + assignment.id + "/audio/";
      boolean xIsA = assignment.responseAId == responseX;
      return new AssignmentView(
          assignment.id,
          campaign.id,
          campaign.name,
          assignment.sequence,
          Math.max(assignment.sequence, expectedTotal),
          promptText,
          promptSeconds == null ? null : new SideAudio(base + "prompt", promptSeconds),
          new SideAudio(base + "a", xIsA ? responseXSeconds : responseYSeconds),
          new SideAudio(base + "b", xIsA ? responseYSeconds : responseXSeconds),
          campaign.dimensions,
          campaign.instructions,
          campaign.reasonTags,
          assignment.playedAAt != null,
          assignment.playedBAt != null,
          assignment.issuedAt);
    }
  }

  private int expectedTotal(Campaign campaign) {
    return expectedTotal(campaign, store.size(campaign.id));
  }

  /**
   * A rater's expected share: the campaign's votes spread over its raters (never more pairs than
   * exist), plus the gold pairs mixed in at the gold rate.
   */
  private static int expectedTotal(Campaign campaign, CampaignSize size) {
    long pairs = size.regularPairs();
    long raters = size.raters();
    long share = Math.min(pairs, (pairs * campaign.overlap + raters - 1) / raters);
    return (int) Math.round(share / (1 - campaign.goldRate));
  }

  private void requireListened(VoteCheck check, OffsetDateTime now) {
    double needed = check.durationA() + check.durationB();
    if (!check.playedA()
        || !check.playedB()
        || seconds(check.issuedAt(), now) < listeningTolerance * needed) {
      throw DomainException.invalid(
          "Listen first",
          "Play both responses to the end before voting (A "
              + (check.playedA() ? "heard" : "not yet heard")
              + ", B "
              + (check.playedB() ? "heard" : "not yet heard")
              + ")");
    }
  }

  private static void requireSentCompletely(VoteCheck check, UUID assignment) {
    List<String> missing =
        Stream.of(check.servedA() ? null : "A", check.servedB() ? null : "B")
            .filter(java.util.Objects::nonNull)
            .toList();
    if (!missing.isEmpty()) {
      throw DomainException.invalid(
          "Audio not fetched",
          "The audio of response "
              + String.join(" and ", missing)
              + " was never fetched completely from GET /api/assignments/"
              + assignment
              + "/audio/{a|b}; load (or reload) the page and play both responses to the end");
    }
  }

  private static void requireActive(Campaign campaign) {
    requireActive(campaign.name, campaign.status);
  }

  private static void requireActive(String name, String status) {
    if (!"active".equals(status)) {
      throw DomainException.conflict(
          "Campaign " + status,
          "Campaign '"
              + name
              + "' is "
              + status
              + ("paused".equals(status)
                  ? " for now; nothing is handed out or accepted until it resumes"
                  : "; it accepts no more votes"));
    }
  }

  private static String sideName(Side side) {
    return switch (side) {
      case A -> "a";
      case B -> "b";
      case PROMPT -> "prompt";
    };
  }

  /**
   * The cache name of audio normalised to {@code targetLufs} (kept to 0.1 LU by the campaign): the
   * normaliser's ceiling is part of it, so a change of the ceiling never serves stale files.
   */
  static String loudnessVariant(double targetLufs) {
    return String.format(
        java.util.Locale.ROOT,
        "lufs%.1f-tp%.1f",
        -targetLufs,
        -LoudnessNormalisation.TRUE_PEAK_CEILING_DBTP);
  }

  /** A duration rounded to {@link #DURATION_STEP_SECONDS}, never below one step. */
  static double rounded(double seconds) {
    return Math.max(
        DURATION_STEP_SECONDS, Math.round(seconds / DURATION_STEP_SECONDS) * DURATION_STEP_SECONDS);
  }

  /** The stored vote when this submit repeats it; a different vote under its id is refused. */
  private VoteReceipt replayed(StoredVote vote, VoteRequest request, String rater) {
    boolean same =
        vote.rater().equals(rater)
            && vote.assignmentId().equals(request.assignment())
            && read(vote.verdictsJson()).equals(new TreeMap<>(request.verdicts()));
    if (!same) {
      throw DomainException.conflict(
          "Vote id taken",
          "Vote " + request.id() + " exists with other content; send a new id for a new vote");
    }
    return new VoteReceipt(
        vote.id(), vote.assignmentId(), false, revealed(vote.assignmentId()).orElse(null));
  }

  private static void validate(VoteRequest request) {
    if (request == null || request.id() == null || request.assignment() == null) {
      throw DomainException.invalidRequest(
          "Send {\"id\": a new UUID for this vote, \"assignment\", \"verdicts\": {dimension:"
              + " verdict}}");
    }
    if (request.verdicts() == null || request.verdicts().isEmpty()) {
      throw DomainException.invalidRequest(
          "verdicts: one per dimension, e.g. {\"prosody\": \"a_better\"}");
    }
    request
        .verdicts()
        .forEach(
            (dimension, verdict) -> {
              if (!Verdicts.valid(verdict)) {
                throw DomainException.invalidRequest(
                    "verdicts." + dimension + ": '" + verdict + "' is not one of " + Verdicts.ALL);
              }
            });
    if (request.comment() != null && request.comment().length() > 2000) {
      throw DomainException.invalidRequest("comment: at most 2000 characters");
    }
  }

  private static RatingAssignment owned(
      Optional<RatingAssignment> assignment, UUID assignmentId, String rater) {
    return assignment
        .filter(a -> a.rater.equals(rater))
        .orElseThrow(() -> noAssignment(assignmentId));
  }

  private static DomainException noAssignment(UUID id) {
    return DomainException.notFound("No assignment " + id + " of yours");
  }

  /** A short, growing, jittered pause, so that the claims being made meanwhile can commit. */
  private static void backOff(int attempt) {
    try {
      Thread.sleep(
          java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 2L + Math.min(attempt, 20)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DomainException.unavailable("Interrupted", "The service is stopping; ask again");
    }
  }

  private static DomainException notRater(Campaign campaign) {
    return DomainException.forbidden(
        "Not a rater", "You are not a rater of campaign '" + campaign.name + "'");
  }

  private static double seconds(OffsetDateTime from, OffsetDateTime to) {
    return Duration.between(from, to).toNanos() / 1e9;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> readList(String jsonArray) {
    try {
      return json.readValue(
          jsonArray, json.getTypeFactory().constructCollectionType(List.class, String.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private TreeMap<String, String> read(String verdictsJson) {
    try {
      return json.readValue(
          verdictsJson,
          json.getTypeFactory().constructMapType(TreeMap.class, String.class, String.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
