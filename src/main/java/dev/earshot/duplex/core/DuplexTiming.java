package dev.earshot.duplex.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turn-taking timing of one two-channel dialogue, measured on each channel's speech segments. The
 * definitions (README, "Full-duplex timing"):
 *
 * <ul>
 *   <li><b>backchannel</b>: a model segment shorter than {@value #BACKCHANNEL_MAX_SECONDS} s that
 *       starts while the user speaks and ends before that user segment does;
 *   <li><b>interruption</b>: a model segment, not a backchannel, that starts while the user speaks
 *       and shares at least {@value #INTERRUPTION_MIN_OVERLAP_SECONDS} s with the user's speech;
 *   <li><b>turn</b>: a user segment not ended under the model's earlier speech, answered by the
 *       first model segment (not a backchannel) that starts after the user segment starts, ends
 *       after it ends, and starts before the user's next segment; latency = model start − user end;
 *   <li><b>barge-in</b>: a user segment starting while the model speaks; its yield time runs from
 *       the user's onset to the end of that model segment, a yield within {@value
 *       #YIELD_WITHIN_SECONDS} s counts as yielded.
 * </ul>
 *
 * @param durationSeconds length of the recording
 * @param user the user's segments (channel 1), in time order
 * @param model the model's segments (channel 2), in time order
 * @param turns the user-to-model turn exchanges, in time order
 * @param latencySeconds summary of the turns' latencies
 * @param overlapSeconds total time both channels speak at once
 * @param interruptions model interruptions of the user
 * @param backchannels model backchannels
 * @param bargeIns user onsets during model speech
 * @param yieldedWithin1s share of barge-ins after which the model stopped within 1 s; null without
 *     barge-ins
 * @param meanYieldSeconds mean time from a barge-in to the model's stop; null without barge-ins
 */
public record DuplexTiming(
    double durationSeconds,
    List<Segment> user,
    List<Segment> model,
    List<Turn> turns,
    LatencySummary latencySeconds,
    double overlapSeconds,
    int interruptions,
    int backchannels,
    int bargeIns,
    Double yieldedWithin1s,
    Double meanYieldSeconds) {

  static final double BACKCHANNEL_MAX_SECONDS = 1.0;
  static final double INTERRUPTION_MIN_OVERLAP_SECONDS = 0.5;
  static final double YIELD_WITHIN_SECONDS = 1.0;

  /**
   * Measures a dialogue.
   *
   * @param user the user's segments: sorted, not overlapping each other (as {@link SegmentRules}
   *     leaves them)
   * @param model the model's segments, likewise
   */
  public static DuplexTiming measure(List<Segment> user, List<Segment> model, double duration) {
    List<Segment> answers = new ArrayList<>();
    int interruptions = 0;
    int backchannels = 0;
    for (Segment segment : model) {
      Optional<Segment> underway = speakingAt(user, segment.start());
      if (underway.isPresent()
          && segment.duration() < BACKCHANNEL_MAX_SECONDS
          && segment.end() <= underway.get().end()) {
        backchannels++;
        continue;
      }
      answers.add(segment);
      if (underway.isPresent() && overlap(segment, user) >= INTERRUPTION_MIN_OVERLAP_SECONDS) {
        interruptions++;
      }
    }
    List<Double> yields = new ArrayList<>();
    for (Segment segment : user) {
      speakingAt(model, segment.start())
          .ifPresent(running -> yields.add(running.end() - segment.start()));
    }
    List<Turn> turns = turns(user, answers, model);
    double overlapSeconds = user.stream().mapToDouble(segment -> overlap(segment, model)).sum();
    return new DuplexTiming(
        duration,
        List.copyOf(user),
        List.copyOf(model),
        turns,
        LatencySummary.of(turns),
        overlapSeconds,
        interruptions,
        backchannels,
        yields.size(),
        yields.isEmpty()
            ? null
            : yields.stream().filter(y -> y <= YIELD_WITHIN_SECONDS).count()
                / (double) yields.size(),
        yields.isEmpty()
            ? null
            : yields.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
  }

  private static List<Turn> turns(List<Segment> user, List<Segment> answers, List<Segment> model) {
    List<Turn> turns = new ArrayList<>();
    for (int i = 0; i < user.size(); i++) {
      Segment segment = user.get(i);
      double nextUserStart =
          i + 1 < user.size() ? user.get(i + 1).start() : Double.POSITIVE_INFINITY;
      boolean endedUnderModel =
          model.stream().anyMatch(m -> m.start() <= segment.start() && m.end() > segment.end());
      if (endedUnderModel) {
        continue;
      }
      answers.stream()
          .filter(m -> m.start() > segment.start() && m.end() > segment.end())
          .findFirst()
          .filter(m -> m.start() < nextUserStart)
          .ifPresent(m -> turns.add(Turn.between(segment, m)));
    }
    return List.copyOf(turns);
  }

  /**
   * The stretches where both channels speak, in time order.
   *
   * @param user sorted segments not overlapping each other
   * @param model likewise
   */
  public static List<Segment> overlaps(List<Segment> user, List<Segment> model) {
    List<Segment> overlaps = new ArrayList<>();
    for (Segment u : user) {
      for (Segment m : model) {
        if (u.overlap(m) > 0) {
          overlaps.add(new Segment(Math.max(u.start(), m.start()), Math.min(u.end(), m.end())));
        }
      }
    }
    overlaps.sort(Comparator.comparingDouble(Segment::start));
    return List.copyOf(overlaps);
  }

  /** The segment running at {@code time}, if any. */
  private static Optional<Segment> speakingAt(List<Segment> segments, double time) {
    return segments.stream().filter(segment -> segment.contains(time)).findFirst();
  }

  private static double overlap(Segment segment, List<Segment> others) {
    return others.stream().mapToDouble(segment::overlap).sum();
  }
}
