package dev.earshot.rating.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.audit.service.AuditLog;
import dev.earshot.dataset.Dataset;
import dev.earshot.dataset.SystemUnderTest;
import dev.earshot.dataset.repository.DatasetRepository;
import dev.earshot.dataset.repository.SystemRepository;
import dev.earshot.platform.error.DomainException;
import dev.earshot.rating.Campaign;
import dev.earshot.rating.quality.RaterQuality;
import dev.earshot.rating.quality.Verdicts;
import dev.earshot.rating.quality.Verdicts.Preference;
import dev.earshot.rating.repository.CampaignRepository;
import dev.earshot.rating.repository.RatingStore;
import dev.earshot.rating.repository.RatingStore.VoteRow;
import dev.earshot.rating.service.CampaignSpec.GoldRule;
import dev.earshot.rating.service.CampaignViews.CampaignChoice;
import dev.earshot.rating.service.CampaignViews.CampaignDetail;
import dev.earshot.rating.service.CampaignViews.CampaignSummary;
import dev.earshot.rating.service.CampaignViews.PairProgress;
import dev.earshot.rating.service.CampaignViews.VoteView;
import dev.earshot.security.repository.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Creates rating campaigns and reports their progress, votes and raters. */
@ApplicationScoped
@Transactional
public class CampaignService {

  /** The dimensions people can rate. */
  public static final List<String> DIMENSIONS =
      List.of("content", "prosody", "emotion", "nonspeech", "overall", "quality");

  public static final List<String> DEFAULT_REASON_TAGS =
      List.of(
          "wrong content",
          "unnatural prosody",
          "wrong emotion",
          "missed the sound",
          "noise or distortion",
          "too fast or too slow");

  /**
   * Bounds of the rate a campaign's audio is served at: the highest rate among its responses, at
   * most this.
   */
  static final int MAX_AUDIO_SAMPLE_RATE = 48_000;

  /** The serving rate of a campaign whose responses have no audio rate to go by. */
  static final int DEFAULT_AUDIO_SAMPLE_RATE = 16_000;

  /** Quietest loudness target a campaign may set (LUFS): quieter would be barely audible. */
  static final double MIN_LOUDNESS_TARGET_LUFS = -60;

  /** Loudest loudness target (LUFS): louder would force most speech against the peak ceiling. */
  static final double MAX_LOUDNESS_TARGET_LUFS = -5;

  private static final Logger LOG = Logger.getLogger(CampaignService.class);

  /** The schema's limit on votes per pair (V6's check on {@code campaign.overlap}). */
  static final int MAX_OVERLAP = 100;

  private final CampaignRepository campaigns;
  private final RatingStore store;
  private final DatasetRepository datasets;
  private final SystemRepository systems;
  private final UserRepository users;
  private final ObjectMapper json;
  private final AuditLog audit;

  public CampaignService(
      CampaignRepository campaigns,
      RatingStore store,
      DatasetRepository datasets,
      SystemRepository systems,
      UserRepository users,
      ObjectMapper json,
      AuditLog audit) {
    this.campaigns = campaigns;
    this.store = store;
    this.datasets = datasets;
    this.systems = systems;
    this.users = users;
    this.json = json;
    this.audit = audit;
  }

