package dev.earshot.duplex.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DuplexTimingTest {

  private static Segment s(double start, double end) {
    return new Segment(start, end);
  }

  @Test
  void shouldMeasureTheLatencyOfEachAnsweredUserTurn() {
    DuplexTiming timing =
        DuplexTiming.measure(
            List.of(s(0, 2), s(5, 6), s(9, 10)), List.of(s(2.3, 4), s(6.7, 8), s(9.5, 11)), 12);

    assertThat(timing.turns())
        .containsExactly(
            new Turn(2, 2.3, 2.3 - 2), new Turn(6, 6.7, 6.7 - 6), new Turn(10, 9.5, 9.5 - 10));
    assertThat(timing.latencySeconds().count()).isEqualTo(3);
    assertThat(timing.latencySeconds().median()).isCloseTo(0.3, within(1e-9));
    // Sorted -0.5, 0.3, 0.7: the 90th percentile lies 0.8 of the way from 0.3 to 0.7.
    assertThat(timing.latencySeconds().p90()).isCloseTo(0.62, within(1e-9));
    assertThat(timing.overlapSeconds()).isCloseTo(0.5, within(1e-9));
    assertThat(timing.interruptions()).isEqualTo(1);
  }

  @Test
  void shouldNotCountAUserPauseAsATurnTheModelAnswered() {
    // The user pauses 1 s and goes on; the model answers only after the second segment.
    DuplexTiming timing = DuplexTiming.measure(List.of(s(0, 2), s(3, 4)), List.of(s(4.2, 6)), 6);

    assertThat(timing.turns()).containsExactly(new Turn(4, 4.2, 4.2 - 4));
  }

  @Test
  void shouldTellABackchannelFromAnInterruption() {
    DuplexTiming timing =
        DuplexTiming.measure(
            List.of(s(0, 5)),
            // 0.6 s inside the user's turn: a backchannel, though it overlaps >= 0.5 s.
            // 1.2 s inside: too long for a backchannel, so an interruption.
            // 0.4 s from 4.8 on: past the user's end, so it takes the turn (overlap 0.2 s only).
            List.of(s(1, 1.6), s(2, 3.2), s(4.8, 5.2)),
            6);

    assertThat(timing.backchannels()).isEqualTo(1);
    assertThat(timing.interruptions()).isEqualTo(1);
    assertThat(timing.turns()).containsExactly(new Turn(5, 4.8, 4.8 - 5));
  }

  @Test
  void shouldMeasureHowSoonTheModelYieldsToABargeIn() {
    DuplexTiming timing =
        DuplexTiming.measure(
            List.of(s(0, 1), s(3, 4), s(8, 9)),
            // Barged into at 3: stops at 3.5. Barged into at 8: talks on until 10.
            List.of(s(1.3, 3.5), s(6, 10)),
            10);

    assertThat(timing.bargeIns()).isEqualTo(2);
    assertThat(timing.yieldedWithin1s()).isCloseTo(0.5, within(1e-9));
    assertThat(timing.meanYieldSeconds()).isCloseTo((0.5 + 2) / 2, within(1e-9));
    // The user's 3..4 ended after the model stopped: answered at 6. 8..9 ended under the model.
    assertThat(timing.turns()).containsExactly(new Turn(1, 1.3, 1.3 - 1), new Turn(4, 6, 2));
    assertThat(timing.interruptions()).isZero();
  }

  @Test
  void shouldReportNullsWhenThereIsNothingToMeasure() {
    DuplexTiming timing = DuplexTiming.measure(List.of(), List.of(), 3);

    assertThat(timing.turns()).isEmpty();
    assertThat(timing.latencySeconds()).isEqualTo(new LatencySummary(null, null, 0));
    assertThat(timing.bargeIns()).isZero();
    assertThat(timing.yieldedWithin1s()).isNull();
    assertThat(timing.meanYieldSeconds()).isNull();
    assertThat(timing.overlapSeconds()).isZero();
  }
}
