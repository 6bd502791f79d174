package dev.earshot.duplex.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.audio.decode.WavWriter;
import dev.earshot.dataset.service.GeneratedDatasets;
import dev.earshot.duplex.core.DuplexDemoSystems;
import dev.earshot.duplex.core.DuplexDemoSystems.DemoDialogue;
import dev.earshot.duplex.core.SyntheticDialogue;
import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.platform.startup.WarmUp;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Builds the synthetic duplex demo data set ({@value #DATASET}) when it is missing: every system of
 * {@link DuplexDemoSystems} answers each prompt with a two-channel dialogue of known timing, the
 * same dialogue delayed by each of {@link DuplexDemoSystems#DEMO_DELAYS_SECONDS}, imported through
 * {@link GeneratedDatasets}; nothing is kept in the repository.
 */
@ApplicationScoped
public class DuplexDemoLoader {

  /** Name of the duplex demo dataset. */
  public static final String DATASET = "demo-duplex";

  /** The judge the duplex demo is evaluated with at first start. */
  public static final String JUDGE = "turn-taking";

  private static final Logger LOG = Logger.getLogger(DuplexDemoLoader.class);

  private static final Map<String, String> SYSTEM_DESCRIPTIONS =
      Map.of(
          "patient",
          "Answers 0.3 s after the user stops, backchannels once during a long user turn and"
              + " stops 0.4 s after the user barges in.",
          "eager",
          "Starts answering 0.6 s before the user has finished (two interruptions), stops 0.6 s"
              + " after a barge-in, then answers 0.2 s before the user has finished.",
          "never-yields",
          "Answers 0.5 s after the user stops and talks on through two barge-ins (3.0 s and 1.3"
              + " s to its planned end).");

  private final GeneratedDatasets generated;
  private final EarshotConfig config;
  private final WarmUp warmUp;
  private final ObjectMapper json = new ObjectMapper();

  public DuplexDemoLoader(GeneratedDatasets generated, EarshotConfig config, WarmUp warmUp) {
    this.generated = generated;
    this.config = config;
    this.warmUp = warmUp;
  }

  void onStart(@Observes StartupEvent event) {
    if (config.demo().load() && config.demo().duplex()) {
      warmUp.submit("duplex demo check", this::loadIfMissing);
    }
  }

  /** Builds and imports the duplex demo unless a dataset of its name exists. */
  public void loadIfMissing() {
    generated
        .importIfMissing(DATASET, this::write)
        .ifPresent(
            report ->
                LOG.infof(
                    "Duplex demo data set '%s': %d dialogues, %d responses",
                    report.dataset(), report.prompts(), report.responses()));
  }

  /** Writes the demo's dataset folder: dataset.json, manifest.jsonl, responses.jsonl and WAVs. */
  void write(Path folder) throws IOException {
    List<String> prompts = new ArrayList<>();
    List<String> responses = new ArrayList<>();
    List<Double> delays = DuplexDemoSystems.DEMO_DELAYS_SECONDS;
    for (int i = 0; i < delays.size(); i++) {
      String prompt = "dialogue-" + (i + 1);
      prompts.add(
          line(
              Map.of(
                  "id",
                  prompt,
                  "text",
                  String.format(
                      Locale.ROOT,
                      "Spoken dialogue %d (SIMULATED; user on channel 1, system on channel 2):"
                          + " the user speaks from %.2f s on, three times, and barges in once.",
                      i + 1,
                      0.5 + delays.get(i)),
                  "expectations",
                  Map.of("dimensions", List.of(TurnTakingJudgeKind.DIMENSION)))));
      for (DemoDialogue demo : DuplexDemoSystems.ALL) {
        String audio = "responses/" + demo.system() + "/" + prompt + ".wav";
        Path file = folder.resolve(audio);
        Files.createDirectories(file.getParent());
        Files.write(
            file,
            WavWriter.pcm16(
                demo.delayed(delays.get(i)).dialogue().channels(), SyntheticDialogue.SAMPLE_RATE));
        responses.add(line(Map.of("system", demo.system(), "prompt", prompt, "audio", audio)));
      }
    }
    ObjectNode dataset = json.createObjectNode();
    dataset.put("name", DATASET);
    dataset.put(
        "description",
        "SIMULATED full-duplex demo built by the service at start-up: three spoken-dialogue"
            + " systems with known turn-taking, each answering three two-channel dialogues (user"
            + " on channel 1, system on channel 2) of synthetic speech-like voices whose every"
            + " start and end is known to the sample. Expected turn-taking order: patient, eager,"
            + " never-yields.");
    ArrayNode systems = dataset.putArray("systems");
    DuplexDemoSystems.ALL.forEach(
        demo ->
            systems
                .addObject()
                .put("name", demo.system())
                .put("description", SYSTEM_DESCRIPTIONS.get(demo.system())));
    Files.writeString(folder.resolve("dataset.json"), json.writeValueAsString(dataset));
    Files.write(folder.resolve("manifest.jsonl"), prompts, StandardCharsets.UTF_8);
    Files.write(folder.resolve("responses.jsonl"), responses, StandardCharsets.UTF_8);
  }

  private String line(Map<String, Object> fields) throws IOException {
    return json.writeValueAsString(fields);
  }
}
