package dev.earshot.leaderboard.service;

import dev.earshot.leaderboard.repository.ScoreBattleRepository;
import dev.earshot.leaderboard.repository.ScoreBattleRepository.ScoredPair;
import dev.earshot.platform.error.DomainException;
import dev.earshot.preference.repository.PreferenceTallyRepository;
import dev.earshot.preference.repository.PreferenceTallyRepository.StoredPreference;
import dev.earshot.rating.service.CampaignService;
import dev.earshot.stats.Outcome;
import dev.earshot.stats.agreement.AgreementRate;
import dev.earshot.stats.agreement.CohensKappa;
import dev.earshot.stats.agreement.FleissKappa;
import dev.earshot.stats.agreement.JudgeAgreement;
import dev.earshot.stats.agreement.KrippendorffAlpha;
import dev.earshot.stats.agreement.PercentAgreement;
import dev.earshot.stats.agreement.RankCorrelation;
import dev.earshot.stats.agreement.RaterReport;
import dev.earshot.stats.agreement.RaterScreening;
import dev.earshot.stats.agreement.RatingMatrix;
import dev.earshot.stats.agreement.ScreeningCriteria;
import dev.earshot.stats.agreement.TieHandling;
import dev.earshot.stats.agreement.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Agreement among the human raters of one dimension, and AI judges audited against them. The raters
 * are people unless simulated raters are asked for ({@link RaterSource}); the two never mix.
 *
 * <p>An item is a prompt, an unordered pair of responses and the dimension. Verdicts are stored
 * from the point of view of the response presented first; here every verdict is turned to the point
 * of view of the response with the lower id, so that raters who heard the pair in different orders
 * are compared correctly. A rater who voted on an item more than once counts with the latest vote;
 * a judge with several verdicts on an item (re-runs, both orders) counts with its first.
 *
 * <p>With a campaign, the humans are that rating campaign's raters and votes only; judges are
 * audited against them on the items the campaign's raters voted on. Campaigns hold people's votes,
 * so a campaign goes with {@link RaterSource#HUMANS} only.
 */
@ApplicationScoped
public class AgreementService {

  private final PreferenceTallyRepository preferences;
  private final ScoreBattleRepository scoreBattles;
  private final LeaderboardService leaderboards;
  private final CampaignService campaigns;

  public AgreementService(
      PreferenceTallyRepository preferences,
      ScoreBattleRepository scoreBattles,
      LeaderboardService leaderboards,
      CampaignService campaigns) {
    this.preferences = preferences;
    this.scoreBattles = scoreBattles;
    this.leaderboards = leaderboards;
    this.campaigns = campaigns;
  }

  /**
   * Agreement figures of the human raters on one dimension (contract of {@code /api/agreement}).
   */
  @Schema(name = "RaterAgreement")
  public record AgreementView(
      String dimension,
      @Schema(
              description = "whose votes: humans (people only) or simulated (simulated raters)",
              enumeration = {"humans", "simulated"})
          String source,
      @Schema(description = "items (prompt, response pair) with at least one vote of the source")
          int items,
      int raterCount,
      PercentAgreementView percentAgreement,
      @Schema(
              description =
                  "Fleiss' κ on the direction (first / tie / second, both-bad as tie); null when"
                      + " undefined")
          Double fleissKappa,
      @Schema(
              description =
                  "Krippendorff's α on the five-point scale, ordinal metric, both-bad left out;"
                      + " null when undefined")
          Double krippendorffAlphaOrdinal,
      @Schema(
              description =
                  "unweighted Cohen's κ on the direction for every pair of raters sharing an item")
          List<PairKappaView> cohenKappa,
      List<RaterView> raters) {}

  /** Pairwise percent agreement on the direction; null when nothing was compared. */
  public record PercentAgreementView(
      @Schema(description = "every pair of raters on an item; tie = tie agrees") Double withTies,
      @Schema(description = "only pairs in which both raters preferred a response")
          Double withoutTies) {}

  /** Cohen's κ of two raters over the items both rated. */
  public record PairKappaView(
      String raterA,
      String raterB,
      @Schema(description = "null when undefined, e.g. both always gave the same direction")
          Double kappa,
      int items) {}

  /** One rater's screening result. */
  @Schema(name = "RaterScreening")
  public record RaterView(
      @Schema(
              description =
                  "the vote's source: rater:<name>, or simulated:<name> for a simulated rater")
          String rater,
      @Schema(
              description =
                  "leave-one-out agreement with the majority direction of the other raters, with"
                      + " ties; null when the rater shares no item")
          Double agreementWithOthers,
      @Schema(description = "items shared with at least one other rater") long sharedItems,
      @Schema(description = "accuracy on gold items; null, no gold items are defined yet")
          Double goldAccuracy,
      boolean flagged,
      @Schema(description = "why the rater is flagged; empty when not") List<String> reasons) {

    static RaterView of(RaterReport report) {
      return new RaterView(
          report.rater(),
          rate(report.agreementWithOthers()),
          report.agreementWithOthers().compared(),
          rate(report.goldAccuracy()),
          report.flagged(),
          report.reasons());
    }
  }

  /**
   * One judge version against the human raters, or the simulated ones when asked (contract of
   * {@code /api/judge-audit}); "human" in the field names means the raters of the chosen source.
   */
  @Schema(name = "JudgeAudit")
  public record JudgeAuditView(
      @Schema(description = "<judge id>@<version>") String judge,
      @Schema(description = "items this judge gave a verdict on") long items,
      @Schema(description = "items with both a verdict of this judge and human votes")
          long sharedItems,
      @Schema(
              description =
                  "agreement with the human majority direction on the shared items, ties counted;"
                      + " null without shared items")
          Double agreementWithHumanMajority,
      @Schema(
              description =
                  "the same over the shared items where the judge and the majority both preferred"
                      + " a response; null when there are none")
          Double agreementWithHumanMajorityWithoutTies,
      @Schema(description = "shared items where both preferred a response")
          long sharedItemsWithoutTies,
      @Schema(
              description =
                  "share of the judge's verdicts whose two presentation orders disagreed; null"
                      + " when none was judged in both orders")
          Double positionConflictRate,
      @Schema(description = "verdicts judged in both orders") long judgedInBothOrders,
      @Schema(
              description =
                  "rank correlation of this judge's leaderboard with the humans'; null when either"
                      + " leaderboard cannot be rated or fewer than two systems are shared")
          RankCorrelationView rankCorrelation) {}

  /** Spearman ρ and Kendall τ-b between two leaderboards' ratings. */
  public record RankCorrelationView(
      @Schema(description = "systems on both leaderboards") int systems,
      Double spearmanRho,
      Double kendallTauB) {}

  /**
   * The raters' agreement on {@code dimension}: of every vote of the source, or of the votes of one
   * campaign when {@code campaign} is not null.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public AgreementView agreement(String dimension, RaterSource source, UUID campaign) {
    requireDimension(dimension);
    RatingMatrix humans = raterRatings(dimension, source, campaign);
    List<PairKappaView> kappas = new ArrayList<>();
    List<String> raters = humans.raters();
    for (int a = 0; a < raters.size(); a++) {
      for (int b = a + 1; b < raters.size(); b++) {
        int shared = sharedItems(humans, raters.get(a), raters.get(b));
        if (shared > 0) {
          kappas.add(
              new PairKappaView(
                  raters.get(a),
                  raters.get(b),
                  finite(CohensKappa.onDirection(humans, raters.get(a), raters.get(b))),
                  shared));
        }
      }
    }
    return new AgreementView(
        dimension,
        source.leaderboardSource(),
        humans.itemCount(),
        humans.raterCount(),
        new PercentAgreementView(
            rate(PercentAgreement.of(humans, TieHandling.WITH_TIES)),
            rate(PercentAgreement.of(humans, TieHandling.WITHOUT_TIES))),
        finite(FleissKappa.onDirection(humans)),
        finite(KrippendorffAlpha.of(humans, KrippendorffAlpha.Metric.ORDINAL)),
        kappas,
        RaterScreening.screen(humans, Map.of(), ScreeningCriteria.defaults()).stream()
            .map(RaterView::of)
            .toList());
  }

  /**
   * Every judge version with verdicts on {@code dimension}, audited against the raters of the
   * source: all of them, or one campaign's when {@code campaign} is not null.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<JudgeAuditView> judgeAudit(String dimension, RaterSource source, UUID campaign) {
    requireDimension(dimension);
    RatingMatrix humans = raterRatings(dimension, source, campaign);
    Optional<Map<String, Double>> humanRatings =
        leaderboards.ratings(source.leaderboardSource(), dimension, campaign);
    Map<String, Map<String, JudgeVerdict>> judges = judgeVerdicts(dimension);
    List<JudgeAuditView> audits = new ArrayList<>();
    for (Map.Entry<String, Map<String, JudgeVerdict>> judge : judges.entrySet()) {
      Map<String, Outcome> directions = new LinkedHashMap<>();
      long judgedInBothOrders = 0;
      long conflicts = 0;
      for (Map.Entry<String, JudgeVerdict> verdict : judge.getValue().entrySet()) {
        directions.put(verdict.getKey(), verdict.getValue().verdict().direction());
        if (verdict.getValue().positionConflict() != null) {
          judgedInBothOrders++;
          conflicts += verdict.getValue().positionConflict() ? 1 : 0;
        }
      }
      AgreementRate withTies =
          JudgeAgreement.withHumanMajority(humans, directions, TieHandling.WITH_TIES);
      AgreementRate withoutTies =
          JudgeAgreement.withHumanMajority(humans, directions, TieHandling.WITHOUT_TIES);
      audits.add(
          new JudgeAuditView(
              judge.getKey(),
              directions.size(),
              withTies.compared(),
              rate(withTies),
              rate(withoutTies),
              withoutTies.compared(),
              rate(new AgreementRate(conflicts, judgedInBothOrders)),
              judgedInBothOrders,
              rankCorrelation(humanRatings, judge.getKey(), dimension)));
    }
    return audits;
  }

  private RankCorrelationView rankCorrelation(
      Optional<Map<String, Double>> humanRatings, String judge, String dimension) {
    if (humanRatings.isEmpty()) {
      return null;
    }
    Optional<Map<String, Double>> judgeRatings =
        leaderboards.ratings("judge:" + judge, dimension, null);
    if (judgeRatings.isEmpty()
        || judgeRatings.get().keySet().stream().filter(humanRatings.get()::containsKey).count()
            < 2) {
      return null;
    }
    RankCorrelation correlation = RankCorrelation.between(judgeRatings.get(), humanRatings.get());
    return new RankCorrelationView(
        correlation.systems(),
        finite(correlation.spearmanRho()),
        finite(correlation.kendallTauB()));
  }

  private static void requireDimension(String dimension) {
    if (dimension == null || dimension.isBlank()) {
      throw DomainException.invalidRequest(
          "dimension is required, e.g. ?dimension=content; agreement is computed per dimension of"
              + " the pairwise votes (content, prosody, emotion, nonspeech, quality, ...)");
    }
  }

  /**
   * The source's votes on the dimension (of the campaign, unless null), the latest per rater and
   * item; raters in name order.
   */
  private RatingMatrix raterRatings(String dimension, RaterSource source, UUID campaign) {
    if (campaign != null) {
      campaigns.requireExisting(campaign);
      if (source != RaterSource.HUMANS) {
        throw DomainException.invalidRequest(
            "campaign selects people's votes of a rating campaign: use it with source=humans, not "
                + source.leaderboardSource());
      }
    }
    Map<String, Map<String, Verdict>> byRater = new TreeMap<>();
    for (StoredPreference vote : preferences.raterVotes(source.sourceKind(), dimension, campaign)) {
      StoredVerdict stored = oriented(vote);
      byRater
          .computeIfAbsent(stored.source(), rater -> new LinkedHashMap<>())
          .put(stored.item(), stored.verdict());
    }
    RatingMatrix.Builder ratings = RatingMatrix.builder();
    byRater.forEach(
        (rater, votes) -> votes.forEach((item, verdict) -> ratings.add(item, rater, verdict)));
    return ratings.build();
  }

  private record JudgeVerdict(Verdict verdict, Boolean positionConflict) {}

  /**
   * judge → item → its first verdict on the item, judges in name order: pairwise judges' stored
   * verdicts, and pointwise judges' verdicts derived from their scores (the higher score wins, as
   * on their leaderboards).
   */
  private Map<String, Map<String, JudgeVerdict>> judgeVerdicts(String dimension) {
    Map<String, Map<String, JudgeVerdict>> judges = new TreeMap<>();
    List<StoredVerdict> verdicts = new ArrayList<>();
    preferences.judgeVerdicts(dimension).forEach(stored -> verdicts.add(oriented(stored)));
    scoreBattles.scoredPairs(dimension).forEach(pair -> verdicts.add(verdict(pair)));
    for (StoredVerdict stored : verdicts) {
      judges
          .computeIfAbsent(stored.source(), judge -> new LinkedHashMap<>())
          .putIfAbsent(
              stored.item(), new JudgeVerdict(stored.verdict(), stored.positionConflict()));
    }
    return judges;
  }

  /** Pointwise scores of two responses to one prompt by one judge version, as a verdict. */
  private static StoredVerdict verdict(ScoredPair pair) {
    int sign = pair.scoreSign();
    Verdict verdict = sign > 0 ? Verdict.A_BETTER : sign < 0 ? Verdict.B_BETTER : Verdict.TIE;
    return new StoredVerdict(
        pair.promptId() + "/" + pair.responseAId() + "-" + pair.responseBId(),
        pair.judge(),
        verdict,
        null);
  }

  /** A stored preference with its verdict turned to the point of view of the lower response id. */
  private record StoredVerdict(
      String item, String source, Verdict verdict, Boolean positionConflict) {}

  private static StoredVerdict oriented(StoredPreference preference) {
    long first = preference.responseAId();
    long second = preference.responseBId();
    Verdict verdict = Verdict.valueOf(preference.verdict().toUpperCase(Locale.ROOT));
    return new StoredVerdict(
        preference.promptId() + "/" + Math.min(first, second) + "-" + Math.max(first, second),
        preference.source(),
        first < second ? verdict : swapped(verdict),
        preference.positionConflict());
  }

  /** The same verdict seen from the other response's side. */
  private static Verdict swapped(Verdict verdict) {
    return verdict.onScale() ? Verdict.ofScore(-verdict.score()) : verdict;
  }

  private static int sharedItems(RatingMatrix ratings, String raterA, String raterB) {
    int shared = 0;
    for (String item : ratings.items()) {
      if (ratings.verdict(item, raterA).isPresent() && ratings.verdict(item, raterB).isPresent()) {
        shared++;
      }
    }
    return shared;
  }

  private static Double rate(AgreementRate rate) {
    return finite(rate.rate());
  }

  /** JSON has no NaN: undefined statistics become null. */
  private static Double finite(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
