package dev.earshot.judge.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JudgeCatalogTest {

  private static final String VALID =
      """
            {"id": "loudness-check", "kind": "dsp", "dimensions": ["quality"],
             "description": "Checks loudness.", "parameters": {"maxLufs": -12, "label": "x"}}
            """;

  @TempDir Path folder;

  private void write(String fileName, String content) throws IOException {
    Files.writeString(folder.resolve(fileName), content, StandardCharsets.UTF_8);
  }

  private List<String> problemsOf(String fileName, String content) throws IOException {
    write(fileName, content);
    try {
      JudgeCatalog.load(folder);
    } catch (JudgeCatalogException e) {
      return e.problems();
    }
    throw new AssertionError("expected the catalog to be rejected");
  }

  @Test
  void shouldLetOnlyRewardModelsScoreTheOverallDimension() throws IOException {
    write(
        "preferred.json",
        """
        {"id": "preferred", "kind": "reward-model", "dimensions": ["overall"],
         "description": "Learnt from votes."}
        """);

    assertThat(JudgeCatalog.load(folder))
        .singleElement()
        .satisfies(
            judge -> {
              assertThat(judge.kind()).isEqualTo(JudgeKind.REWARD_MODEL);
              assertThat(judge.dimensions()).containsExactly("overall");
            });
    assertThat(
            problemsOf(
                "loudness-check.json",
                """
                {"id": "loudness-check", "kind": "dsp", "dimensions": ["overall"],
                 "description": "x"}
                """))
        .containsExactly(
            "loudness-check.json: dimension \"overall\" is unknown; use one of "
                + "[content, emotion, nonspeech, prosody, quality, turn-taking]");
  }

  @Test
  void shouldLoadAValidDefinitionWithAVersionFromTheFileBytes() throws IOException {
    write("loudness-check.json", VALID);
    write("README.md", "not a judge");

    List<JudgeDefinition> judges = JudgeCatalog.load(folder);

    assertThat(judges)
        .singleElement()
        .satisfies(
            judge -> {
              assertThat(judge.id()).isEqualTo("loudness-check");
              assertThat(judge.kind()).isEqualTo(JudgeKind.DSP);
              assertThat(judge.dimensions()).containsExactly("quality");
              assertThat(judge.parameters().values())
                  .containsEntry("maxLufs", -12)
                  .containsEntry("label", "x");
              assertThat(judge.version())
                  .isEqualTo(JudgeCatalog.version(VALID.getBytes(StandardCharsets.UTF_8)))
                  .hasSize(12)
                  .matches("[0-9a-f]{12}");
            });
  }

  @Test
  void shouldChangeTheVersionWhenTheFileChanges() throws IOException {
    write("loudness-check.json", VALID);
    String before = JudgeCatalog.load(folder).get(0).version();

    write("loudness-check.json", VALID.replace("-12", "-14"));

    assertThat(JudgeCatalog.load(folder).get(0).version()).isNotEqualTo(before);
  }

  @Test
  void shouldAcceptModelKindsWithoutARuntime() throws IOException {
    write(
        "emotion-model.json",
        """
                {"id": "emotion-model", "kind": "onnx", "dimensions": ["emotion"], "description": "Later."}
                """);

    assertThat(JudgeCatalog.load(folder))
        .singleElement()
        .satisfies(judge -> assertThat(judge.kind()).isEqualTo(JudgeKind.ONNX));
  }

  @Test
  void shouldRequireTheIdToMatchTheFileName() throws IOException {
    assertThat(problemsOf("other-name.json", VALID))
        .containsExactly(
            "other-name.json: id 'loudness-check' must "
                + "match the file name; rename the file to loudness-check.json or the id to 'other-name'");
  }

  @Test
  void shouldRejectUnknownKindsDimensionsAndFields() throws IOException {
    assertThat(
            problemsOf(
                "loudness-check.json",
                """
                {"id": "loudness-check", "kind": "neural", "dimensions": ["quality", "style", "quality"],
                 "description": "x", "version": "1"}
                """))
        .containsExactlyInAnyOrder(
            "loudness-check.json: unknown field 'version'; known fields are "
                + "[description, dimensions, id, kind, parameters, rationale]",
            "loudness-check.json: kind 'neural' is unknown; use one of dsp, text, onnx, llm, transcription,"
                + " reward-model, duplex",
            "loudness-check.json: dimension \"style\" is unknown; use one of "
                + "[content, emotion, nonspeech, prosody, quality, turn-taking]",
            "loudness-check.json: dimension 'quality' is listed twice");
  }

  @Test
  void shouldReportEveryBrokenFileAtOnce() throws IOException {
    write("broken.json", "{not json");
    write(
        "Bad_Id.json",
        """
                {"id": "Bad_Id", "kind": "text", "dimensions": [], "parameters": {"x": null}}
                """);

    assertThatThrownBy(() -> JudgeCatalog.load(folder))
        .isInstanceOfSatisfying(
            JudgeCatalogException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "Bad_Id.json: id 'Bad_Id' is not allowed: use up to 64 lower-case letters, digits and inner "
                            + "hyphens",
                        "Bad_Id.json: 'dimensions' is required: a non-empty list drawn from "
                            + "[content, emotion, nonspeech, prosody, quality, turn-taking]",
                        "Bad_Id.json: 'description' is required and must be a non-empty string",
                        "Bad_Id.json: parameter 'x' is null; leave it out to use the default",
                        "broken.json: not valid JSON: Unexpected character ('n' (code 110)): was expecting "
                            + "double-quote to start field name"))
        .hasMessageStartingWith("invalid judge definitions in " + folder);
  }

  @Test
  void shouldRejectAMissingFolder() {
    assertThatThrownBy(() -> JudgeCatalog.load(folder.resolve("absent")))
        .isInstanceOf(JudgeCatalogException.class)
        .hasMessageContaining("the judges folder does not exist");
  }

  @Test
  void shouldBuildEveryJudgeOfTheProjectCatalog() {
    List<JudgeDefinition> definitions = JudgeCatalog.load(Path.of("judges"));

    assertThat(definitions)
        .extracting(JudgeDefinition::id)
        .containsExactly(
            "acoustic-arousal",
            "asr-ctc",
            "asr-transcription",
            "audio-quality",
            "content-accuracy",
            "emotion-classifier",
            "llm-pairwise",
            "llm-rubric",
            "nonspeech-naming",
            "prosody-appropriateness",
            "speech-activity",
            "turn-taking");
    assertThat(definitions)
        .filteredOn(definition -> BuiltInJudges.isBuiltIn(definition.id()))
        .map(BuiltInJudges::create)
        .extracting(Judge::dimension)
        .containsExactly("emotion", "quality", "content", "nonspeech", "prosody");
  }

  @Test
  void shouldGiveEveryShippedJudgeAReasonForEachOfItsDimensions() {
    for (JudgeDefinition definition : JudgeCatalog.load(Path.of("judges"))) {
      assertThat(definition.rationale().keySet())
          .as(definition.id())
          .containsExactlyInAnyOrderElementsOf(definition.dimensions());
    }
  }

  @Test
  void shouldReadTheRationaleOfEachDimension() throws IOException {
    write(
        "loudness-check.json",
        VALID.replace(
            "\"description\"",
            "\"rationale\": {\"quality\": \"Loud audio distorts.\"}, \"description\""));

    assertThat(JudgeCatalog.load(folder).get(0).rationale())
        .containsExactly(Map.entry("quality", "Loud audio distorts."));
  }

  @Test
  void shouldRequireARationaleForEveryDimensionAndNoOther() throws IOException {
    assertThat(
            problemsOf(
                "loudness-check.json",
                """
                {"id": "loudness-check", "kind": "dsp", "dimensions": ["quality", "prosody"],
                 "rationale": {"quality": "Loud audio distorts.", "emotion": "x"},
                 "description": "x"}
                """))
        .containsExactlyInAnyOrder(
            "loudness-check.json: rationale for 'emotion', which is not among the judge's"
                + " dimensions [quality, prosody]",
            "loudness-check.json: 'rationale' must say why the judge scores 'prosody' too");
  }

  @Test
  void shouldRejectABuiltInJudgeDeclaredForAnotherDimension() throws IOException {
    write(
        "audio-quality.json",
        """
                {"id": "audio-quality", "kind": "dsp", "dimensions": ["prosody"], "description": "x"}
                """);

    JudgeDefinition definition = JudgeCatalog.load(folder).get(0);

    assertThatThrownBy(() -> BuiltInJudges.create(definition))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "judge 'audio-quality' scores the dimension [quality], but its file declares [prosody]");
  }

  @Test
  void shouldRejectANonNumericThreshold() throws IOException {
    write(
        "audio-quality.json",
        """
                {"id": "audio-quality", "kind": "dsp", "dimensions": ["quality"], "description": "x",
                 "parameters": {"snrMidDb": "fifteen"}}
                """);

    JudgeDefinition definition = JudgeCatalog.load(folder).get(0);

    assertThatThrownBy(() -> BuiltInJudges.create(definition))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("judge 'audio-quality': parameter 'snrMidDb' must be a number, got fifteen");
  }
}
