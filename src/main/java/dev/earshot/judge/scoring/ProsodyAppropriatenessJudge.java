package dev.earshot.judge.scoring;

import dev.earshot.dataset.manifest.PromptExpectations;
import dev.earshot.judge.dsp.ProsodyFeatures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Does the measured prosody fit what the prompt asked for? A heuristic over {@link
 * ProsodyFeatures}; each check the prompt asks for scores 0..1 and the score is their mean (checks
 * it does not ask for are skipped, and a prompt that asks none gets no prosody score):
 *
 * <ul>
 *   <li>intonation {@code question}: logistic in the analyser's final rise ({@link
 *       dev.earshot.judge.dsp.FinalIntonation}: final F0 against the utterance's median F0 and the
 *       final slope, or a rise in the last word, in semitones), ½ at +{@code
 *       intonationThresholdSemitones} (the analyser's rising threshold), one {@code
 *       intonationScaleSemitones} further adds one logit; {@code statement} mirrors it on the
 *       falling side. No voiced ending scores 0;
 *   <li>delivery {@code calm} / {@code neutral} / {@code excited}: agreement of the {@link
 *       AcousticArousalEstimator acoustic arousal estimate} (F0 range, rate, intensity variation,
 *       loudness) with low / neutral / high;
 *   <li>delivery {@code whisper}: logistic in the voiced fraction, ½ at {@code
 *       whisperMaxVoicedFraction};
 *   <li>speaking rate: 1 inside the expected range, outside it exp(−(distance / {@code
 *       rateToleranceSyllablesPerSecond})²).
 * </ul>
 */
public final class ProsodyAppropriatenessJudge implements Judge {

  public static final String ID = "prosody-appropriateness";
  public static final String DIMENSION = "prosody";

  private final double intonationThreshold;
  private final double intonationScale;
  private final double whisperMaxVoicedFraction;
  private final double whisperScale;
  private final double rateTolerance;
  private final AcousticArousalEstimator arousal;

  public ProsodyAppropriatenessJudge(JudgeParameters parameters) {
    JudgeParameters.Reader reader = parameters.reader();
    intonationThreshold = reader.nonNegativeNumber("intonationThresholdSemitones", 0.5);
    intonationScale = reader.positiveNumber("intonationScaleSemitones", 0.5);
    whisperMaxVoicedFraction = reader.nonNegativeNumber("whisperMaxVoicedFraction", 0.15);
    whisperScale = reader.positiveNumber("whisperScale", 0.03);
    rateTolerance = reader.positiveNumber("rateToleranceSyllablesPerSecond", 0.5);
    arousal = new AcousticArousalEstimator(reader);
    reader.requireAllRead();
  }

  @Override
  public String dimension() {
    return DIMENSION;
  }

  @Override
  public Optional<DimensionScore> score(JudgeInput input) {
    PromptExpectations expected = input.expectations();
    ProsodyFeatures prosody = input.prosody();
    if (prosody == null
        || input.quality() == null
        || (expected.intonation() == null
            && expected.delivery() == null
            && expected.speakingRate() == null)) {
      return Optional.empty();
    }
    Map<String, Object> details = new LinkedHashMap<>();
    List<Check> checks = new ArrayList<>();
    if (expected.intonation() != null) {
      checks.add(intonation(expected.intonation(), prosody, details));
    }
    if (expected.delivery() != null) {
      checks.add(delivery(expected.delivery(), input, details));
    }
    if (expected.speakingRate() != null) {
      checks.add(speakingRate(expected.speakingRate(), prosody, details));
    }
    double score = checks.stream().mapToDouble(Check::score).average().orElseThrow();
    String reason = checks.stream().map(Check::reason).collect(Collectors.joining("; "));
    return Optional.of(new DimensionScore(DIMENSION, score, reason, details));
  }

  private Check intonation(
      String intonation, ProsodyFeatures prosody, Map<String, Object> details) {
    boolean question = "question".equals(intonation);
    String wanted = question ? "expected a rising question" : "expected a falling statement";
    Double rise = prosody.finalRiseSemitones();
    details.put("intonationExpected", intonation);
    details.put("intonationMeasured", prosody.intonation().name().toLowerCase(Locale.ROOT));
    if (rise == null) {
      details.put("intonationScore", 0.0);
      return new Check(0, wanted + "; no voiced ending to measure a rise");
    }
    double signedExcess = question ? rise - intonationThreshold : -intonationThreshold - rise;
    double score = ScoreCurves.logistic(signedExcess / intonationScale);
    details.put("finalRiseSemitones", rise);
    details.put("finalSlopeSemitonesPerSecond", prosody.finalSlopeSemitonesPerSecond());
    details.put("intonationConfidence", prosody.intonationConfidence());
    details.put("intonationScore", score);
    return new Check(
        score,
        String.format(
            Locale.ROOT,
            "%s; final rise %+.1f st, %s",
            wanted,
            rise,
            prosody.intonation().name().toLowerCase(Locale.ROOT)));
  }

  private Check delivery(String delivery, JudgeInput input, Map<String, Object> details) {
    details.put("deliveryExpected", delivery);
    if ("whisper".equals(delivery)) {
      double voiced = input.prosody().voicedFraction();
      double score = ScoreCurves.logistic((whisperMaxVoicedFraction - voiced) / whisperScale);
      details.put("voicedFraction", voiced);
      details.put("deliveryScore", score);
      return new Check(
          score,
          String.format(Locale.ROOT, "expected a whisper; %.0f %% of frames voiced", 100 * voiced));
    }
    ArousalLevel wanted =
        switch (delivery) {
          case "calm" -> ArousalLevel.LOW;
          case "excited" -> ArousalLevel.HIGH;
          default -> ArousalLevel.NEUTRAL;
        };
    String expectation =
        "expected " + delivery + " delivery (" + wanted.manifestName() + " arousal)";
    Optional<AcousticArousalEstimate> estimate = arousal.estimate(input.prosody(), input.quality());
    if (estimate.isEmpty()) {
      details.put("deliveryScore", 0.0);
      return new Check(0, expectation + "; no measurable speech");
    }
    double score = arousal.agreement(estimate.get(), wanted);
    details.putAll(estimate.get().details());
    details.put("deliveryScore", score);
    return new Check(
        score, expectation + "; acoustic arousal estimate " + estimate.get().describe());
  }

  private Check speakingRate(
      PromptExpectations.RateRange range, ProsodyFeatures prosody, Map<String, Object> details) {
    double rate = prosody.speakingRateSyllablesPerSecond();
    double below = range.min() == null ? 0 : Math.max(0, range.min() - rate);
    double above = range.max() == null ? 0 : Math.max(0, rate - range.max());
    double distance = (below + above) / rateTolerance;
    double score = Math.exp(-distance * distance);
    details.put("speakingRateSyllablesPerSecond", rate);
    details.put("speakingRateScore", score);
    String wanted =
        range.min() == null
            ? String.format(Locale.ROOT, "at most %.1f", range.max())
            : range.max() == null
                ? String.format(Locale.ROOT, "at least %.1f", range.min())
                : String.format(Locale.ROOT, "%.1f to %.1f", range.min(), range.max());
    return new Check(
        score, String.format(Locale.ROOT, "expected %s syl/s; measured %.2f", wanted, rate));
  }

  private record Check(double score, String reason) {}
}
