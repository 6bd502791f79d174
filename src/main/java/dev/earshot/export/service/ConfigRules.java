package dev.earshot.export.service;

import dev.earshot.export.repository.SourceSelector;
import dev.earshot.export.selection.Aggregation;
import dev.earshot.export.selection.TiePolicy;
import dev.earshot.export.service.ExportConfig.AudioMode;
import dev.earshot.export.service.ExportConfig.Format;
import dev.earshot.export.service.ExportConfig.PairsFrom;
import dev.earshot.platform.error.DomainException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Checks an export config and fills in its defaults. Every problem is reported at once, each naming
 * its field; a field that does not apply to the chosen format is an error rather than silently
 * ignored, so the stored config says exactly what shaped the files.
 */
final class ConfigRules {

  static final double DEFAULT_KTO_THRESHOLD = 0.5;
  static final int MIN_SAMPLE_RATE = 1_000;
  static final int MAX_SAMPLE_RATE = 768_000;

  /** What the rules look up in the database. */
  interface Catalogue {
    boolean datasetExists(String name);

    boolean systemExists(String name);

    /** Whether the judge (any version when {@code version} is null) ever existed. */
    boolean judgeExists(String id, String version);

    boolean campaignExists(UUID id);

    /** Why no codec encoder can make tokens now; empty when one is loaded. */
    Optional<String> codecEncoderUnavailable();
  }

  private ConfigRules() {}

  /** The config with defaults filled in, or a 422 listing every bad field. */
  static ExportConfig normalise(ExportConfig config, Catalogue catalogue) {
    List<Map<String, String>> errors = new ArrayList<>();
    Format format = config.format();
    if (format == null) {
      errors.add(error("format", "required; one of " + lowercase(Format.values())));
      throw invalid(errors);
    }
    boolean scalar = format == Format.SCALAR_REWARDS;
    boolean kto = format == Format.TRL_KTO;
    PairsFrom pairsFrom = config.pairsFrom();
    if (scalar && pairsFrom != null) {
      errors.add(error("pairsFrom", "does not apply to scalar_rewards, which always reads scores"));
    }
    PairsFrom origin = scalar ? null : pairsFrom == null ? PairsFrom.VOTES : pairsFrom;
    boolean fromScores = scalar || origin == PairsFrom.SCORES;

    if (config.dataset() != null && !catalogue.datasetExists(config.dataset())) {
      errors.add(error("dataset", "no dataset named '" + config.dataset() + "'"));
    }
    List<String> systems = null;
    if (config.systems() != null && !config.systems().isEmpty()) {
      systems = List.copyOf(new TreeSet<>(config.systems()));
      for (String system : systems) {
        if (!catalogue.systemExists(system)) {
          errors.add(error("systems", "no system named '" + system + "'"));
        }
      }
    }
    String dimension = config.dimension();
    if (dimension != null && dimension.isBlank()) {
      errors.add(error("dimension", "must not be blank"));
    }
    if (kto && dimension == null) {
      errors.add(
          error("dimension", "required for trl_kto: one label per response needs one dimension"));
    }
    List<String> sources = sources(config, fromScores, catalogue, errors);
    UUID campaign = config.campaign();
    if (campaign != null) {
      if (!catalogue.campaignExists(campaign)) {
        errors.add(error("campaign", "no campaign " + campaign + "; list GET /api/campaigns"));
      }
      if (fromScores) {
        errors.add(error("campaign", "applies to votes only: campaigns collect human votes"));
      } else if (!sources.contains(SourceSelector.HUMANS)) {
        errors.add(error("campaign", "filters human votes: add humans to sources"));
      }
    }
    if (config.since() != null
        && config.until() != null
        && config.since().isAfter(config.until())) {
      errors.add(error("until", "must not be before since"));
    }

    Aggregation aggregation = config.aggregation();
    Double minAgreement = config.minAgreement();
    if (fromScores) {
      rejectWith(aggregation, "aggregation", "applies to votes only", errors);
      rejectWith(minAgreement, "minAgreement", "applies to votes only", errors);
    } else {
      aggregation = aggregation == null ? Aggregation.MAJORITY : aggregation;
      minAgreement = minAgreement == null ? 0 : minAgreement;
      if (!(minAgreement >= 0 && minAgreement <= 1)) {
        errors.add(error("minAgreement", "must be between 0 and 1"));
      }
    }
    TiePolicy tiePolicy = config.tiePolicy();
    Double minMargin = config.minMargin();
    if (scalar) {
      rejectWith(minMargin, "minMargin", "applies to pair and KTO formats", errors);
    } else {
      minMargin = minMargin == null ? 0 : minMargin;
      if (!(minMargin >= 0) || minMargin.isInfinite()) {
        errors.add(error("minMargin", "must be a finite number >= 0"));
      }
    }
    Boolean keepWithoutSignal = config.keepPairsWithoutSignal();
    if (format.pairs()) {
      tiePolicy = tiePolicy == null ? TiePolicy.EXCLUDE : tiePolicy;
      keepWithoutSignal = keepWithoutSignal != null && keepWithoutSignal;
    } else {
      rejectWith(keepWithoutSignal, "keepPairsWithoutSignal", "applies to pair formats", errors);
      rejectWith(
          tiePolicy,
          "tiePolicy",
          kto ? "does not apply to trl_kto: ties never count" : "applies to pair formats",
          errors);
    }
    Double ktoThreshold = config.ktoThreshold();
    if (kto && fromScores) {
      ktoThreshold = ktoThreshold == null ? DEFAULT_KTO_THRESHOLD : ktoThreshold;
      if (!(ktoThreshold >= 0 && ktoThreshold <= 1)) {
        errors.add(error("ktoThreshold", "must be between 0 and 1 (scores are)"));
      }
    } else {
      rejectWith(ktoThreshold, "ktoThreshold", "applies to trl_kto from scores only", errors);
    }
    Map<String, Double> weights = null;
    Boolean normalise = config.normalizePerPrompt();
    if (scalar) {
      weights = weights(config, dimension, errors);
      normalise = normalise != null && normalise;
    } else {
      rejectWith(config.weights(), "weights", "applies to scalar_rewards only", errors);
      rejectWith(normalise, "normalizePerPrompt", "applies to scalar_rewards only", errors);
    }
    Integer sampleRate = config.sampleRate();
    if (sampleRate != null && (sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE)) {
      errors.add(
          error("sampleRate", "must be between " + MIN_SAMPLE_RATE + " and " + MAX_SAMPLE_RATE));
    }
    Boolean codecTokens = config.codecTokens();
    if (format == Format.TRL_STANDARD || format == Format.TRL_CONVERSATIONAL) {
      codecTokens = codecTokens != null && codecTokens;
      if (codecTokens) {
        catalogue
            .codecEncoderUnavailable()
            .ifPresent(why -> errors.add(error("codecTokens", "no codec encoder: " + why)));
      }
    } else {
      rejectWith(
          codecTokens, "codecTokens", "applies to trl_standard and trl_conversational", errors);
    }
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    return new ExportConfig(
        format,
        config.dataset(),
        systems,
        dimension,
        sources,
        campaign,
        origin,
        config.since() == null ? null : config.since().withOffsetSameInstant(ZoneOffset.UTC),
        config.until() == null ? null : config.until().withOffsetSameInstant(ZoneOffset.UTC),
        aggregation,
        tiePolicy,
        minAgreement,
        minMargin,
        ktoThreshold,
        weights,
        normalise,
        config.audio() == null ? AudioMode.COPY : config.audio(),
        sampleRate,
        keepWithoutSignal,
        codecTokens);
  }

