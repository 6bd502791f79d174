package dev.earshot.duplex.core;

import java.util.List;

/**
 * Three spoken-dialogue systems with known turn-taking, one two-channel dialogue each, and the
 * turns (user end, model start) their timing was built with.
 *
 * <ul>
 *   <li><b>patient</b>: answers 0.3 s after the user stops, backchannels once during a long user
 *       turn, stops 0.4 s after the user barges in;
 *   <li><b>eager</b>: starts answering 0.6 s before the user has finished (twice an interruption),
 *       stops 0.6 s after a barge-in, then answers 0.2 s before the user has finished;
 *   <li><b>never-yields</b>: answers 0.5 s after the user stops and talks on through two barge-ins
 *       (3.0 s and 1.3 s to its planned end).
 * </ul>
 */
public final class DuplexDemoSystems {

  /** A system's dialogue and the turns it was built with, as {userEnd, modelStart} pairs. */
  public record DemoDialogue(String system, SyntheticDialogue dialogue, List<double[]> turns) {

    /** The same dialogue after {@code seconds} more of silence at its start. */
    public DemoDialogue delayed(double seconds) {
      return new DemoDialogue(
          system,
          dialogue.delayed(seconds),
          turns.stream().map(t -> new double[] {t[0] + seconds, t[1] + seconds}).toList());
    }
  }

  public static final DemoDialogue PATIENT =
      new DemoDialogue(
          "patient",
          new SyntheticDialogue(12)
              .user(0.5, 3.0)
              .model(1.6, 1.9)
              .model(3.3, 5.0)
              .user(5.6, 7.0)
              .model(7.3, 8.9)
              .user(8.5, 9.7)
              .model(10.0, 11.5),
          List.of(new double[] {3.0, 3.3}, new double[] {7.0, 7.3}, new double[] {9.7, 10.0}));

  public static final DemoDialogue EAGER =
      new DemoDialogue(
          "eager",
          new SyntheticDialogue(11)
              .user(0.5, 3.0)
              .model(2.4, 4.5)
              .user(5.0, 6.5)
              .model(5.9, 8.6)
              .user(8.0, 9.2)
              .model(9.0, 10.5),
          List.of(new double[] {3.0, 2.4}, new double[] {6.5, 5.9}, new double[] {9.2, 9.0}));

  public static final DemoDialogue NEVER_YIELDS =
      new DemoDialogue(
          "never-yields",
          new SyntheticDialogue(12)
              .user(0.5, 3.0)
              .model(3.5, 5.0)
              .user(5.6, 7.0)
              .model(7.5, 11.5)
              .user(8.5, 9.7)
              .user(10.2, 10.8),
          List.of(new double[] {3.0, 3.5}, new double[] {7.0, 7.5}));

  public static final List<DemoDialogue> ALL = List.of(PATIENT, EAGER, NEVER_YIELDS);

  /**
   * Leading silence of each dialogue of the demo data set: every system's dialogue three times,
   * starting at another point of the VAD's frame grid.
   */
  public static final List<Double> DEMO_DELAYS_SECONDS = List.of(0.0, 0.25, 0.61);

  private DuplexDemoSystems() {}
}
