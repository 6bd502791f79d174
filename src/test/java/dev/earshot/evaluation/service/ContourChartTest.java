package dev.earshot.evaluation.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.judge.dsp.ProsodyAnalyzer;
import dev.earshot.judge.dsp.ProsodyFeatures;
import org.junit.jupiter.api.Test;

class ContourChartTest {

  private static final int RATE = 16_000;

  @Test
  void shouldPlotVoicedFramesAsPointsAndSilenceAsGaps() {
    // 0.5 s of a 200 Hz tone, 0.3 s of silence, 0.5 s of a 300 Hz tone.
    float[] samples = new float[(int) (1.3 * RATE)];
    for (int i = 0; i < samples.length; i++) {
      double t = (double) i / RATE;
      double f = t < 0.5 ? 200 : t >= 0.8 ? 300 : 0;
      samples[i] = f == 0 ? 0 : (float) (0.3 * Math.sin(2 * Math.PI * f * t));
    }
    ProsodyFeatures prosody = ProsodyAnalyzer.analyze(samples, RATE);

    ContourChart chart = ContourChart.of(prosody);

    assertThat(chart.durationSeconds()).isEqualTo(1.3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(chart.pitch()).hasSize(prosody.pitchTrack().size());
    assertThat(valueAt(chart, 0.25)).isCloseTo(200, org.assertj.core.data.Offset.offset(10.0));
    assertThat(valueAt(chart, 0.65)).isNull();
    assertThat(valueAt(chart, 1.05)).isCloseTo(300, org.assertj.core.data.Offset.offset(15.0));
    assertThat(chart.maxHz()).isEqualTo(350);
    assertThat(chart.intensity()).allSatisfy(p -> assertThat(p[1]).isGreaterThanOrEqualTo(-80));
    assertThat(chart.intensity().stream().filter(p -> p[0] > 0.6 && p[0] < 0.7))
        .allSatisfy(p -> assertThat(p[1]).isEqualTo(-80));
  }

  private static Double valueAt(ContourChart chart, double seconds) {
    return chart.pitch().stream()
        .min((a, b) -> Double.compare(Math.abs(a[0] - seconds), Math.abs(b[0] - seconds)))
        .orElseThrow()[1];
  }
}
