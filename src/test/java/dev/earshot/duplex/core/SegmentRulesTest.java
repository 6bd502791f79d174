package dev.earshot.duplex.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentRulesTest {

  @Test
  void shouldMergeAcrossShortGapsThenDropShortSegments() {
    List<Segment> raw =
        List.of(
            new Segment(3.0, 3.05), // alone and 50 ms long: dropped
            new Segment(0.0, 1.0),
            new Segment(1.15, 2.0), // 150 ms gap: merged
            new Segment(2.2, 2.5)); // 200 ms gap: kept apart

    assertThat(SegmentRules.DEFAULTS.apply(raw))
        .containsExactly(new Segment(0.0, 2.0), new Segment(2.2, 2.5));
  }

  @Test
  void shouldKeepShortPiecesThatMergeIntoALongSegment() {
    List<Segment> raw =
        List.of(new Segment(0.0, 0.06), new Segment(0.1, 0.16), new Segment(0.2, 0.26));

    assertThat(SegmentRules.DEFAULTS.apply(raw)).containsExactly(new Segment(0.0, 0.26));
  }
}
