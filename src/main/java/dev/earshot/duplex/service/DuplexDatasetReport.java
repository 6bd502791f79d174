package dev.earshot.duplex.service;

import dev.earshot.stats.MeanBootstrap.MeanInterval;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Turn-taking per system over a dataset's two-channel dialogues: the mean of every per-dialogue
 * measurement with its percentile bootstrap interval over dialogues.
 */
@Schema(name = "DuplexDatasetReport")
public record DuplexDatasetReport(
    String dataset,
    @Schema(description = "The duplex judge versions (<id>@<version>) whose scores were used")
        List<String> judges,
    @Schema(description = "Two-sided level of the intervals") double confidenceLevel,
    @Schema(description = "Bootstrap resamples of the dialogues") int bootstrapRounds,
    @Schema(description = "One entry per system, best turn-taking score first")
        List<SystemTiming> systems) {

  /**
   * One system's dialogues.
   *
   * @param metrics by the keys of the judge's details ({@code medianLatencySeconds}, {@code
   *     p90LatencySeconds}, {@code overlapSeconds}, {@code interruptions}, {@code backchannels},
   *     {@code bargeIns}, {@code yieldedWithin1s}, {@code meanYieldSeconds}); each over the
   *     dialogues where it is defined ({@code count}), absent where none has it
   */
  @Schema(name = "DuplexSystemTiming")
  public record SystemTiming(
      String system,
      @Schema(description = "Dialogues of this system with a turn-taking score") int dialogues,
      @Schema(description = "The turn-taking judge's score (0 to 1, 1 best)") MeanInterval score,
      @Schema(
              description =
                  "Per-dialogue measurements: mean, interval (lower, upper) and number of dialogues n")
          Map<String, MeanInterval> metrics) {}
}
