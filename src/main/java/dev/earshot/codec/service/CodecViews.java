package dev.earshot.codec.service;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** JSON shapes of the codec API; the Codecs view renders the same records. */
public final class CodecViews {

  private CodecViews() {}

  @Schema(name = "NewCodec")
  public record NewCodec(
      @Schema(
              required = true,
              description =
                  "1-100 letters, digits, '.', '_' or '-'; the system"
                      + " name its resyntheses are registered under")
          String name,
      @Schema(required = true, description = "token frames per second of audio (EnCodec: 75)")
          Double frameRate,
      @Schema(required = true, description = "codebooks (quantiser levels) per frame, 1-1024")
          Integer codebooks,
      @Schema(required = true, description = "codes per codebook, >= 2 (EnCodec: 1024)")
          Integer codebookSize,
      String description) {}

  @Schema(name = "Codec")
  public record CodecView(
      String name,
      double frameRate,
      int codebooks,
      int codebookSize,
      @Schema(description = "frameRate × codebooks × log2(codebookSize), bit/s") double bitrateBps,
      String description) {}

  @Schema(name = "NewCodecRun")
  public record NewCodecRun(
      @Schema(required = true) String dataset,
      @Schema(
              description =
                  "codec names; empty or absent: every codec with resyntheses in the" + " dataset")
          List<String> codecs) {}

  @Schema(name = "CodecMetric")
  public record MetricInfo(
      String key,
      String label,
      String unit,
      @Schema(
              enumeration = {"higher", "lower", "zero"},
              description = "which values are better")
          String better) {}

  @Schema(name = "CodecMetricSummary")
  public record MetricSummary(
      @Schema(description = "mean over the items where the metric is defined") double mean,
      @Schema(description = "lower end of the seeded 95 % percentile bootstrap interval over items")
          double lower,
      @Schema(description = "upper end of the interval") double upper,
      @Schema(description = "items where the metric is defined") int n) {}

  @Schema(name = "CodecLeaderboardRow")
  public record CodecRow(
      String codec,
      double bitrateBps,
      double frameRate,
      int codebooks,
      int codebookSize,
      @Schema(description = "measured resyntheses") int items,
      @Schema(description = "per metric key; a metric undefined on every item is absent")
          Map<String, MetricSummary> metrics) {}

  @Schema(name = "CodecLeaderboard")
  public record CodecLeaderboard(
      String dataset,
      @Schema(description = "bootstrap resamples behind each interval") int bootstrapRounds,
      long seed,
      List<MetricInfo> metrics,
      @Schema(description = "codecs with measured resyntheses, by ascending bitrate")
          List<CodecRow> codecs) {}
}
