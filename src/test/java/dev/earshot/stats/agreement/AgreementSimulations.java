package dev.earshot.stats.agreement;

import java.util.SplittableRandom;

/** Seeded rating simulators with a known truth. */
final class AgreementSimulations {

  private static final Verdict[] VERDICTS = Verdict.values();

  private AgreementSimulations() {}

  static Verdict uniformVerdict(SplittableRandom random) {
    return VERDICTS[random.nextInt(VERDICTS.length)];
  }

  /** Every rater answers every item uniformly at random over the six verdicts. */
  static RatingMatrix randomRaters(int items, int raters, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    RatingMatrix.Builder builder = RatingMatrix.builder();
    for (int item = 0; item < items; item++) {
      for (int rater = 0; rater < raters; rater++) {
        builder.add("item" + item, "rater" + rater, uniformVerdict(random));
      }
    }
    return builder.build();
  }

  /** The true verdict with probability 1 − noise, otherwise a uniformly random verdict. */
  static Verdict noisy(Verdict truth, double noise, SplittableRandom random) {
    return random.nextDouble() < noise ? uniformVerdict(random) : truth;
  }
}