  public CampaignSummary create(CampaignSpec spec, String creator) {
    List<String> errors = new ArrayList<>();
    if (spec == null) {
      throw DomainException.invalidRequest(
          "Send the campaign as JSON; see /q/swagger-ui on the management port (9000 by default)");
    }
    String name = spec.name() == null ? "" : spec.name().strip();
    if (name.isEmpty() || name.length() > 200) {
      errors.add("name: 1-200 characters");
    }
    Optional<Dataset> dataset =
        spec.dataset() == null ? Optional.empty() : datasets.findByName(spec.dataset());
    if (dataset.isEmpty()) {
      errors.add("dataset: no dataset '" + spec.dataset() + "'; list GET /api/datasets");
    }
    List<SystemUnderTest> compared = systemsNamed(spec.systems(), "systems", errors);
    if (compared.size() < 2 && spec.systems() != null) {
      errors.add("systems: name at least two systems to compare");
    }
    List<String> dimensions = distinct(spec.dimensions());
    if (dimensions.isEmpty()) {
      errors.add("dimensions: choose one or more of " + DIMENSIONS);
    }
    dimensions.stream()
        .filter(d -> !DIMENSIONS.contains(d))
        .forEach(d -> errors.add("dimensions: '" + d + "' is not one of " + DIMENSIONS));
    List<String> raters = distinct(spec.raters());
    if (raters.isEmpty()) {
      errors.add("raters: name the users who rate");
    }
    raters.stream()
        .filter(r -> users.findByUsername(r).isEmpty())
        .forEach(r -> errors.add("raters: no user '" + r + "'"));
    int overlap = spec.overlap() == null ? 1 : spec.overlap();
    if (overlap < 1 || overlap > Math.max(1, raters.size())) {
      errors.add(
          "overlap: votes per pair must be between 1 and the number of raters ("
              + raters.size()
              + "): nobody rates a pair twice");
    } else if (overlap > MAX_OVERLAP) {
      errors.add("overlap: at most " + MAX_OVERLAP + " votes per pair");
    }
    double goldRate = spec.goldRate() == null ? 0 : spec.goldRate();
    List<GoldRule> goldRules = spec.goldPairs() == null ? List.of() : spec.goldPairs();
    if (goldRate < 0 || goldRate > 0.5) {
      errors.add("goldRate: between 0 and 0.5");
    }
    if (goldRate > 0 && goldRules.isEmpty()) {
      errors.add("goldPairs: a gold rate needs gold pairs ({better, worse, dimension})");
    }
    Map<GoldRule, long[]> goldSystems = new LinkedHashMap<>();
    for (GoldRule rule : goldRules) {
      List<SystemUnderTest> two =
          systemsNamed(
              rule == null ? null : java.util.Arrays.asList(rule.better(), rule.worse()),
              "goldPairs",
              errors);
      if (rule != null && !dimensions.contains(rule.dimension())) {
        errors.add("goldPairs: dimension '" + rule.dimension() + "' is not rated in this campaign");
      }
      if (two.size() == 2 && two.get(0).id.equals(two.get(1).id)) {
        errors.add("goldPairs: better and worse must be different systems");
      } else if (two.size() == 2) {
        goldSystems.put(rule, new long[] {two.get(0).id, two.get(1).id});
      }
    }
    List<String> reasonTags =
        spec.reasonTags() == null ? DEFAULT_REASON_TAGS : distinct(spec.reasonTags());
    Double loudnessTarget = loudnessTarget(spec.loudnessTargetLufs(), errors);
    if (!errors.isEmpty()) {
      throw DomainException.invalid("Invalid campaign", String.join("; ", errors), errors);
    }
    Campaign campaign = new Campaign();
    campaign.id = UUID.randomUUID();
    campaign.name = name;
    campaign.dataset = dataset.orElseThrow();
    campaign.dimensions = dimensions;
    campaign.instructions = spec.instructions() == null ? "" : spec.instructions();
    campaign.reasonTags = reasonTags;
    campaign.overlap = overlap;
    campaign.goldRate = goldRate;
    campaign.status = "active";
    campaign.loudnessTargetLufs = loudnessTarget;
    campaign.revealSystemsAfterVote = Boolean.TRUE.equals(spec.revealSystemsAfterVote());
    campaign.createdBy = creator;
    List<Long> systemIds = compared.stream().map(s -> s.id).toList();
    campaign.audioSampleRate =
        Math.min(
            MAX_AUDIO_SAMPLE_RATE,
            store
                .highestSampleRate(campaign.dataset.id, systemIds)
                .orElse(DEFAULT_AUDIO_SAMPLE_RATE));
    campaign.audioSalt = UUID.randomUUID();
    campaigns.persistAndFlush(campaign);
    store.addSystems(campaign.id, systemIds);
    store.addRaters(campaign.id, raters);
    int pairs = store.addRegularPairs(campaign.id, campaign.dataset.id);
    if (pairs == 0) {
      throw DomainException.invalid(
          "Nothing to rate",
          "No prompt of dataset '"
              + spec.dataset()
              + "' has responses from two of the chosen systems; check the systems' responses");
    }
    for (Map.Entry<GoldRule, long[]> gold : goldSystems.entrySet()) {
      if (store.addGoldPairs(
              campaign.id,
              campaign.dataset.id,
              gold.getValue()[0],
              gold.getValue()[1],
              gold.getKey().dimension())
          == 0) {
        throw DomainException.invalid(
            "No gold pairs",
            "No prompt has responses from both "
                + gold.getKey().better()
                + " and "
                + gold.getKey().worse());
      }
    }
    store.addSideCounts(campaign.id);
    campaigns.getEntityManager().refresh(campaign);
    audit.record("campaign.created", campaign.id.toString(), "name", campaign.name);
    return summary(campaign);
  }

  /** Every campaign newest first, with its systems and raters: what researchers see. */
  public List<CampaignSummary> list() {
    return campaigns.newestFirst().stream().map(this::summary).toList();
  }

