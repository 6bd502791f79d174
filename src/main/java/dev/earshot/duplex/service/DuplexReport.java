package dev.earshot.duplex.service;

import dev.earshot.duplex.core.DuplexTiming;
import dev.earshot.duplex.core.LatencySummary;
import dev.earshot.duplex.core.Segment;
import dev.earshot.duplex.core.Turn;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Turn-taking timing of one two-channel dialogue (contract of {@code POST /api/analysis/duplex});
 * the definitions are {@link DuplexTiming}'s and the README's "Full-duplex timing".
 */
@Schema(name = "DuplexReport")
public record DuplexReport(
    @Schema(
            description =
                "What found the speech: silero-vad (Silero VAD v5, edges refined to 10 ms by level)"
                    + " or energy-fallback (level alone; the VAD model file is absent)",
            enumeration = {Segmenter.SILERO_VAD, Segmenter.ENERGY_FALLBACK})
        String segmenter,
    @Schema(description = "Length of the recording in seconds") double durationSeconds,
    @Schema(description = "Channel 1's speech") Channel user,
    @Schema(description = "Channel 2's speech") Channel model,
    @Schema(description = "User segments the model answered, with the latency of each answer")
        List<Turn> turns,
    @Schema(description = "Median, 90th percentile and number of the turns' latencies (seconds)")
        LatencySummary latencySeconds,
    @Schema(description = "Seconds both channels speak at once") double overlapSeconds,
    @Schema(
            description =
                "Model segments (not backchannels) starting while the user speaks and sharing >= 0.5"
                    + " s with the user's speech")
        int interruptions,
    @Schema(
            description =
                "Model segments shorter than 1 s starting while the user speaks and ending before"
                    + " that user segment does")
        int backchannels,
    @Schema(description = "User segments starting while the model speaks") int bargeIns,
    @Schema(
            description =
                "Share of barge-ins after which the model stopped within 1 s; null without"
                    + " barge-ins")
        Double yieldedWithin1s,
    @Schema(
            description =
                "Mean seconds from a barge-in to the end of the model's segment; null without"
                    + " barge-ins")
        Double meanYieldSeconds) {

  /** One channel's speech segments, in time order. */
  public record Channel(List<Segment> segments) {}

  /** Names of the segmenters. */
  public static final class Segmenter {
    public static final String SILERO_VAD = "silero-vad";
    public static final String ENERGY_FALLBACK = "energy-fallback";

    private Segmenter() {}
  }

  static DuplexReport of(String segmenter, DuplexTiming timing) {
    return new DuplexReport(
        segmenter,
        timing.durationSeconds(),
        new Channel(timing.user()),
        new Channel(timing.model()),
        timing.turns(),
        timing.latencySeconds(),
        timing.overlapSeconds(),
        timing.interruptions(),
        timing.backchannels(),
        timing.bargeIns(),
        timing.yieldedWithin1s(),
        timing.meanYieldSeconds());
  }
}
