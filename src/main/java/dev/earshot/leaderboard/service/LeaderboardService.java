package dev.earshot.leaderboard.service;

import dev.earshot.feature.service.ResponseFeatures;
import dev.earshot.leaderboard.repository.ArenaBattleRepository;
import dev.earshot.leaderboard.repository.ResponseAudioRepository;
import dev.earshot.leaderboard.repository.ScoreBattleRepository;
import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.platform.error.DomainException;
import dev.earshot.preference.repository.PreferenceTallyRepository;
import dev.earshot.preference.repository.PreferenceTallyRepository.PairTally;
import dev.earshot.preference.repository.PreferenceTallyRepository.PreferenceSelection;
import dev.earshot.preference.repository.PreferenceTallyRepository.VerdictBattle;
import dev.earshot.preference.repository.PreferenceTallyRepository.VerdictWindow;
import dev.earshot.rating.service.CampaignService;
import dev.earshot.rating.service.CampaignViews.CampaignChoice;
import dev.earshot.stats.BootstrapSettings;
import dev.earshot.stats.BradleyTerryModel;
import dev.earshot.stats.Leaderboard;
import dev.earshot.stats.LeaderboardRow;
import dev.earshot.stats.NonIdentifiableRatingsException;
import dev.earshot.stats.Outcome;
import dev.earshot.stats.PairwiseCounts;
import dev.earshot.stats.RatingScale;
import dev.earshot.stats.StyleBattles;
import dev.earshot.stats.StyleCoefficient;
import dev.earshot.stats.StyleControlledFit;
import dev.earshot.stats.StyleControlledFit.StyleControlledRating;
import dev.earshot.stats.StyleControlledModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Bradley–Terry leaderboards (ties as half a win each way, Elo-like scale centred at 1000) with
 * Wald errors and seeded bootstrap intervals, per source of pairwise verdicts. People's votes
 * ({@code humans}) and simulated raters' votes ({@code simulated}) are separate sources and never
 * mix.
 */
@ApplicationScoped
public class LeaderboardService {

  public static final int MAX_BOOTSTRAP = 10_000;

  /** Most bootstrap rounds for readers without the researcher role: the default, no more. */
  public static final int MAX_PUBLIC_BOOTSTRAP = BootstrapSettings.DEFAULT_ROUNDS;

  /** The source of people's votes only. */
  public static final String HUMANS = "humans";

  /** The source of simulated raters' votes (a data set's votes marked simulated). */
  public static final String SIMULATED = "simulated";

