package dev.earshot.judge.scoring;

import dev.earshot.judge.dsp.QualityFeatures;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Technical quality of the response audio from {@link QualityFeatures}. Six factors, each 0..1,
 * multiplied: a recording is only as good as its worst defect, and one bad factor should not be
 * averaged away.
 *
 * <ul>
 *   <li>clipping: 1 / (1 + (ratio / {@code clippingHalfRatio})²), ½ at 0.1 % of samples in clipped
 *       plateaus by default, where hard clipping becomes audible as distortion;
 *   <li>SNR: logistic((snr − {@code snrMidDb}) / {@code snrScaleDb}), ½ at 15 dB; 20 dB reads 0.84,
 *       25 dB 0.97;
 *   <li>loudness: 1 inside {@code loudnessMinLufs}..{@code loudnessMaxLufs} (−32..−12 LUFS: quiet
 *       broadcast to loud podcast speech), outside it 2·logistic(−distance / {@code
 *       loudnessSoftnessLu}), so 0.54 at 2 LU past the edge by default; silence (no loudness)
 *       scores 0;
 *   <li>DC offset: 1 / (1 + (|dc| / {@code dcOffsetHalf})²), ½ at 0.03 of full scale;
 *   <li>bandwidth: 1 from {@code bandwidthExpectedHz} (5 kHz: real wideband speech reaches 5.3–8.4
 *       kHz by this measure, the alsa-utils voice prompts for instance) up, below it
 *       2·logistic(−shortfall / {@code bandwidthSoftnessHz}), so telephone band (3.4 kHz) reads
 *       0.13 by default. The expectation does not drop for files sampled below 10 kHz: their rate
 *       makes them narrowband whatever they hold. The reason names the cause: content stopping well
 *       below the file's Nyquist frequency (a narrowband codec or a resampling round trip) or a
 *       sample rate too low to carry wideband speech;
 *   <li>gaps: 1 up to {@code silenceAllowedSeconds} (1 s: a long but normal pause) for the longest
 *       silence between the first and the last sound, beyond it 2·logistic(−excess / {@code
 *       silenceSoftnessSeconds}), so a 1.5 s gap reads 0.32 by default.
 * </ul>
 *
 * Without an SNR estimate or a bandwidth (silence) those factors are left out. Bandwidth and gaps
 * appear in the reason only when they lower the score; their measurements are always in the
 * details.
 */
public final class AudioQualityJudge implements Judge {

  public static final String ID = "audio-quality";
  public static final String DIMENSION = "quality";

  private final double clippingHalfRatio;
  private final double snrMidDb;
  private final double snrScaleDb;
  private final double loudnessMinLufs;
  private final double loudnessMaxLufs;
  private final double loudnessSoftnessLu;
  private final double dcOffsetHalf;
  private final double bandwidthExpectedHz;
  private final double bandwidthSoftnessHz;
  private final double silenceAllowedSeconds;
  private final double silenceSoftnessSeconds;

  public AudioQualityJudge(JudgeParameters parameters) {
    JudgeParameters.Reader reader = parameters.reader();
    clippingHalfRatio = reader.positiveNumber("clippingHalfRatio", 0.001);
    snrMidDb = reader.number("snrMidDb", 15);
    snrScaleDb = reader.positiveNumber("snrScaleDb", 3);
    loudnessMinLufs = reader.number("loudnessMinLufs", -32);
    loudnessMaxLufs = reader.number("loudnessMaxLufs", -12);
    loudnessSoftnessLu = reader.positiveNumber("loudnessSoftnessLu", 2);
    dcOffsetHalf = reader.positiveNumber("dcOffsetHalf", 0.03);
    bandwidthExpectedHz = reader.positiveNumber("bandwidthExpectedHz", 5000);
    bandwidthSoftnessHz = reader.positiveNumber("bandwidthSoftnessHz", 600);
    silenceAllowedSeconds = reader.positiveNumber("silenceAllowedSeconds", 1.0);
    silenceSoftnessSeconds = reader.positiveNumber("silenceSoftnessSeconds", 0.3);
    reader.requireAllRead();
    if (loudnessMinLufs > loudnessMaxLufs) {
      throw new IllegalArgumentException(
          "judge '"
              + parameters.judgeId()
              + "': loudnessMinLufs must not be above loudnessMaxLufs");
    }
  }

  @Override
  public String dimension() {
    return DIMENSION;
  }

