package dev.earshot.duplex.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.audio.decode.NativeAudio;
import dev.earshot.duplex.core.DuplexDemoSystems;
import dev.earshot.duplex.core.DuplexDemoSystems.DemoDialogue;
import dev.earshot.duplex.core.Segment;
import dev.earshot.duplex.core.SyntheticDialogue;
import dev.earshot.duplex.core.Turn;
import dev.earshot.judge.onnx.SileroVad;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The synthetic duplex demo through both segmenters: known latencies and the systems' order. */
class DuplexDemoTest {

  private static final double TOLERANCE_SECONDS = 0.03;

  private static SileroVad vad;

  @BeforeAll
  static void loadVad() {
    vad = SileroVad.load(Path.of("judges", DuplexAnalysisService.VAD_MODEL));
  }

  @AfterAll
  static void closeVad() {
    vad.close();
  }

  private static DuplexReport measure(DemoDialogue demo, boolean withVad) {
    NativeAudio recording =
        new NativeAudio(demo.dialogue().channels(), SyntheticDialogue.SAMPLE_RATE);
    return DuplexAnalysisService.measure(recording, withVad ? Optional.of(vad) : Optional.empty());
  }

  @ParameterizedTest(name = "with the VAD: {0}")
  @ValueSource(booleans = {true, false})
  void shouldMeasureTheConstructedLatenciesWithin30Ms(boolean withVad) {
    for (DemoDialogue demo : DuplexDemoSystems.ALL) {
      DuplexReport report = measure(demo, withVad);

      assertThat(report.segmenter())
          .isEqualTo(
              withVad ? DuplexReport.Segmenter.SILERO_VAD : DuplexReport.Segmenter.ENERGY_FALLBACK);
      List<Turn> turns = report.turns();
      assertThat(turns).as(demo.system()).hasSameSizeAs(demo.turns());
      for (int i = 0; i < turns.size(); i++) {
        double[] built = demo.turns().get(i);
        assertThat(turns.get(i).userEnd())
            .as(demo.system())
            .isCloseTo(built[0], within(TOLERANCE_SECONDS));
        assertThat(turns.get(i).modelStart())
            .as(demo.system())
            .isCloseTo(built[1], within(TOLERANCE_SECONDS));
        assertThat(turns.get(i).latencySeconds())
            .as(demo.system())
            .isCloseTo(built[1] - built[0], within(TOLERANCE_SECONDS));
      }
    }
  }

  @ParameterizedTest(name = "with the VAD: {0}")
  @ValueSource(booleans = {true, false})
  void shouldOrderTheSystemsAsTheyWereBuilt(boolean withVad) {
    DuplexReport patient = measure(DuplexDemoSystems.PATIENT, withVad);
    DuplexReport eager = measure(DuplexDemoSystems.EAGER, withVad);
    DuplexReport neverYields = measure(DuplexDemoSystems.NEVER_YIELDS, withVad);

    // Latency: the eager one answers before the user has finished, the patient one after 0.3 s.
    assertThat(eager.latencySeconds().median()).isLessThan(patient.latencySeconds().median());
    assertThat(patient.latencySeconds().median()).isLessThan(neverYields.latencySeconds().median());
    assertThat(patient.latencySeconds().median()).isCloseTo(0.3, within(TOLERANCE_SECONDS));

    // Interruptions: only the eager one.
    assertThat(eager.interruptions()).isEqualTo(2);
    assertThat(patient.interruptions()).isZero();
    assertThat(neverYields.interruptions()).isZero();

    // Backchannels: only the patient one, once.
    assertThat(patient.backchannels()).isEqualTo(1);
    assertThat(eager.backchannels()).isZero();
    assertThat(neverYields.backchannels()).isZero();

    // Yielding: the patient and the eager one stop within 1 s, the other never does.
    assertThat(patient.bargeIns()).isEqualTo(1);
    assertThat(eager.bargeIns()).isEqualTo(1);
    assertThat(neverYields.bargeIns()).isEqualTo(2);
    assertThat(patient.yieldedWithin1s()).isEqualTo(1.0);
    assertThat(eager.yieldedWithin1s()).isEqualTo(1.0);
    assertThat(neverYields.yieldedWithin1s()).isEqualTo(0.0);
    assertThat(patient.meanYieldSeconds()).isCloseTo(0.4, within(TOLERANCE_SECONDS));
    assertThat(eager.meanYieldSeconds()).isCloseTo(0.6, within(TOLERANCE_SECONDS));
    assertThat(neverYields.meanYieldSeconds())
        .isCloseTo((3.0 + 1.3) / 2, within(TOLERANCE_SECONDS));

    // Overlap: the backchannel and a short barge-in for the patient one, more for the others.
    assertThat(patient.overlapSeconds()).isCloseTo(0.3 + 0.4, within(2 * TOLERANCE_SECONDS));
    assertThat(eager.overlapSeconds()).isGreaterThan(patient.overlapSeconds());
    assertThat(neverYields.overlapSeconds()).isGreaterThan(patient.overlapSeconds());
  }

  @Test
  void shouldLetOnlyTheVadIgnoreNoiseOnTheModelChannel() {
    float[][] channels = new SyntheticDialogue(4).user(0.5, 2.0).channels();
    Random random = new Random(3);
    for (int i = 3 * SyntheticDialogue.SAMPLE_RATE; i < 4 * SyntheticDialogue.SAMPLE_RATE; i++) {
      channels[1][i] = (float) (0.1 * random.nextGaussian());
    }
    NativeAudio recording = new NativeAudio(channels, SyntheticDialogue.SAMPLE_RATE);

    DuplexReport withVad = DuplexAnalysisService.measure(recording, Optional.of(vad));
    DuplexReport byLevel = DuplexAnalysisService.measure(recording, Optional.empty());

    assertThat(withVad.model().segments()).isEmpty();
    assertThat(withVad.turns()).isEmpty();
    assertThat(byLevel.model().segments()).containsExactly(new Segment(3.0, 4.0));
    assertThat(byLevel.turns()).hasSize(1);
  }
}