  private static List<String> sources(
      ExportConfig config,
      boolean fromScores,
      Catalogue catalogue,
      List<Map<String, String>> errors) {
    List<String> requested = config.sources();
    if (requested == null || requested.isEmpty()) {
      return List.of(fromScores ? SourceSelector.JUDGES : SourceSelector.HUMANS);
    }
    TreeSet<String> sources = new TreeSet<>();
    for (String selector : requested) {
      SourceSelector source = SourceSelector.parse(selector);
      if (source == null) {
        errors.add(
            error(
                "sources",
                "'"
                    + selector
                    + "' is not humans, simulated, judges, judge:<id> or judge:<id>@<version>"));
      } else if (source.raters() && fromScores) {
        errors.add(
            error(
                "sources", selector + " give votes, not scores: choose judges for a score export"));
      } else if (source.judgeId() != null
          && !catalogue.judgeExists(source.judgeId(), source.version())) {
        errors.add(error("sources", "no judge " + selector.substring("judge:".length())));
      } else {
        sources.add(selector);
      }
    }
    return List.copyOf(sources);
  }

  private static Map<String, Double> weights(
      ExportConfig config, String dimension, List<Map<String, String>> errors) {
    if (config.weights() == null || config.weights().isEmpty()) {
      if (dimension == null) {
        errors.add(
            error(
                "weights",
                "required for scalar_rewards without a dimension, e.g. {\"content\": 1}"));
        return null;
      }
      return Map.of(dimension, 1.0);
    }
    Map<String, Double> weights = new TreeMap<>();
    config
        .weights()
        .forEach(
            (weighted, weight) -> {
              if (weight == null || !Double.isFinite(weight)) {
                errors.add(error("weights." + weighted, "must be a finite number"));
              } else if (dimension != null && !dimension.equals(weighted)) {
                errors.add(
                    error(
                        "weights." + weighted,
                        "the export keeps only dimension '" + dimension + "'"));
              } else {
                weights.put(weighted, weight);
              }
            });
    return weights;
  }

  private static void rejectWith(
      Object value, String field, String why, List<Map<String, String>> errors) {
    if (value != null) {
      errors.add(error(field, why));
    }
  }

  private static Map<String, String> error(String field, String message) {
    return Map.of("field", field, "message", message);
  }

  private static DomainException invalid(List<Map<String, String>> errors) {
    String detail =
        errors.stream()
            .map(e -> e.get("field") + ": " + e.get("message"))
            .reduce((a, b) -> a + "; " + b)
            .orElseThrow();
    return DomainException.invalid("Invalid export config", detail, errors);
  }

  private static List<String> lowercase(Enum<?>[] values) {
    return java.util.Arrays.stream(values)
        .map(v -> v.name().toLowerCase(java.util.Locale.ROOT))
        .toList();
  }
}
