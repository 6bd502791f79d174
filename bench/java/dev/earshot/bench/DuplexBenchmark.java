package dev.earshot.bench;

import dev.earshot.audio.decode.NativeAudio;
import dev.earshot.duplex.core.DuplexDemoSystems;
import dev.earshot.duplex.core.SyntheticDialogue;
import dev.earshot.duplex.service.DuplexAnalysisService;
import dev.earshot.duplex.service.DuplexReport;
import dev.earshot.judge.onnx.SileroVad;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Full-duplex timing of {@code POST /api/analysis/duplex} (and the turn-taking judge) on one
 * thread: the demo's 12 s two-channel "patient" dialogue at 16 kHz, segmented by the Silero VAD
 * (the shipped model, on both channels) or by the energy fallback. Decoding is not included. Speed
 * as a multiple of real time = 12 s / average time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class DuplexBenchmark {

  private NativeAudio dialogue;
  private SileroVad vad;

  @Setup
  public void load() {
    dialogue =
        new NativeAudio(
            DuplexDemoSystems.PATIENT.dialogue().channels(), SyntheticDialogue.SAMPLE_RATE);
    vad = SileroVad.load(Path.of("judges/models/silero_vad_v5.onnx"));
  }

  @TearDown
  public void close() {
    vad.close();
  }

  @Benchmark
  public DuplexReport sileroVad() {
    return DuplexAnalysisService.measure(dialogue, Optional.of(vad));
  }

  @Benchmark
  public DuplexReport energyFallback() {
    return DuplexAnalysisService.measure(dialogue, Optional.empty());
  }
}