  /** Every campaign's id and name, newest first: what vote readers can filter by. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<CampaignChoice> choices() {
    return campaigns.newestFirst().stream().map(c -> new CampaignChoice(c.id, c.name)).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean exists(UUID id) {
    return campaigns.findByIdOptional(id).isPresent();
  }

  /** Fails with a not-found {@link DomainException} unless the campaign exists. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public void requireExisting(UUID id) {
    existing(id);
  }

  public CampaignDetail detail(UUID id) {
    Campaign campaign = existing(id);
    List<VoteRow> votes = store.votes(id);
    Map<Long, Map<String, Map<String, Integer>>> tallies = new HashMap<>();
    List<RaterQuality.Judgement> judgements = new ArrayList<>();
    for (VoteRow vote : votes) {
      boolean xHeardAsA = vote.responseA() == vote.responseX();
      verdicts(vote.verdictsJson())
          .forEach(
              (dimension, verdict) -> {
                Preference preference = Verdicts.preference(verdict, xHeardAsA);
                tallies
                    .computeIfAbsent(vote.pairId(), p -> new TreeMap<>())
                    .computeIfAbsent(dimension, d -> new TreeMap<>())
                    .merge(preference.name().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
                boolean knownAnswer = vote.gold() && dimension.equals(vote.goldDimension());
                if (!vote.gold() || knownAnswer) {
                  judgements.add(
                      new RaterQuality.Judgement(
                          vote.rater(),
                          vote.pairId(),
                          dimension,
                          preference,
                          knownAnswer ? Optional.of(Preference.X) : Optional.empty(),
                          vote.elapsedMs()));
                }
              });
    }
    List<RatingStore.PairProgress> stored = store.pairs(id);
    List<PairProgress> pairs =
        stored.stream()
            .map(
                p ->
                    new PairProgress(
                        p.id(),
                        p.prompt(),
                        p.systemX(),
                        p.systemY(),
                        p.gold(),
                        p.votes(),
                        tallies.getOrDefault(p.id(), Map.of())))
            .toList();
    return new CampaignDetail(
        summary(campaign, stored),
        campaign.instructions,
        campaign.reasonTags,
        pairs,
        RaterQuality.of(judgements));
  }

  /**
   * The campaign's votes that count, oldest first; with {@code history}, also those that a rater's
   * changed vote replaced (each names its replacement).
   */
  public List<VoteView> votes(UUID id, boolean history) {
    existing(id);
    return store.votes(id, history).stream()
        .map(
            v ->
                new VoteView(
                    v.id(),
                    v.assignmentId(),
                    v.rater(),
                    v.pairId(),
                    v.prompt(),
                    v.gold(),
                    v.systemA(),
                    v.systemB(),
                    v.responseA(),
                    v.responseB(),
                    verdicts(v.verdictsJson()),
                    strings(v.reasonTagsJson()),
                    v.comment(),
                    v.elapsedMs(),
                    v.createdAt(),
                    v.supersededBy(),
                    v.supersededAt()))
        .toList();
  }

  /**
   * Pauses, resumes or closes a campaign; paused and closed campaigns hand out nothing and accept
   * no votes. Closing is final: only an admin can {@link #reopen} a closed campaign. Who closed it
   * is kept with the campaign.
   */
  public CampaignSummary setStatus(UUID id, String status, String actor) {
    if (!List.of("active", "paused", "closed").contains(status)) {
      throw DomainException.invalidRequest("status must be active, paused or closed");
    }
    Campaign campaign = locked(id);
    if ("closed".equals(campaign.status) && !"closed".equals(status)) {
      throw DomainException.conflict(
          "Campaign closed",
          "Campaign '"
              + campaign.name
              + "' was closed by "
              + campaign.closedBy
              + "; closing is final unless an admin reopens it (POST /api/campaigns/"
              + id
              + "/reopen)");
    }
    if ("closed".equals(status) && !"closed".equals(campaign.status)) {
      campaign.closedBy = actor;
      campaign.closedAt = OffsetDateTime.now();
      LOG.infof("Campaign %s closed by %s", id, actor);
    }
    audit.record("campaign.status-changed", id.toString(), "from", campaign.status, "to", status);
    campaign.status = status;
    return summary(campaign);
  }

  /**
   * Changes a campaign's status (as {@link #setStatus}) and opt-in settings in one transaction: all
   * or nothing; a null argument is left as it is. The loudness target applies to audio fetched from
   * now on (each target is cached separately); revealing applies to items voted on before the
   * change too.
   *
   * @param loudnessTargetLufs the new target, or empty to leave levels as they are; null: unchanged
   * @param revealSystemsAfterVote the new setting; null: unchanged
   */
  public CampaignSummary change(
      UUID id,
      String status,
      Optional<Double> loudnessTargetLufs,
      Boolean revealSystemsAfterVote,
      String actor) {
    if (status != null) {
      setStatus(id, status, actor);
    }
    Campaign campaign = locked(id);
    List<String> errors = new ArrayList<>();
    if (loudnessTargetLufs != null) {
      Double target = loudnessTarget(loudnessTargetLufs.orElse(null), errors);
      if (errors.isEmpty()) {
        audit.record(
            "campaign.loudness-changed",
            id.toString(),
            "from",
            String.valueOf(campaign.loudnessTargetLufs),
            "to",
            String.valueOf(target));
        campaign.loudnessTargetLufs = target;
      }
    }
    if (!errors.isEmpty()) {
      throw DomainException.invalid("Invalid settings", String.join("; ", errors), errors);
    }
    if (revealSystemsAfterVote != null) {
      audit.record(
          "campaign.reveal-changed", id.toString(), "to", revealSystemsAfterVote.toString());
      campaign.revealSystemsAfterVote = revealSystemsAfterVote;
    }
    return summary(campaign);
  }

