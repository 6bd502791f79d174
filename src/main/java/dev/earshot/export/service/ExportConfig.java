package dev.earshot.export.service;

import dev.earshot.export.selection.Aggregation;
import dev.earshot.export.selection.TiePolicy;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What to export and how ({@code POST /api/exports}). Names in JSON are lowercase ({@code
 * "trl_standard"}, {@code "mean_strength"}, {@code "margin_zero"}). Fields that do not apply to the
 * format must be left out; the stored config has every default filled in.
 */
@Schema(name = "ExportConfig")
public record ExportConfig(
    @Schema(
            required = true,
            description =
                "trl_standard, trl_conversational, trl_kto, openrlhf, llama_factory or"
                    + " scalar_rewards")
        Format format,
    @Schema(description = "only prompts of this dataset") String dataset,
    @Schema(description = "only pairs (or responses) of these systems; empty: all")
        List<String> systems,
    @Schema(description = "only this dimension; required for trl_kto") String dimension,
    @Schema(
            description =
                "humans (people's votes only), simulated (simulated raters' votes, such as the"
                    + " demo data set's: exported only when named here), judges, judge:<id> or"
                    + " judge:<id>@<version>, any combination (votes of all count together);"
                    + " default [humans] for votes, [judges] for scores. The manifest's"
                    + " simulatedVotes says whether simulated votes were included and how many")
        List<String> sources,
    @Schema(
            description =
                "votes: only the human votes of this rating campaign (its id); other sources'"
                    + " verdicts are kept. Needs humans among the sources",
            format = "uuid")
        UUID campaign,
    @Schema(
            description =
                "pair and KTO formats: votes (default) or scores (pairs derived from pointwise judge"
                    + " scores)")
        PairsFrom pairsFrom,
    @Schema(description = "only votes or scores made at or after this time") OffsetDateTime since,
    @Schema(description = "only votes or scores made at or before this time") OffsetDateTime until,
    @Schema(description = "votes: majority (default), mean_strength or soft_label")
        Aggregation aggregation,
    @Schema(description = "pair formats: exclude (default), label or margin_zero")
        TiePolicy tiePolicy,
    @Schema(description = "votes: least fraction of votes agreeing with the pair's judgement, 0–1")
        Double minAgreement,
    @Schema(description = "pair and KTO formats: keep a preference only if its margin exceeds this")
        Double minMargin,
    @Schema(description = "trl_kto from scores: desirable when the score is at least this (0.5)")
        Double ktoThreshold,
    @Schema(
            description =
                "scalar_rewards: weight per dimension of the reward; default {dimension: 1}")
        Map<String, Double> weights,
    @Schema(description = "scalar_rewards: add reward_normalized, per prompt (false)")
        Boolean normalizePerPrompt,
    @Schema(description = "copy (default) or link (hard links where the original is usable as is)")
        AudioMode audio,
    @Schema(description = "resample every audio file to this rate, mono 16-bit WAV")
        Integer sampleRate,
    @Schema(
            description =
                "pair formats: keep pairs whose chosen and rejected responses would be written"
                    + " identically in this format (false: drop and count them as"
                    + " pairsWithoutSignal; they teach a trainer nothing)")
        Boolean keepPairsWithoutSignal,
    @Schema(
            description =
                "trl_standard and trl_conversational: add chosen_audio_codes and"
                    + " rejected_audio_codes, the responses' token ids per codebook from the"
                    + " configured codec encoder (GET /api/codec-encoder; false by default; 422"
                    + " when no encoder is loaded)")
        Boolean codecTokens) {

  /** The file layout an export is written in. */
  public enum Format {
    TRL_STANDARD,
    TRL_CONVERSATIONAL,
    TRL_KTO,
    OPENRLHF,
    LLAMA_FACTORY,
    SCALAR_REWARDS;

    public boolean pairs() {
      return this != TRL_KTO && this != SCALAR_REWARDS;
    }
  }

  /** Where pairs (and KTO labels) come from. */
  public enum PairsFrom {
    VOTES,
    SCORES
  }

  /** How audio gets into the export's {@code audio/} folder. */
  public enum AudioMode {
    COPY,
    LINK
  }

  /** Whether the records carry the responses' codec token ids. */
  public boolean withCodecTokens() {
    return Boolean.TRUE.equals(codecTokens);
  }

  /** Whether the export reads pointwise judge scores rather than votes. */
  public boolean fromScores() {
    return format == Format.SCALAR_REWARDS || pairsFrom == PairsFrom.SCORES;
  }
}
