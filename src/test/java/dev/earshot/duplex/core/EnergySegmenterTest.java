package dev.earshot.duplex.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnergySegmenterTest {

  private static final int RATE = SyntheticDialogue.SAMPLE_RATE;

  @Test
  void shouldFindUtterancesToTheFrame() {
    float[] user = new SyntheticDialogue(6).user(0.5, 2.0).user(3.25, 5.0).channels()[0];

    List<Segment> segments = SegmentRules.DEFAULTS.apply(EnergySegmenter.segments(user, RATE));

    assertThat(segments).hasSize(2);
    assertThat(segments.get(0).start()).isCloseTo(0.5, within(0.011));
    assertThat(segments.get(0).end()).isCloseTo(2.0, within(0.011));
    assertThat(segments.get(1).start()).isCloseTo(3.25, within(0.011));
    assertThat(segments.get(1).end()).isCloseTo(5.0, within(0.011));
  }

  @Test
  void shouldFindNothingInDigitalSilence() {
    assertThat(EnergySegmenter.segments(new float[2 * RATE], RATE)).isEmpty();
  }

  @Test
  void shouldMoveCoarseEdgesToTheSoundWithinReach() {
    float[] user = new SyntheticDialogue(3).user(1.0, 2.0).channels()[0];
    List<Segment> coarse =
        List.of(
            // As a 32 ms window model with a hangover sees it: starting late, ending three late.
            new Segment(1.024, 2.096),
            // Inside the sound: it grows by the reach only.
            new Segment(1.5, 1.9),
            // In silence: it stays as it was.
            new Segment(2.5, 2.8));

    List<Segment> refined = EnergySegmenter.refineEdges(coarse, user, RATE, 0.03);

    assertThat(refined)
        .containsExactly(new Segment(1.0, 2.0), new Segment(1.47, 1.93), new Segment(2.5, 2.8));
  }
}
