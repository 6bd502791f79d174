package dev.earshot.duplex.core;

/**
 * A stretch of speech on one channel.
 *
 * @param start seconds from the recording's start
 * @param end seconds from the recording's start, not before {@code start}
 */
public record Segment(double start, double end) {

  public Segment {
    if (!(start >= 0) || !(end >= start)) {
      throw new IllegalArgumentException(
          "a segment needs 0 <= start <= end, got " + start + ".." + end);
    }
  }

  public double duration() {
    return end - start;
  }

  /** Whether {@code time} lies inside, the start included and the end excluded. */
  boolean contains(double time) {
    return time >= start && time < end;
  }

  /** Seconds this segment shares with {@code other}. */
  double overlap(Segment other) {
    return Math.max(0, Math.min(end, other.end) - Math.max(start, other.start));
  }
}
