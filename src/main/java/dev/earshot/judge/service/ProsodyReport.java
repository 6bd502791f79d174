package dev.earshot.judge.service;

import dev.earshot.judge.dsp.Pauses;
import dev.earshot.judge.dsp.PitchFrame;
import dev.earshot.judge.dsp.ProsodyFeatures;
import dev.earshot.judge.dsp.QualityFeatures;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Prosody and quality measurements of one clip (contract of {@code POST /api/analysis/prosody}).
 */
@Schema(name = "ProsodyReport")
public record ProsodyReport(
    double durationSeconds,
    double voicedFraction,
    Double f0MeanHz,
    Double f0MedianHz,
    Double f0MinHz,
    Double f0MaxHz,
    Double f0SdHz,
    @Schema(description = "slope over the last 250 ms of voiced speech")
        Double finalSlopeSemitonesPerSecond,
    @Schema(
            description =
                "class of the end of the F0 contour, decided from the final F0 against the utterance's median F0 and the final slope (a heuristic)",
            enumeration = {"rising", "falling", "level", "unvoiced"})
        String intonation,
    @Schema(
            description =
                "0-1: how surely the intonation class holds (margin past the class boundary, times the voicing strength and coverage of the final 250 ms); 0 when unvoiced")
        double intonationConfidence,
    double speakingRateSyllablesPerSecond,
    Pauses pauses,
    Double loudnessLufs,
    Double rmsDbfs,
    Double snrDb,
    double clippingRatio,
    @Schema(description = "one frame per 10 ms; f0Hz null when unvoiced")
        List<PitchPoint> pitchTrack) {

  /** One pitch frame. */
  public record PitchPoint(double timeSeconds, Double f0Hz) {}

  public static ProsodyReport of(ProsodyFeatures prosody, QualityFeatures quality) {
    return new ProsodyReport(
        prosody.durationSeconds(),
        prosody.voicedFraction(),
        prosody.f0MeanHz(),
        prosody.f0MedianHz(),
        prosody.f0MinHz(),
        prosody.f0MaxHz(),
        prosody.f0SdHz(),
        prosody.finalSlopeSemitonesPerSecond(),
        prosody.intonation().name().toLowerCase(Locale.ROOT),
        prosody.intonationConfidence(),
        prosody.speakingRateSyllablesPerSecond(),
        prosody.pauses(),
        quality.loudnessLufs(),
        quality.rmsDbfs(),
        quality.snrDb(),
        quality.clippingRatio(),
        prosody.pitchTrack().stream().map(ProsodyReport::point).toList());
  }

  private static PitchPoint point(PitchFrame frame) {
    return new PitchPoint(frame.timeSeconds(), frame.f0Hz());
  }
}
