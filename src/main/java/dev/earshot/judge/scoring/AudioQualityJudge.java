package dev.earshot.judge.scoring;

import dev.earshot.judge.dsp.QualityFeatures;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Technical quality of the response audio from {@link QualityFeatures}. Four factors, each 0..1,
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
 *   <li>DC offset: 1 / (1 + (|dc| / {@code dcOffsetHalf})²), ½ at 0.03 of full scale.
 * </ul>
 *
 * Without an SNR estimate its factor is left out.
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

  public AudioQualityJudge(JudgeParameters parameters) {
    JudgeParameters.Reader reader = parameters.reader();
    clippingHalfRatio = reader.positiveNumber("clippingHalfRatio", 0.001);
    snrMidDb = reader.number("snrMidDb", 15);
    snrScaleDb = reader.positiveNumber("snrScaleDb", 3);
    loudnessMinLufs = reader.number("loudnessMinLufs", -32);
    loudnessMaxLufs = reader.number("loudnessMaxLufs", -12);
    loudnessSoftnessLu = reader.positiveNumber("loudnessSoftnessLu", 2);
    dcOffsetHalf = reader.positiveNumber("dcOffsetHalf", 0.03);
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

    return Optional.of(
        new DimensionScore(DIMENSION, clipping * snr * loudness * dc, reason.toString(), details));
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
