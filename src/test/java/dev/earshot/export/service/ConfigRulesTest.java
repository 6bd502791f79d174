package dev.earshot.export.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.export.selection.Aggregation;
import dev.earshot.export.selection.TiePolicy;
import dev.earshot.export.service.ExportConfig.AudioMode;
import dev.earshot.export.service.ExportConfig.Format;
import dev.earshot.export.service.ExportConfig.PairsFrom;
import dev.earshot.platform.error.DomainException;
import dev.earshot.platform.error.Failure;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConfigRulesTest {

  private static final UUID CAMPAIGN = UUID.fromString("00000000-0000-0000-0000-00000000000c");
  private static final UUID UNKNOWN_CAMPAIGN =
      UUID.fromString("00000000-0000-0000-0000-0000000000ff");

  /**
   * Knows dataset demo, systems a and b, judge j at version v1 and {@link #CAMPAIGN}; has no codec
   * encoder.
   */
  private static final ConfigRules.Catalogue CATALOGUE =
      new ConfigRules.Catalogue() {
        @Override
        public boolean datasetExists(String name) {
          return "demo".equals(name);
        }

        @Override
        public boolean systemExists(String name) {
          return List.of("a", "b").contains(name);
        }

        @Override
        public boolean judgeExists(String id, String version) {
          return "j".equals(id) && (version == null || "v1".equals(version));
        }

        @Override
        public boolean campaignExists(UUID id) {
          return CAMPAIGN.equals(id);
        }

        @Override
        public Optional<String> codecEncoderUnavailable() {
          return Optional.of(NO_ENCODER);
        }
      };

  private static final String NO_ENCODER = "not configured: set earshot.codec-encoder.path";

  @Test
  void shouldFillInTheVoteDefaultsForAPairFormat() {
    ExportConfig normalised = ConfigRules.normalise(config(Format.OPENRLHF), CATALOGUE);

    assertThat(normalised.sources()).containsExactly("humans");
    assertThat(normalised.pairsFrom()).isEqualTo(PairsFrom.VOTES);
    assertThat(normalised.aggregation()).isEqualTo(Aggregation.MAJORITY);
    assertThat(normalised.tiePolicy()).isEqualTo(TiePolicy.EXCLUDE);
    assertThat(normalised.minAgreement()).isZero();
    assertThat(normalised.minMargin()).isZero();
    assertThat(normalised.audio()).isEqualTo(AudioMode.COPY);
    assertThat(normalised.weights()).isNull();
  }

  @Test
  void shouldReadJudgesScoresByDefaultForScalarRewardsWeightingTheDimension() {
    ExportConfig scalar =
        new ExportConfig(
            Format.SCALAR_REWARDS,
            null,
            List.of("b", "a", "b"),
            "quality",
            null,
            null,
            null,
            OffsetDateTime.of(2026, 1, 1, 2, 0, 0, 0, ZoneOffset.ofHours(2)),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    ExportConfig normalised = ConfigRules.normalise(scalar, CATALOGUE);

    assertThat(normalised.sources()).containsExactly("judges");
    assertThat(normalised.pairsFrom()).isNull();
    assertThat(normalised.weights()).containsExactly(Map.entry("quality", 1.0));
    assertThat(normalised.normalizePerPrompt()).isFalse();
    assertThat(normalised.systems()).containsExactly("a", "b");
    assertThat(normalised.since())
        .isEqualTo(OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    assertThat(normalised.tiePolicy()).isNull();
  }

  @Test
  void shouldNameEveryFieldThatDoesNotApplyOrIsUnknown() {
    ExportConfig kto =
        new ExportConfig(
            Format.TRL_KTO,
            "nope",
            List.of("c"),
            null,
            List.of("humans", "judge:x", "robots"),
            UNKNOWN_CAMPAIGN,
            PairsFrom.SCORES,
            null,
            null,
            Aggregation.SOFT_LABEL,
            TiePolicy.LABEL,
            null,
            -1.0,
            2.0,
            Map.of("quality", 1.0),
            true,
            null,
            10,
            null,
            null);

    assertThatThrownBy(() -> ConfigRules.normalise(kto, CATALOGUE))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(Failure.INVALID_VALUE);
              assertThat(
                      e.errors().stream().map(error -> (String) ((Map<?, ?>) error).get("field")))
                  .containsExactlyInAnyOrder(
                      "dataset",
                      "systems",
                      "dimension",
                      "sources",
                      "sources",
                      "sources",
                      "campaign",
                      "campaign",
                      "aggregation",
                      "minMargin",
                      "tiePolicy",
                      "ktoThreshold",
                      "weights",
                      "normalizePerPrompt",
                      "sampleRate");
            });
  }

  @Test
  void shouldRefuseWeightsOnADimensionTheExportLeavesOut() {
    ExportConfig scalar =
        new ExportConfig(
            Format.SCALAR_REWARDS,
            null,
            null,
            "quality",
            List.of("judge:j@v1"),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            Map.of("content", 1.0),
            null,
            null,
            null,
            null,
            null);

    assertThatThrownBy(() -> ConfigRules.normalise(scalar, CATALOGUE))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("weights.content");
  }

  @Test
  void shouldKeepACampaignOfHumanVotes() {
    ExportConfig normalised =
        ConfigRules.normalise(withCampaign(Format.TRL_STANDARD, null, CAMPAIGN), CATALOGUE);

    assertThat(normalised.campaign()).isEqualTo(CAMPAIGN);
    assertThat(normalised.sources()).containsExactly("humans");
  }

  @Test
  void shouldRefuseACampaignWithoutHumanVotes() {
    for (ExportConfig config :
        List.of(
            withCampaign(Format.TRL_STANDARD, List.of("judges"), CAMPAIGN),
            withCampaign(Format.SCALAR_REWARDS, null, CAMPAIGN),
            withCampaign(Format.TRL_STANDARD, null, UNKNOWN_CAMPAIGN))) {
      assertThatThrownBy(() -> ConfigRules.normalise(config, CATALOGUE))
          .isInstanceOfSatisfying(
              DomainException.class,
              e -> {
                assertThat(e.failure()).isEqualTo(Failure.INVALID_VALUE);
                assertThat(
                        e.errors().stream().map(error -> (String) ((Map<?, ?>) error).get("field")))
                    .containsExactly("campaign");
              });
    }
  }

  @Test
  void shouldReadSimulatedVotesOnlyWhenNamedAndNeverAsScores() {
    assertThat(ConfigRules.normalise(config(Format.TRL_STANDARD), CATALOGUE).sources())
        .doesNotContain("simulated");
    assertThat(
            ConfigRules.normalise(
                    withCampaign(Format.TRL_STANDARD, List.of("simulated", "humans"), null),
                    CATALOGUE)
                .sources())
        .containsExactly("humans", "simulated");
    assertThatThrownBy(
            () ->
                ConfigRules.normalise(
                    withCampaign(Format.SCALAR_REWARDS, List.of("simulated"), null), CATALOGUE))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.errors()).hasSize(1);
              Map<?, ?> error = (Map<?, ?>) e.errors().get(0);
              assertThat(error.get("field")).isEqualTo("sources");
              assertThat(error.get("message"))
                  .isEqualTo("simulated give votes, not scores: choose judges for a score export");
            });
  }

  private static ExportConfig withCampaign(Format format, List<String> sources, UUID campaign) {
    return new ExportConfig(
        format,
        null,
        null,
        format == Format.SCALAR_REWARDS ? "quality" : null,
        sources,
        campaign,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static ExportConfig config(Format format) {
    return new ExportConfig(
        format, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null);
  }

  @Test
  void shouldDefaultCodecTokensToFalseForTheTrlPairFormatsOnly() {
    assertThat(ConfigRules.normalise(config(Format.TRL_STANDARD), CATALOGUE).codecTokens())
        .isFalse();
    assertThat(ConfigRules.normalise(config(Format.TRL_CONVERSATIONAL), CATALOGUE).codecTokens())
        .isFalse();
    assertThat(ConfigRules.normalise(config(Format.OPENRLHF), CATALOGUE).codecTokens()).isNull();
  }

  @Test
  void shouldRefuseCodecTokensWithoutAnEncoderSayingWhy() {
    assertThatThrownBy(() -> ConfigRules.normalise(withCodecTokens(Format.TRL_STANDARD), CATALOGUE))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(Failure.INVALID_VALUE);
              Map<?, ?> error = (Map<?, ?>) e.errors().get(0);
              assertThat(error.get("field")).isEqualTo("codecTokens");
              assertThat(error.get("message")).isEqualTo("no codec encoder: " + NO_ENCODER);
            });
  }

  @Test
  void shouldRefuseCodecTokensOutsideTheTrlPairFormats() {
    assertThatThrownBy(() -> ConfigRules.normalise(withCodecTokens(Format.OPENRLHF), CATALOGUE))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("codecTokens: applies to trl_standard and trl_conversational");
  }

  private static ExportConfig withCodecTokens(Format format) {
    return new ExportConfig(
        format, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, true);
  }
}
