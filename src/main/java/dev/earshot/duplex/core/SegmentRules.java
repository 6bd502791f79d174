package dev.earshot.duplex.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a segmenter's raw speech stretches become the segments the timing is measured on: stretches
 * separated by less than {@code mergeGapSeconds} of silence are one segment (a stop closure or a
 * breath is no turn boundary), and merged segments shorter than {@code minSegmentSeconds} are
 * dropped (clicks, not speech).
 *
 * @param mergeGapSeconds silences shorter than this do not split a segment; default 0.2 s
 * @param minSegmentSeconds shorter segments are dropped, after merging; default 0.1 s
 */
public record SegmentRules(double mergeGapSeconds, double minSegmentSeconds) {

  public static final SegmentRules DEFAULTS = new SegmentRules(0.2, 0.1);

  public SegmentRules {
    if (!(mergeGapSeconds >= 0) || !(minSegmentSeconds >= 0)) {
      throw new IllegalArgumentException(
          "merge gap and minimum segment must not be negative: "
              + mergeGapSeconds
              + ", "
              + minSegmentSeconds);
    }
  }

  /** The raw stretches sorted, merged across short gaps and stripped of short segments. */
  public List<Segment> apply(List<Segment> raw) {
    List<Segment> sorted = new ArrayList<>(raw);
    sorted.sort(Comparator.comparingDouble(Segment::start));
    List<Segment> merged = new ArrayList<>();
    for (Segment next : sorted) {
      int last = merged.size() - 1;
      if (last >= 0 && next.start() - merged.get(last).end() < mergeGapSeconds) {
        Segment previous = merged.get(last);
        merged.set(last, new Segment(previous.start(), Math.max(previous.end(), next.end())));
      } else {
        merged.add(next);
      }
    }
    return merged.stream().filter(segment -> segment.duration() >= minSegmentSeconds).toList();
  }
}
