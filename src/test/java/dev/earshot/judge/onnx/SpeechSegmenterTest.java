package dev.earshot.judge.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpeechSegmenterTest {

  private static final int WINDOW = 512;
  private static final int RATE = 16_000;

  @Test
  void shouldFindNothingBelowTheThreshold() {
    assertThat(segments(VadSettings.DEFAULTS, run(0.49f, 40))).isEmpty();
  }

  @Test
  void shouldPadASpeechRunBySpeechPad() {
    // Speech from window 2 to 22; silence reaches 100 ms (1600 samples) at window 26.
    float[] probabilities = concat(run(0f, 2), run(0.9f, 20), run(0f, 10));

    List<SpeechSegment> segments = segments(VadSettings.DEFAULTS, probabilities);

    assertThat(segments)
        .containsExactly(
            new SpeechSegment(
                (2 * WINDOW - 480) / (double) RATE, (22 * WINDOW + 480) / (double) RATE));
  }

  @Test
  void shouldDropSpeechShorterThanMinimum() {
    // 7 windows = 3584 samples, under the 250 ms (4000 samples) minimum.
    assertThat(segments(VadSettings.DEFAULTS, concat(run(0f, 5), run(0.9f, 7), run(0f, 10))))
        .isEmpty();
  }

  @Test
  void shouldBridgeSilenceShorterThanMinimum() {
    // Three windows (96 ms) under the neg threshold do not make 100 ms of silence.
    float[] probabilities = concat(run(0.9f, 10), run(0f, 3), run(0.9f, 10), run(0f, 10));

    assertThat(segments(VadSettings.DEFAULTS, probabilities)).hasSize(1);
  }

  @Test
  void shouldKeepSpeechGoingBetweenTheTwoThresholds() {
    float[] probabilities = concat(run(0.9f, 10), run(0.4f, 10), run(0f, 10));

    List<SpeechSegment> segments = segments(VadSettings.DEFAULTS, probabilities);

    assertThat(segments).hasSize(1);
    assertThat(segments.get(0).endSeconds()).isEqualTo((20 * WINDOW + 480) / (double) RATE);
  }

  @Test
  void shouldNotStartSpeechBetweenTheTwoThresholds() {
    assertThat(segments(VadSettings.DEFAULTS, run(0.45f, 40))).isEmpty();
  }

  @Test
  void shouldEndSpeechThatRunsToTheEndAtTheEnd() {
    float[] probabilities = concat(run(0f, 10), run(0.9f, 20));

    List<SpeechSegment> segments = segments(VadSettings.DEFAULTS, probabilities);

    assertThat(segments).hasSize(1);
    assertThat(segments.get(0).endSeconds()).isEqualTo(30 * WINDOW / (double) RATE);
  }

  @Test
  void shouldCountPausesBetweenSegmentsOnly() {
    float[] probabilities =
        concat(run(0f, 10), run(0.9f, 10), run(0f, 20), run(0.9f, 10), run(0f, 8), run(0.9f, 10));

    VadResult result =
        VadResult.of(segments(VadSettings.DEFAULTS, probabilities), 68 * WINDOW / (double) RATE);

    assertThat(result.segments()).hasSize(3);
    assertThat(result.pauseCount()).isEqualTo(2);
    // The 20-window silence minus 30 ms of padding on each side.
    assertThat(result.longestPauseSeconds())
        .isCloseTo((20 * WINDOW - 960) / (double) RATE, within(1e-12));
    assertThat(result.speechFraction())
        .isCloseTo(
            result.segments().stream().mapToDouble(SpeechSegment::durationSeconds).sum()
                / result.durationSeconds(),
            within(1e-12));
  }

  @Test
  void shouldSplitTheGapBetweenSegmentsCloserThanTwicePadding() {
    VadSettings eager = new VadSettings(0.5, 0.35, 0, 0, 30);
    float[] probabilities = concat(run(0.9f, 10), run(0f, 1), run(0.9f, 10));

    List<SpeechSegment> segments = segments(eager, probabilities);

    assertThat(segments).hasSize(2);
    // The 512-sample gap is shared, 256 samples to each side.
    assertThat(segments.get(0).endSeconds()).isEqualTo((10 * WINDOW + 256) / (double) RATE);
    assertThat(segments.get(1).startSeconds()).isEqualTo((11 * WINDOW - 256) / (double) RATE);
  }

  private static List<SpeechSegment> segments(VadSettings settings, float[] probabilities) {
    return SpeechSegmenter.segments(
        probabilities, WINDOW, probabilities.length * WINDOW, RATE, settings);
  }

  private static float[] run(float probability, int windows) {
    float[] run = new float[windows];
    Arrays.fill(run, probability);
    return run;
  }

  private static float[] concat(float[]... runs) {
    float[] all = new float[Arrays.stream(runs).mapToInt(run -> run.length).sum()];
    int at = 0;
    for (float[] run : runs) {
      System.arraycopy(run, 0, all, at, run.length);
      at += run.length;
    }
    return all;
  }
}
