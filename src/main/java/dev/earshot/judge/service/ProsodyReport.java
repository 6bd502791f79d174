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
    @Schema(
            description =
                "ITU-R BS.1770-4 integrated loudness at the file's own rate, channel powers summed")
        Double loudnessLufs,
    @Schema(description = "RMS level over all samples of all channels at the file's own rate")
        Double rmsDbfs,
    @Schema(description = "blind WADA-SNR estimate of the mono 16 kHz copy") Double snrDb,
    @Schema(
            description =
                "share of samples (all channels, file's own rate) in flat runs of 3 or more at the"
                    + " channel's peak or full scale")
        double clippingRatio,
    @Schema(description = "the file's own sample rate, where levels are measured") int sampleRate,
    @Schema(description = "number of channels") int channels,
    @Schema(description = "largest sample magnitude of any channel, dBFS; null for silence")
        Double peakDbfs,
    @Schema(
            description =
                "largest magnitude of any channel oversampled 4x (BS.1770-4 Annex 2), dBTP; null for"
                    + " silence")
        Double truePeakDbtp,
    @Schema(description = "mean sample value of the channel whose mean is furthest from 0")
        double dcOffset,
    @Schema(
            description =
                "effective upper band edge, Hz: the highest frequency whose long-term average spectrum"
                    + " (Welch, Hann) is within 50 dB of the spectrum's peak; null for silence")
        Double bandwidthHz,
    @Schema(description = "silence before the first sound, s") double leadingSilenceSeconds,
    @Schema(description = "silence after the last sound, s") double trailingSilenceSeconds,
    @Schema(
            description =
                "longest silence of 200 ms or more between the first and the last sound, s; 0 if"
                    + " none")
        double longestInternalSilenceSeconds,
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
        quality.sampleRate(),
        quality.channels(),
        quality.peakDbfs(),
        quality.truePeakDbtp(),
        quality.dcOffset(),
        quality.bandwidthHz(),
        quality.leadingSilenceSeconds(),
        quality.trailingSilenceSeconds(),
        quality.longestInternalSilenceSeconds(),
        prosody.pitchTrack().stream().map(ProsodyReport::point).toList());
  }

  private static PitchPoint point(PitchFrame frame) {
    return new PitchPoint(frame.timeSeconds(), frame.f0Hz());
  }
}
