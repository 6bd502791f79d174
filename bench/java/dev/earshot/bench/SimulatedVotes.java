package dev.earshot.bench;

import dev.earshot.stats.Outcome;
import dev.earshot.stats.PairwiseCounts;
import java.util.SplittableRandom;

/**
 * Individual votes between {@code systems} systems with known log-strengths spread evenly over
 * [−{@value #HALF_SPREAD}, +{@value #HALF_SPREAD}] (about 520 rating points end to end). Each vote
 * picks two distinct systems uniformly, in random order, and an outcome from the Davidson model
 * with tie parameter {@value #TIE_PARAMETER}; a third of the ties are both-bad. Seeded, so every
 * run sees the same votes.
 */
final class SimulatedVotes {

  static final double HALF_SPREAD = 1.5;
  static final double TIE_PARAMETER = 0.5;

  final String[] names;
  final double[] trueLogStrengths;
  final int[] systemA;
  final int[] systemB;
  final Outcome[] outcomes;

  SimulatedVotes(int systems, int votes, long seed) {
    names = new String[systems];
    trueLogStrengths = new double[systems];
    for (int s = 0; s < systems; s++) {
      names[s] = String.format("system-%02d", s);
      trueLogStrengths[s] = -HALF_SPREAD + 2 * HALF_SPREAD * s / (systems - 1);
    }
    systemA = new int[votes];
    systemB = new int[votes];
    outcomes = new Outcome[votes];
    SplittableRandom random = new SplittableRandom(seed);
    for (int v = 0; v < votes; v++) {
      int a = random.nextInt(systems);
      int b = random.nextInt(systems - 1);
      b = b >= a ? b + 1 : b;
      systemA[v] = a;
      systemB[v] = b;
      outcomes[v] = draw(random, trueLogStrengths[a], trueLogStrengths[b]);
    }
  }

  int size() {
    return outcomes.length;
  }

  /** The aggregation step the service runs: one {@code add} per vote record. */
  PairwiseCounts aggregate() {
    PairwiseCounts.Builder builder = PairwiseCounts.builder();
    for (int v = 0; v < outcomes.length; v++) {
      builder.add(names[systemA[v]], names[systemB[v]], outcomes[v]);
    }
    return builder.build();
  }

  private static Outcome draw(SplittableRandom random, double thetaA, double thetaB) {
    double strengthA = Math.exp(thetaA);
    double strengthB = Math.exp(thetaB);
    double tie = TIE_PARAMETER * Math.sqrt(strengthA * strengthB);
    double u = random.nextDouble() * (strengthA + strengthB + tie);
    if (u < strengthA) {
      return Outcome.A_WINS;
    }
    if (u < strengthA + strengthB) {
      return Outcome.B_WINS;
    }
    return random.nextInt(3) == 0 ? Outcome.BOTH_BAD : Outcome.TIE;
  }
}
