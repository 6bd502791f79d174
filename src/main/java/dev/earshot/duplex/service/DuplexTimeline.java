package dev.earshot.duplex.service;

import dev.earshot.duplex.core.DuplexTiming;
import dev.earshot.duplex.core.Segment;
import dev.earshot.duplex.core.Turn;
import java.util.List;

/**
 * What the response page's turn-taking timeline draws: both channels' speech, the stretches where
 * they overlap, and each answered turn's latency.
 *
 * @param segmenter which segmenter found the speech
 */
public record DuplexTimeline(
    String segmenter,
    double durationSeconds,
    List<Segment> user,
    List<Segment> model,
    List<Segment> overlaps,
    List<Turn> turns) {

  static DuplexTimeline of(DuplexReport report) {
    return new DuplexTimeline(
        report.segmenter(),
        report.durationSeconds(),
        report.user().segments(),
        report.model().segments(),
        DuplexTiming.overlaps(report.user().segments(), report.model().segments()),
        report.turns());
  }
}
