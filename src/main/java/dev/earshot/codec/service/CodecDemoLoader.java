package dev.earshot.codec.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.audio.decode.AudioDecoder;
import dev.earshot.audio.decode.AudioLimits;
import dev.earshot.audio.decode.AudioRejectedException;
import dev.earshot.audio.decode.MonoAudio;
import dev.earshot.audio.decode.WavWriter;
import dev.earshot.codec.core.CodecShape;
import dev.earshot.codec.core.SimulatedCodec;
import dev.earshot.codec.service.CodecViews.CodecView;
import dev.earshot.codec.service.CodecViews.NewCodec;
import dev.earshot.codec.service.CodecViews.NewCodecRun;
import dev.earshot.dataset.service.GeneratedDatasets;
import dev.earshot.evaluation.service.DemoRun;
import dev.earshot.evaluation.service.RunViews.RunView;
import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.platform.startup.WarmUp;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Builds the codec demo data set ({@value #DATASET}) when it is missing: the audio of a few prompts
 * of the demo data set, "resynthesised" by the four {@link SimulatedCodec simulated codecs} (known
 * degradations, not neural codecs), imported through {@link GeneratedDatasets}, and registers those
 * codecs with their declared shapes. Its codec run is the demo's first-start run ({@link DemoRun}).
 */
@ApplicationScoped
public class CodecDemoLoader implements DemoRun {

  /** Name of the codec demo dataset. */
  public static final String DATASET = "demo-codecs";

  /** The demo prompts whose audio the simulated codecs resynthesise. */
  static final List<String> PROMPTS =
      List.of(
          "content-01",
          "content-02",
          "content-03",
          "content-04",
          "emotion-01",
          "emotion-02",
          "prosody-01",
          "prosody-02");

  private static final Logger LOG = Logger.getLogger(CodecDemoLoader.class);

  private final GeneratedDatasets generated;
  private final CodecService codecs;
  private final EarshotConfig config;
  private final WarmUp warmUp;
  private final ObjectMapper json = new ObjectMapper();

  public CodecDemoLoader(
      GeneratedDatasets generated, CodecService codecs, EarshotConfig config, WarmUp warmUp) {
    this.generated = generated;
    this.codecs = codecs;
    this.config = config;
    this.warmUp = warmUp;
  }

  void onStart(@Observes StartupEvent event) {
    if (enabled()) {
      warmUp.submit("codec demo check", this::loadIfMissing);
    }
  }

  private boolean enabled() {
    return config.demo().load() && config.demo().codecs();
  }

  /**
   * Registers the simulated codecs that are not registered, and builds and imports the codec demo
   * unless a dataset of its name exists (or the demo's prompts are not there to build it from).
   */
  public void loadIfMissing() {
    registerMissingCodecs();
    Path prompts = config.demo().path().resolve("prompts");
    if (generated.exists(DATASET)) {
      return;
    }
    if (!Files.isDirectory(prompts)) {
      LOG.warnf(
          "Codec demo not built: the demo prompts folder %s is missing", prompts.toAbsolutePath());
      return;
    }
    generated
        .importIfMissing(DATASET, folder -> write(prompts, folder))
        .ifPresent(
            report ->
                LOG.infof(
                    "Codec demo data set '%s': %d prompts, %d resyntheses by %d simulated codecs",
                    report.dataset(),
                    report.prompts(),
                    report.responses(),
                    SimulatedCodec.values().length));
  }

  private void registerMissingCodecs() {
    Set<String> registered =
        codecs.list().stream().map(CodecView::name).collect(Collectors.toSet());
    for (SimulatedCodec codec : SimulatedCodec.values()) {
      if (!registered.contains(codec.codecName())) {
        CodecShape shape = codec.shape();
        codecs.register(
            new NewCodec(
                codec.codecName(),
                shape.frameRate(),
                shape.codebooks(),
                shape.codebookSize(),
                codec.description()));
      }
    }
  }

  @Override
  public String dataset() {
    return DATASET;
  }

  @Override
  public boolean ready() {
    return enabled() && generated.exists(DATASET);
  }

  @Override
  public RunView start() {
    return codecs.startRun(
        new NewCodecRun(
            DATASET,
            Arrays.stream(SimulatedCodec.values()).map(SimulatedCodec::codecName).toList()));
  }

  /** Writes the dataset folder: each prompt's audio and every simulated codec's version of it. */
  private void write(Path demoPrompts, Path folder) throws IOException {
    AudioDecoder decoder = new AudioDecoder(AudioLimits.DEFAULTS);
    List<String> manifest = new ArrayList<>();
    List<String> responses = new ArrayList<>();
    Files.createDirectories(folder.resolve("prompts"));
    for (int item = 0; item < PROMPTS.size(); item++) {
      String prompt = PROMPTS.get(item);
      // Not the demo's own prompt id: an id in two datasets must be qualified in reward requests.
      String id = "resynthesis-" + prompt;
      MonoAudio original = decode(decoder, demoPrompts.resolve(prompt + ".flac"));
      String audio = "prompts/" + prompt + ".wav";
      Files.write(
          folder.resolve(audio), WavWriter.pcm16(original.samples(), original.sampleRate()));
      manifest.add(
          json.writeValueAsString(
              Map.of(
                  "id",
                  id,
                  "text",
                  "The audio of the demo prompt '" + prompt + "', to be resynthesised.",
                  "audio",
                  audio)));
      for (SimulatedCodec codec : SimulatedCodec.values()) {
        String resynthesis = "resyntheses/" + codec.codecName() + "/" + prompt + ".wav";
        Path file = folder.resolve(resynthesis);
        Files.createDirectories(file.getParent());
        float[] samples = codec.resynthesise(original.samples(), original.sampleRate(), item);
        Files.write(file, WavWriter.pcm16(samples, original.sampleRate()));
        responses.add(
            json.writeValueAsString(
                Map.of("system", codec.codecName(), "prompt", id, "audio", resynthesis)));
      }
    }
    ObjectNode dataset = json.createObjectNode();
    dataset.put("name", DATASET);
    dataset.put(
        "description",
        "SIMULATED codec demo built by the service at start-up: the audio of "
            + PROMPTS.size()
            + " demo prompts and its 'resyntheses' by four simulated codecs, known degradations"
            + " rather than neural codecs (an identical copy, white noise at 20 dB and 5 dB SNR,"
            + " a 3 kHz low-pass). Their bitrates are declared for the demo, not measured."
            + " Expected: sim-transparent best (STOI 1, SI-SDR 100 dB), sim-noise-20db before"
            + " sim-noise-5db, SI-SDR near the added noise's SNR.");
    ArrayNode systems = dataset.putArray("systems");
    for (SimulatedCodec codec : SimulatedCodec.values()) {
      systems.addObject().put("name", codec.codecName()).put("description", codec.description());
    }
    Files.writeString(folder.resolve("dataset.json"), json.writeValueAsString(dataset));
    Files.write(folder.resolve("manifest.jsonl"), manifest, StandardCharsets.UTF_8);
    Files.write(folder.resolve("responses.jsonl"), responses, StandardCharsets.UTF_8);
  }

  private static MonoAudio decode(AudioDecoder decoder, Path file) throws IOException {
    try {
      return decoder.decodeMono(ByteBuffer.wrap(Files.readAllBytes(file)));
    } catch (AudioRejectedException e) {
      throw new IOException("demo prompt " + file + " is not readable audio: " + e.getMessage(), e);
    }
  }
}
