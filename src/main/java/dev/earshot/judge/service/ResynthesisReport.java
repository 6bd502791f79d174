package dev.earshot.judge.service;

import dev.earshot.judge.dsp.paired.ResynthesisMetrics;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a resynthesis kept of its original (contract of {@code POST /api/analysis/resynthesis}). The
 * formulas are in the README's "Codec resynthesis metrics" section.
 */
@Schema(name = "ResynthesisReport")
public record ResynthesisReport(
    @Schema(
            description =
                "delay of the resynthesis found by cross-correlation at 16 kHz: positive when it"
                    + " starts later than the original; every paired metric is taken on the"
                    + " overlap after this shift")
        double alignmentLagSeconds,
    @Schema(description = "log-spectral distance over speech frames, dB (0 = identical)")
        double lsdDb,
    @Schema(
            description =
                "mel-cepstral distortion over speech frames, dB, MFCC c1-c12 of 40 mel bands,"
                    + " c0 excluded (0 = identical)")
        double mcdDb,
    @Schema(
            description =
                "scale-invariant signal-to-distortion ratio, dB, clamped to -100..100 (identical"
                    + " signals read 100)")
        double siSdrDb,
    @Schema(
            description =
                "short-time objective intelligibility (Taal et al. 2011), about 0-1; null when the"
                    + " original has less than 384 ms of speech")
        Double stoi,
    @Schema(description = "RMS F0 difference over frames voiced in both, cents; null without any")
        Double f0RmseCents,
    @Schema(
            description =
                "Pearson correlation of the F0 contours (cents) over frames voiced in both; null"
                    + " with fewer than two or a flat contour")
        Double f0Correlation,
    @Schema(description = "share of pitch frames voiced in one signal and unvoiced in the other")
        double voicingErrorRate,
    @Schema(
            description =
                "whether the final intonation class (rising, falling, level, unvoiced) is the same")
        boolean intonationKept,
    @Schema(
            description =
                "BS.1770-4 integrated loudness of the resynthesis minus that of the original, LU;"
                    + " null when either is silent")
        Double loudnessDifferenceLu,
    @Schema(description = "effective upper band edge of the original at its own rate, Hz")
        Double bandwidthOriginalHz,
    @Schema(description = "effective upper band edge of the resynthesis at its own rate, Hz")
        Double bandwidthResynthesisedHz) {

  public static ResynthesisReport of(ResynthesisMetrics metrics) {
    return new ResynthesisReport(
        metrics.alignmentLagSeconds(),
        metrics.spectral().lsdDb(),
        metrics.spectral().mcdDb(),
        metrics.siSdrDb(),
        metrics.stoi(),
        metrics.pitch().f0RmseCents(),
        metrics.pitch().f0Correlation(),
        metrics.pitch().voicingErrorRate(),
        metrics.pitch().intonationKept(),
        metrics.loudnessDifferenceLu(),
        metrics.bandwidthOriginalHz(),
        metrics.bandwidthResynthesisedHz());
  }
}