  /** Reopens a closed campaign (admins only, checked by the caller): it is active again. */
  public CampaignSummary reopen(UUID id, String admin) {
    Campaign campaign = locked(id);
    if (!"closed".equals(campaign.status)) {
      throw DomainException.conflict(
          "Campaign not closed",
          "Campaign '" + campaign.name + "' is " + campaign.status + "; only closed ones reopen");
    }
    campaign.status = "active";
    campaign.reopenedBy = admin;
    campaign.reopenedAt = OffsetDateTime.now();
    LOG.infof("Campaign %s reopened by %s", id, admin);
    audit.record("campaign.reopened", id.toString());
    return summary(campaign);
  }

  private Campaign locked(UUID id) {
    return campaigns
        .lock(id)
        .orElseThrow(
            () -> DomainException.notFound("No campaign " + id + "; list GET /api/campaigns"));
  }

  Campaign existing(UUID id) {
    return campaigns
        .findByIdOptional(id)
        .orElseThrow(
            () -> DomainException.notFound("No campaign " + id + "; list GET /api/campaigns"));
  }

  CampaignSummary summary(Campaign campaign) {
    return summary(campaign, store.pairs(campaign.id));
  }

  /** The summary, counted from the campaign's pairs as already read. */
  private CampaignSummary summary(Campaign campaign, List<RatingStore.PairProgress> allPairs) {
    List<RatingStore.PairProgress> regular = allPairs.stream().filter(p -> !p.gold()).toList();
    long pairs = regular.size();
    long votes = regular.stream().mapToLong(p -> Math.min(p.votes(), campaign.overlap)).sum();
    return new CampaignSummary(
        campaign.id,
        campaign.name,
        campaign.dataset.name,
        store.systems(campaign.id),
        campaign.dimensions,
        store.raters(campaign.id),
        campaign.overlap,
        campaign.goldRate,
        campaign.status,
        campaign.createdBy,
        campaign.createdAt,
        pairs,
        pairs * campaign.overlap,
        votes,
        campaign.loudnessTargetLufs,
        campaign.revealSystemsAfterVote);
  }

  /**
   * A loudness target as stored: null stays null (levels left as they are), a number must lie in
   * {@link #MIN_LOUDNESS_TARGET_LUFS}..{@link #MAX_LOUDNESS_TARGET_LUFS} and is kept to 0.1 LU (the
   * cached normalised audio is named by it).
   */
  private static Double loudnessTarget(Double requested, List<String> errors) {
    if (requested == null) {
      return null;
    }
    if (!(requested >= MIN_LOUDNESS_TARGET_LUFS && requested <= MAX_LOUDNESS_TARGET_LUFS)) {
      errors.add(
          "loudnessTargetLufs: between "
              + MIN_LOUDNESS_TARGET_LUFS
              + " and "
              + MAX_LOUDNESS_TARGET_LUFS
              + " LUFS (e.g. -23), or null to leave levels as they are");
      return null;
    }
    return Math.round(requested * 10) / 10.0;
  }

  private List<SystemUnderTest> systemsNamed(
      List<String> names, String field, List<String> errors) {
    if (names == null) {
      errors.add(field + ": name the systems");
      return List.of();
    }
    List<SystemUnderTest> found = new ArrayList<>();
    for (String name : new LinkedHashSet<>(names)) {
      systems
          .findByName(name)
          .ifPresentOrElse(
              found::add,
              () -> errors.add(field + ": no system '" + name + "'; list GET /api/systems"));
    }
    return found;
  }

  private static List<String> distinct(List<String> values) {
    return values == null
        ? List.of()
        : values.stream()
            .filter(v -> v != null && !v.isBlank())
            .map(String::strip)
            .distinct()
            .toList();
  }

  Map<String, String> verdicts(String verdictsJson) {
    try {
      return json.readValue(verdictsJson, new TypeReference<TreeMap<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored verdicts are not JSON: " + verdictsJson, e);
    }
  }

  private List<String> strings(String jsonArray) {
    try {
      return json.readValue(jsonArray, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored reason tags are not JSON: " + jsonArray, e);
    }
  }
}
