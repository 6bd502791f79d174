package dev.earshot.duplex.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TurnTakingScoreTest {

  private static final TurnTakingScore.Settings SETTINGS = TurnTakingScore.Settings.DEFAULTS;

  private static TurnTakingScore score(List<Segment> user, List<Segment> model) {
    return TurnTakingScore.of(DuplexTiming.measure(user, model, 12), SETTINGS).orElseThrow();
  }

  @Test
  void shouldScoreAnAnswerAtTheMidLatencyOneHalfOnLatency() {
    TurnTakingScore score = score(List.of(new Segment(0.5, 2.0)), List.of(new Segment(3.0, 4.0)));

    assertThat(score.latencyFactor()).isCloseTo(0.5, within(1e-12));
    assertThat(score.interruptionFactor()).isEqualTo(1.0);
    assertThat(score.yieldFactor()).isNull();
    assertThat(score.score()).isCloseTo((0.5 + 1.0) / 2, within(1e-12));
  }

  @Test
  void shouldChargeEveryInterruptionPerUserSegment() {
    // The model starts 1 s before each of two user segments ends: two interruptions of two.
    TurnTakingScore score =
        score(
            List.of(new Segment(0.5, 3.0), new Segment(6.0, 8.0)),
            List.of(new Segment(2.0, 5.0), new Segment(7.0, 9.0)));

    assertThat(score.interruptionFactor()).isZero();
    double latency = 1 / (1 + Math.exp(-(1.0 - (-1.0)) / 0.25));
    assertThat(score.latencyFactor()).isCloseTo(latency, within(1e-12));
    assertThat(score.score()).isCloseTo(latency / 2, within(1e-12));
  }

  @Test
  void shouldScoreYieldingAsTheShareOfBargeInsStoppedWithinOneSecond() {
    // The user barges in at 4.0; the model talks on until 6.0.
    TurnTakingScore score =
        score(
            List.of(new Segment(0.5, 2.0), new Segment(4.0, 5.0)), List.of(new Segment(2.3, 6.0)));

    assertThat(score.yieldFactor()).isZero();
    double latency = 1 / (1 + Math.exp(-(1.0 - 0.3) / 0.25));
    assertThat(score.score()).isCloseTo((latency + 1.0 + 0.0) / 3, within(1e-9));
  }

  @Test
  void shouldGiveNoScoreWithoutUserSpeech() {
    assertThat(
            TurnTakingScore.of(
                DuplexTiming.measure(List.of(), List.of(new Segment(1, 2)), 3), SETTINGS))
        .isEmpty();
  }

  @Test
  void shouldOrderTheDemoSystemsPatientEagerNeverYields() {
    double patient = demoScore(DuplexDemoSystems.PATIENT);
    double eager = demoScore(DuplexDemoSystems.EAGER);
    double neverYields = demoScore(DuplexDemoSystems.NEVER_YIELDS);

    assertThat(patient).isGreaterThan(eager);
    assertThat(eager).isGreaterThan(neverYields);
  }

  /** The score of a demo dialogue's constructed timing (its utterances as segments). */
  private static double demoScore(DuplexDemoSystems.DemoDialogue demo) {
    SyntheticDialogue dialogue = demo.dialogue();
    return score(segments(dialogue.userUtterances()), segments(dialogue.modelUtterances())).score();
  }

  private static List<Segment> segments(List<SyntheticDialogue.Utterance> utterances) {
    return utterances.stream().map(u -> new Segment(u.start(), u.end())).toList();
  }
}
