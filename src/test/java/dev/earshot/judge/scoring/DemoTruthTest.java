package dev.earshot.judge.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.audio.decode.AudioDecoder;
import dev.earshot.audio.decode.AudioLimits;
import dev.earshot.audio.decode.DecodedAudio;
import dev.earshot.audio.decode.MonoAudio;
import dev.earshot.dataset.manifest.DatasetFolder;
import dev.earshot.dataset.manifest.DatasetFolderReader;
import dev.earshot.dataset.manifest.PromptLine;
import dev.earshot.dataset.manifest.ResponseLine;
import dev.earshot.judge.dsp.ProsodyAnalyzer;
import dev.earshot.judge.dsp.QualityAnalyzer;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The judges of {@code judges/} against the known system order of the simulated demo data set:
 * every response is decoded and analysed, scored by the judge of each dimension its prompt names,
 * and the per-system means must follow the tiers of {@code datasets/demo/truth.json}.
 */
class DemoTruthTest {

  private static final Path DEMO = Path.of("datasets/demo");
  private static final Path JUDGES = Path.of("judges");

  /** dimension → system → mean score over the prompts naming that dimension. */
  private static Map<String, Map<String, Double>> means;

  private static JsonNode truthOrder;

  @BeforeAll
  static void scoreDemo() throws Exception {
    DatasetFolder demo = new DatasetFolderReader().read(DEMO, null);
    assertThat(demo.problems()).isEmpty();
    truthOrder = new ObjectMapper().readTree(DEMO.resolve("truth.json").toFile()).get("order");

    Map<String, Judge> judgeByDimension =
        JudgeCatalog.load(JUDGES).stream()
            .filter(definition -> BuiltInJudges.isBuiltIn(definition.id()))
            .map(BuiltInJudges::create)
            .collect(Collectors.toMap(Judge::dimension, Function.identity()));
    Map<String, PromptLine> prompts =
        demo.prompts().stream().collect(Collectors.toMap(PromptLine::id, Function.identity()));
    AudioDecoder decoder = new AudioDecoder(new AudioLimits(100_000_000L, 1800));

    Map<String, Map<String, List<Double>>> scores = new TreeMap<>();
    for (ResponseLine response : demo.responses()) {
      PromptLine prompt = prompts.get(response.promptId());
      DecodedAudio decoded = decoder.decode(ByteBuffer.wrap(Files.readAllBytes(response.audio())));
      MonoAudio audio = decoded.analysis();
      JudgeInput input =
          new JudgeInput(
              prompt.expectations(),
              prompt.reference(),
              response.text(),
              ProsodyAnalyzer.analyze(audio.samples(), audio.sampleRate()),
              QualityAnalyzer.analyze(
                  decoded.original().channels(),
                  decoded.original().sampleRate(),
                  audio.samples(),
                  audio.sampleRate()));
      for (String dimension : prompt.expectations().dimensions()) {
        judgeByDimension
            .get(dimension)
            .score(input)
            .ifPresent(
                score ->
                    scores
                        .computeIfAbsent(dimension, d -> new TreeMap<>())
                        .computeIfAbsent(response.system(), s -> new ArrayList<>())
                        .add(score.score()));
      }
    }
    means = new TreeMap<>();
    scores.forEach(
        (dimension, bySystem) ->
            bySystem.forEach(
                (system, values) ->
                    means
                        .computeIfAbsent(dimension, d -> new TreeMap<>())
                        .put(
                            system,
                            values.stream()
                                .mapToDouble(Double::doubleValue)
                                .average()
                                .orElseThrow())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"content", "prosody", "emotion", "nonspeech", "quality"})
  void shouldOrderSystemsLikeTheKnownTruth(String dimension) {
    Map<String, Double> bySystem = means.getOrDefault(dimension, Map.of());
    List<List<String>> tiers = new ArrayList<>();
    truthOrder
        .get(dimension)
        .forEach(
            tier -> {
              List<String> systems = new ArrayList<>();
              tier.forEach(system -> systems.add(system.asText()));
              tiers.add(systems);
            });
    String table =
        bySystem.entrySet().stream()
            .map(e -> String.format(Locale.ROOT, "%s=%.3f", e.getKey(), e.getValue()))
            .collect(Collectors.joining(", "));

    for (List<String> tier : tiers) {
      assertThat(bySystem)
          .as("%s means: every system of the truth is scored", dimension)
          .containsKeys(tier.toArray(String[]::new));
    }
    for (int better = 0; better < tiers.size(); better++) {
      for (int worse = better + 1; worse < tiers.size(); worse++) {
        for (String high : tiers.get(better)) {
          for (String low : tiers.get(worse)) {
            assertThat(bySystem.get(high))
                .as("%s: %s must score above %s (means %s)", dimension, high, low, table)
                .isGreaterThan(bySystem.get(low));
          }
        }
      }
    }
  }
}