  private static final double RIDGE = 0.01;
  private static final Map<String, Outcome> STORED_OUTCOMES =
      ArenaBattleRepository.STORED_OUTCOMES.entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));

  /**
   * Five-point verdicts collapse to the direction: "much" only matters for agreement statistics.
   */
  private static final Map<String, Outcome> VERDICT_OUTCOMES =
      Map.of(
          "a_much_better", Outcome.A_WINS,
          "a_better", Outcome.A_WINS,
          "tie", Outcome.TIE,
          "b_better", Outcome.B_WINS,
          "b_much_better", Outcome.B_WINS,
          "both_bad", Outcome.BOTH_BAD);

  private static final List<String> STYLE_COVARIATES =
      List.of("durationSeconds", "speakingRateSyllablesPerSecond", "loudness10Lu");
  private static final double SILENT_LUFS = -70;

  private final PreferenceTallyRepository preferences;
  private final ScoreBattleRepository scoreBattles;
  private final ArenaBattleRepository arenaBattles;
  private final ResponseAudioRepository responseAudio;
  private final ResponseFeatures features;
  private final CampaignService campaigns;
  private final int minBattles;
  private final BootstrapPool bootstrapPool;

  public LeaderboardService(
      PreferenceTallyRepository preferences,
      ScoreBattleRepository scoreBattles,
      ArenaBattleRepository arenaBattles,
      ResponseAudioRepository responseAudio,
      ResponseFeatures features,
      CampaignService campaigns,
      EarshotConfig config,
      BootstrapPool bootstrapPool) {
    this.preferences = preferences;
    this.scoreBattles = scoreBattles;
    this.arenaBattles = arenaBattles;
    this.responseAudio = responseAudio;
    this.features = features;
    this.campaigns = campaigns;
    this.bootstrapPool = bootstrapPool;
    this.minBattles = config.leaderboard().minBattles();
  }

  /** Battles below which a row is marked {@code fewBattles}. */
  public int minBattles() {
    return minBattles;
  }

  /** One leaderboard row (contract of {@code GET /api/leaderboard}). */
  @Schema(name = "LeaderboardRow")
  public record RowView(
      String system,
      double rating,
      @Schema(description = "Wald standard error from the Fisher information, rating points")
          double standardError,
      @Schema(description = "percentile bootstrap interval (Wald interval when bootstrap=0)")
          double ciLow,
      double ciHigh,
      @Schema(
              description =
                  "1 + number of systems whose lower bound is above this one's upper bound")
          int rankUpperBound,
      long battles,
      long wins,
      long losses,
      @Schema(description = "ties, both-bad included") long ties,
      @Schema(description = "of the ties, how many were 'both bad'") long bothBad,
      @Schema(
              description =
                  "true when some system never lost or never won, so the ratings are from a fit with"
                      + " a small ridge (0.01 on the log-strengths) instead of the plain maximum likelihood")
          boolean regularised,
      @Schema(
              description =
                  "true when the system has fewer battles than earshot.leaderboard.min-battles:"
                      + " its rating and interval rest on too little to rank it")
          boolean fewBattles) {

    static RowView of(LeaderboardRow row, boolean regularised, int minBattles) {
      return new RowView(
          row.system(),
          row.rating(),
          row.standardError(),
          row.ciLow(),
          row.ciHigh(),
          row.rankUpperBound(),
          row.battles(),
          row.wins(),
          row.losses(),
          row.ties() + row.bothBad(),
          row.bothBad(),
          regularised,
          row.battles() < minBattles);
    }
  }

  /** The rows of systems with enough battles ({@code hideFewBattles}); ranks are not recomputed. */
  public static List<RowView> withoutFewBattles(List<RowView> rows) {
    return rows.stream().filter(row -> !row.fewBattles()).toList();
  }

  /**
   * What to rank and how.
   *
   * @param source {@code humans} (people's votes only), {@code simulated} (simulated raters' votes,
   *     e.g. the demo's), {@code judges} (all judges), {@code judge:<id>} (every version), {@code
   *     judge:<id>@<version>} or {@code arena:<name>}
   * @param dimension the dimension of human and judge verdicts; ignored for arenas
   * @param dataset only verdicts on prompts of this dataset, or null
   * @param campaign only the human votes of this rating campaign, or null; only with {@code
   *     humans}, since judge and arena verdicts belong to no campaign
   * @param since only verdicts made at or after this time, or null
   * @param asOf the leaderboard as it was at this time (verdicts made until then), or null
   * @param davidson ties by the Davidson model instead of half a win each way
   * @param anchorSystem the system pinned at {@code anchorRating}, or null to centre at 1000
   * @param bootstrap bootstrap rounds (0: Wald intervals only)
   */
  public record LeaderboardQuery(
      String source,
      String dimension,
      String dataset,
      UUID campaign,
      OffsetDateTime since,
      OffsetDateTime asOf,
      boolean davidson,
      String anchorSystem,
      double anchorRating,
      int bootstrap,
      long seed) {

    /** The last instant of a day, UTC: "as of 2026-11-26" includes that whole day. */
    public static OffsetDateTime endOfDay(LocalDate day) {
      return day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC).minusNanos(1);
    }

    /** The first instant of a day, UTC. */
    public static OffsetDateTime startOfDay(LocalDate day) {
      return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<RowView> leaderboard(LeaderboardQuery query) {
    return leaderboard(query, MAX_BOOTSTRAP);
  }

  /**
   * The leaderboard with at most {@code maxBootstrap} bootstrap rounds: {@link
   * #MAX_PUBLIC_BOOTSTRAP} for readers without the researcher role (the public leaderboard).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<RowView> leaderboard(LeaderboardQuery query, int maxBootstrap) {
    if (query.bootstrap() < 0 || query.bootstrap() > maxBootstrap) {
      throw DomainException.invalidRequest("bootstrap must be between 0 and " + maxBootstrap);
    }
    PairwiseCounts counts = counts(query);
    if (counts.totalVotes() == 0) {
      return List.of();
    }
    if (query.anchorSystem() != null && !counts.systems().contains(query.anchorSystem())) {
      throw DomainException.invalid(
          "Unknown anchor",
          "System '"
              + query.anchorSystem()
              + "' is not on this leaderboard; it ranks "
              + counts.systems());
    }
    RatingScale scale =
        query.anchorSystem() == null
            ? RatingScale.elo()
            : RatingScale.anchored(
                RatingScale.DEFAULT_SCALE,
                RatingScale.DEFAULT_BASE,
                query.anchorSystem(),
                query.anchorRating());
    BradleyTerryModel model =
        query.davidson() ? BradleyTerryModel.davidson() : BradleyTerryModel.halfWin();
    BootstrapSettings bootstrap =
        BootstrapSettings.seeded(query.seed()).withRounds(query.bootstrap());
    boolean regularised = false;
    List<LeaderboardRow> rows;
    try {
      rows = Leaderboard.compute(counts, model, scale, bootstrap, bootstrapPool.executor()).rows();
    } catch (NonIdentifiableRatingsException e) {
      // A system that never lost (or never won) has no finite maximum-likelihood rating; like
      // FastChat's barely penalised logistic regression, a small ridge keeps it finite and ranked.
      rows =
          Leaderboard.compute(
                  counts, model.withRidge(RIDGE), scale, bootstrap, bootstrapPool.executor())
              .rows();
      regularised = true;
    }
    boolean flagged = regularised;
    return rows.stream().map(row -> RowView.of(row, flagged, minBattles)).toList();
  }

  /**
   * System → rating of the same leaderboard as {@link #leaderboard} without bootstrap; empty when
   * the source has no votes on the dimension (in the campaign, when one is given).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Map<String, Double>> ratings(String source, String dimension, UUID campaign) {
    List<RowView> rows =
        leaderboard(
            new LeaderboardQuery(
                source, dimension, null, campaign, null, null, false, null, Double.NaN, 0, 1));
    return rows.isEmpty()
        ? Optional.empty()
        : Optional.of(rows.stream().collect(Collectors.toMap(RowView::system, RowView::rating)));
  }

  /**
   * Win rates (wins plus half the ties, over battles) and battle counts between every two systems,
   * rows and columns in leaderboard order; a cell without battles has a null rate.
   */
  @Schema(name = "WinRateMatrix")
  public record WinRateMatrix(List<String> systems, Double[][] winRate, long[][] battles) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public WinRateMatrix matrix(LeaderboardQuery query, List<String> order) {
    PairwiseCounts counts = counts(query);
    int n = order.size();
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < n; i++) {
      position.put(order.get(i), i);
    }
    Double[][] winRate = new Double[n][n];
    long[][] battles = new long[n][n];
    for (int pair = 0; pair < counts.pairCount(); pair++) {
      Integer first = position.get(counts.systems().get(counts.first(pair)));
      Integer second = position.get(counts.systems().get(counts.second(pair)));
      if (first == null || second == null) {
        continue;
      }
      long votes = counts.votes(pair);
      double ties = counts.modelTies(pair);
      battles[first][second] = votes;
      battles[second][first] = votes;
      if (votes > 0) {
        winRate[first][second] = (counts.winsFirst(pair) + ties / 2) / votes;
        winRate[second][first] = (counts.winsSecond(pair) + ties / 2) / votes;
      }
    }
    return new WinRateMatrix(order, winRate, battles);
  }

  /** Rows as CSV with a header line, numbers as the JSON shows them. */
  public static String csv(List<RowView> rows) {
    StringBuilder csv =
        new StringBuilder(
            "system,rating,standardError,ciLow,ciHigh,rankUpperBound,battles,wins,losses,ties,bothBad\n");
    for (RowView row : rows) {
      csv.append(
              String.join(
                  ",",
                  quoted(row.system()),
                  Double.toString(row.rating()),
                  Double.toString(row.standardError()),
                  Double.toString(row.ciLow()),
                  Double.toString(row.ciHigh()),
                  Integer.toString(row.rankUpperBound()),
                  Long.toString(row.battles()),
                  Long.toString(row.wins()),
                  Long.toString(row.losses()),
                  Long.toString(row.ties()),
                  Long.toString(row.bothBad())))
          .append('\n');
    }
    return csv.toString();
  }

  private static String quoted(String value) {
    return value.contains(",") || value.contains("\"")
        ? "\"" + value.replace("\"", "\"\"") + "\""
        : value;
  }

  /** Names of the arenas with imported battles. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<String> arenas() {
    return arenaBattles.arenas();
  }

  /** Campaign ids as choices for the views: the filter applies to human votes. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<CampaignChoice> campaigns() {
    return campaigns.choices();
  }

  /**
   * Why a leaderboard has no rows, in words for its reader: above all that {@code humans} counts
   * people only, so the demo's simulated votes are not there.
   */
  public static String emptyNote(LeaderboardQuery query) {
    String dimension = query.dimension() == null ? "" : " on " + query.dimension();
    if (HUMANS.equals(query.source())) {
      return query.campaign() != null
          ? "No votes" + dimension + " in this campaign yet."
          : "No human votes"
              + dimension
              + " yet: people vote in rating campaigns or come with an imported votes.jsonl."
              + " Simulated raters (such as the demo's) are not people: choose source simulated"
              + " to see them.";
    }
    if (SIMULATED.equals(query.source())) {
      return "No simulated votes" + dimension + ".";
    }
    return "No verdicts yet for this source" + dimension + ".";
  }

  private PairwiseCounts counts(LeaderboardQuery query) {
    requireCampaignOfHumans(query);
    String source = query.source();
    if (source != null && source.startsWith("arena:")) {
      return arenaCounts(source.substring("arena:".length()), query);
    }
    PreferenceSource preferenceSource =
        PreferenceSource.of(source)
            .orElseThrow(
                () ->
                    DomainException.invalidRequest(
                        "source must be humans, simulated, judges, judge:<id>,"
                            + " judge:<id>@<version> or arena:<name>; got "
                            + source));
    return preferenceCounts(preferenceSource, query);
  }

  /**
   * The kind of preference a source ranks ({@code human}, {@code simulated} or {@code judge}) and,
   * for one judge, {@code <id>} or {@code <id>@<version>}.
   */
  private record PreferenceSource(String kind, String judge) {

    /** The source's preferences; empty for arenas and anything unknown. */
    static Optional<PreferenceSource> of(String source) {
      if (HUMANS.equals(source)) {
        return Optional.of(new PreferenceSource("human", null));
      }
      if (SIMULATED.equals(source)) {
        return Optional.of(new PreferenceSource("simulated", null));
      }
      if ("judges".equals(source)) {
        return Optional.of(new PreferenceSource("judge", null));
      }
      if (source != null && source.startsWith("judge:") && source.length() > "judge:".length()) {
        return Optional.of(new PreferenceSource("judge", source.substring("judge:".length())));
      }
      return Optional.empty();
    }

    boolean judges() {
      return "judge".equals(kind);
    }
  }

  private PairwiseCounts arenaCounts(String arena, LeaderboardQuery query) {
    List<PairTally> tallies = arenaBattles.tallies(arena, query.since(), query.asOf());
    if (tallies.isEmpty() && query.since() == null && query.asOf() == null) {
      throw DomainException.notFound(
          "No battles in arena '"
              + arena
              + "'; import them with POST /api/arenas/"
              + arena
              + "/battles");
    }
    return countsOf(tallies, STORED_OUTCOMES);
  }

  /**
   * Verdicts of people, simulated raters or judges, by system pair. A judge's verdict on the same
   * pair and dimension counts once even when several runs stored it; a judge's scores count as
   * battles between every two systems it scored on the same prompt.
   */
  private PairwiseCounts preferenceCounts(PreferenceSource source, LeaderboardQuery query) {
    List<PairTally> tallies =
        new ArrayList<>(preferences.tallies(preferenceSelection(source, query)));
    if (source.judges()) {
      tallies.addAll(scoreBattles.tallies(source.judge(), query.dimension(), window(query)));
    }
    return countsOf(tallies, VERDICT_OUTCOMES);
  }

  /** Tallies as pairwise counts, each stored verdict read with {@code outcomes}. */
  private static PairwiseCounts countsOf(List<PairTally> tallies, Map<String, Outcome> outcomes) {
    PairwiseCounts.Builder counts = PairwiseCounts.builder();
    for (PairTally tally : tallies) {
      counts.add(tally.systemA(), tally.systemB(), outcomes.get(tally.verdict()), tally.count());
    }
    return counts.build();
  }

  /** The rater or judge verdicts that {@code query} selects; they need a dimension. */
  private static PreferenceSelection preferenceSelection(
      PreferenceSource source, LeaderboardQuery query) {
    if (query.dimension() == null) {
      throw DomainException.invalidRequest(
          "dimension is required for human, simulated and judge leaderboards");
    }
    return new PreferenceSelection(
        source.kind(), source.judge(), query.dimension(), query.campaign(), window(query));
  }

  private static VerdictWindow window(LeaderboardQuery query) {
    return new VerdictWindow(query.dataset(), query.since(), query.asOf());
  }

  /**
   * Style-controlled ratings with the fitted style coefficients, or, when the battles cannot
   * support the fit, no rows and the reason.
   */
  @Schema(name = "StyleControlledLeaderboard")
  public record StyleControlledView(
      @Schema(description = "true when the model was fitted; false: no rows, see reason")
          boolean fitted,
      @Schema(
              description =
                  "why there is no fit: no battles, not enough battles for the parameters, or"
                      + " not identifiable (a system that never lost or won, style differences that"
                      + " separate wins from losses); null when fitted")
          String reason,
      @Schema(description = "battles (verdicts) the fit used or would have used") long battles,
      List<StyleControlledRating> rows,
      @Schema(
              description =
                  "per covariate: effect on the log-odds of winning per unit of difference")
          List<StyleCoefficient> coefficients) {

    static StyleControlledView notFitted(long battles, String reason) {
      return new StyleControlledView(false, reason, battles, List.of(), List.of());
    }
  }

  /**
   * The leaderboard with style control: the duration, speaking-rate and loudness differences of the
   * two responses are fitted jointly with the strengths, so a system is not rewarded merely for
   * being longer or louder. Units: seconds, syllables per second, 10 LU.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public StyleControlledView styleControlled(LeaderboardQuery query) {
    requireCampaignOfHumans(query);
    PreferenceSource source =
        PreferenceSource.of(query.source())
            .orElseThrow(
                () ->
                    DomainException.invalidRequest(
                        "style control needs the responses' audio: use source humans, simulated,"
                            + " judges or judge:<id>"));
    List<VerdictBattle> verdicts = preferences.battles(preferenceSelection(source, query));
    StyleBattles.Builder battles = StyleBattles.builder(STYLE_COVARIATES);
    for (VerdictBattle verdict : verdicts) {
      Style a = style(verdict.responseAId());
      Style b = style(verdict.responseBId());
      battles.add(
          verdict.systemA(),
          verdict.systemB(),
          VERDICT_OUTCOMES.get(verdict.verdict()),
          a.durationSeconds() - b.durationSeconds(),
          a.syllablesPerSecond() - b.syllablesPerSecond(),
          (a.loudnessLufs() - b.loudnessLufs()) / 10);
    }
    if (verdicts.isEmpty()) {
      return StyleControlledView.notFitted(0, "No battles: nothing to fit.");
    }
    StyleBattles built = battles.build();
    // One strength per system but one (fixed by centring), plus a coefficient per covariate.
    int parameters = built.systems().size() - 1 + STYLE_COVARIATES.size();
    if (verdicts.size() <= parameters) {
      return StyleControlledView.notFitted(
          verdicts.size(),
          "Not enough battles: %d battles for %d parameters (%d systems, %d style covariates)."
              .formatted(
                  verdicts.size(), parameters, built.systems().size(), STYLE_COVARIATES.size()));
    }
    try {
      StyleControlledFit fit = StyleControlledModel.defaults().fit(built);
      return new StyleControlledView(
          true, null, verdicts.size(), fit.ratings(RatingScale.elo()), fit.coefficients());
    } catch (NonIdentifiableRatingsException e) {
      return StyleControlledView.notFitted(verdicts.size(), "Not identifiable: " + e.getMessage());
    } catch (IllegalStateException e) {
      // StyleControlledModel's documented failure: no finite estimate (too few or too
      // one-sided battles for the style effects).
      return StyleControlledView.notFitted(
          verdicts.size(),
          "Not identifiable with these battles: "
              + e.getMessage()
              + ". More battles, or battles whose style differences do not decide the outcome,"
              + " are needed.");
    }
  }

  private record Style(double durationSeconds, double syllablesPerSecond, double loudnessLufs) {}

  private Style style(long responseId) {
    ResponseFeatures.Features measured = features.of(responseAudio.audioSha256(responseId));
    Double loudness = measured.quality().loudnessLufs();
    return new Style(
        measured.prosody().durationSeconds(),
        measured.prosody().speakingRateSyllablesPerSecond(),
        // Digital silence has no loudness: treat it as very quiet rather than dropping the vote.
        loudness == null ? SILENT_LUFS : loudness);
  }

  /**
   * A campaign filter must name an existing campaign (404 otherwise) and go with {@code
   * source=humans} (400 otherwise): only people vote in campaigns, so filtering judge or arena
   * verdicts by one would silently rank nothing.
   */
  private void requireCampaignOfHumans(LeaderboardQuery query) {
    if (query.campaign() == null) {
      return;
    }
    campaigns.requireExisting(query.campaign());
    if (!HUMANS.equals(query.source())) {
      throw DomainException.invalidRequest(
          "campaign selects the human votes of a rating campaign: use it with source=humans, not "
              + query.source());
    }
  }
}