  @Override
  public Optional<DimensionScore> score(JudgeInput input) {
    QualityFeatures quality = input.quality();
    if (quality == null) {
      return Optional.empty();
    }
    Map<String, Object> details = new LinkedHashMap<>();
    StringBuilder reason = new StringBuilder();

    double clipping = ScoreCurves.halfAt(quality.clippingRatio(), clippingHalfRatio);
    details.put("clippingRatio", quality.clippingRatio());
    details.put("clippingScore", clipping);
    reason.append(
        String.format(Locale.ROOT, "clipping %.1f %% of samples", 100 * quality.clippingRatio()));

    double snr = 1;
    if (quality.snrDb() != null) {
      snr = ScoreCurves.logistic((quality.snrDb() - snrMidDb) / snrScaleDb);
      details.put("snrDb", quality.snrDb());
      details.put("snrScore", snr);
      reason.append(String.format(Locale.ROOT, "; SNR %.1f dB", quality.snrDb()));
    }

    double loudness = loudnessScore(quality.loudnessLufs());
    details.put("loudnessScore", loudness);
    if (quality.loudnessLufs() == null) {
      reason.append("; no measurable loudness (silent or too short)");
    } else {
      details.put("loudnessLufs", quality.loudnessLufs());
      reason.append(String.format(Locale.ROOT, "; loudness %.1f LUFS", quality.loudnessLufs()));
      if (quality.loudnessLufs() > loudnessMaxLufs) {
        reason.append(", too loud");
      } else if (quality.loudnessLufs() < loudnessMinLufs) {
        reason.append(", too quiet");
      }
    }

    double dc = ScoreCurves.halfAt(quality.dcOffset(), dcOffsetHalf);
    details.put("dcOffset", quality.dcOffset());
    details.put("dcOffsetScore", dc);
    reason.append(String.format(Locale.ROOT, "; DC offset %.4f", quality.dcOffset()));

    double bandwidth = bandwidthScore(quality, details, reason);
    double gaps = gapScore(quality, details, reason);

    return Optional.of(
        new DimensionScore(
            DIMENSION,
            clipping * snr * loudness * dc * bandwidth * gaps,
            reason.toString(),
            details));
  }

  private double bandwidthScore(
      QualityFeatures quality, Map<String, Object> details, StringBuilder reason) {
    Double bandwidthHz = quality.bandwidthHz();
    if (bandwidthHz == null) {
      return 1;
    }
    double nyquistHz = quality.sampleRate() / 2.0;
    double shortfall = Math.max(0, bandwidthExpectedHz - bandwidthHz);
    double score = 2 * ScoreCurves.logistic(-shortfall / bandwidthSoftnessHz);
    details.put("bandwidthHz", bandwidthHz);
    details.put("nyquistHz", nyquistHz);
    details.put("bandwidthScore", score);
    if (shortfall > 0) {
      reason.append(
          String.format(
              Locale.ROOT,
              "; bandwidth %.1f kHz, below the %.1f kHz of wideband speech",
              bandwidthHz / 1000,
              bandwidthExpectedHz / 1000));
      if (nyquistHz < bandwidthExpectedHz) {
        reason.append(
            String.format(
                Locale.ROOT,
                ": sampled at %d Hz, the file cannot carry more than %.1f kHz",
                quality.sampleRate(),
                nyquistHz / 1000));
      } else {
        reason.append(
            String.format(
                Locale.ROOT,
                ": the sound stops at %.0f %% of the file's %.1f kHz Nyquist frequency"
                    + " (narrowband codec or resampling?)",
                100 * bandwidthHz / nyquistHz,
                nyquistHz / 1000));
      }
    }
    return score;
  }

  private double gapScore(
      QualityFeatures quality, Map<String, Object> details, StringBuilder reason) {
    double longest = quality.longestInternalSilenceSeconds();
    double excess = Math.max(0, longest - silenceAllowedSeconds);
    double score = 2 * ScoreCurves.logistic(-excess / silenceSoftnessSeconds);
    details.put("longestInternalSilenceSeconds", longest);
    details.put("gapScore", score);
    if (excess > 0) {
      reason.append(
          String.format(
              Locale.ROOT,
              "; a %.1f s silence inside the speech, longer than a normal pause (%.1f s)",
              longest,
              silenceAllowedSeconds));
    }
    return score;
  }

  private double loudnessScore(Double lufs) {
    if (lufs == null) {
      return 0;
    }
    double belowMin = Math.max(0, loudnessMinLufs - lufs);
    double aboveMax = Math.max(0, lufs - loudnessMaxLufs);
    // 2·logistic(−d) is 1 at the edge of the window and falls smoothly outside it.
    return 2 * ScoreCurves.logistic(-(belowMin + aboveMax) / loudnessSoftnessLu);
  }
}
