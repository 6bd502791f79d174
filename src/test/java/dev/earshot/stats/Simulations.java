package dev.earshot.stats;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded vote simulators with known true strengths, drawing vote by vote (independently of the
 * fitters).
 */
final class Simulations {

  private Simulations() {}

  /**
   * Votes for which the half-win Bradley–Terry model is exactly right: a tie with probability
   * {@code tieShare}, otherwise a win of i with probability σ(θ_i − θ_j) − tieShare/2, so that the
   * expected score of i is σ(θ_i − θ_j).
   *
   * @param votes votes[i][j] for i < j
   */
  static PairwiseCounts halfWinVotes(
      List<String> systems,
      double[] theta,
      int[][] votes,
      double tieShare,
      SplittableRandom random) {
    PairwiseCounts.Builder builder = PairwiseCounts.builder();
    systems.forEach(builder::addSystem);
    for (int i = 0; i < systems.size(); i++) {
      for (int j = i + 1; j < systems.size(); j++) {
        double expectedScore = 1 / (1 + Math.exp(theta[j] - theta[i]));
        double winProbability = expectedScore - tieShare / 2;
        for (int v = 0; v < votes[i][j]; v++) {
          double u = random.nextDouble();
          Outcome outcome =
              u < tieShare
                  ? Outcome.TIE
                  : u < tieShare + winProbability ? Outcome.A_WINS : Outcome.B_WINS;
          builder.add(systems.get(i), systems.get(j), outcome);
        }
      }
    }
    return builder.build();
  }

  /**
   * Votes from the Davidson model: outcomes in proportion e^h : e^−h : ν with h = (θ_i − θ_j)/2.
   */
  static PairwiseCounts davidsonVotes(
      List<String> systems, double[] theta, int votesPerPair, double tie, SplittableRandom random) {
    PairwiseCounts.Builder builder = PairwiseCounts.builder();
    for (int i = 0; i < systems.size(); i++) {
      for (int j = i + 1; j < systems.size(); j++) {
        double winWeight = Math.exp((theta[i] - theta[j]) / 2);
        double lossWeight = 1 / winWeight;
        double total = winWeight + lossWeight + tie;
        for (int v = 0; v < votesPerPair; v++) {
          double u = random.nextDouble() * total;
          Outcome outcome =
              u < winWeight
                  ? Outcome.A_WINS
                  : u < winWeight + lossWeight ? Outcome.B_WINS : Outcome.TIE;
          builder.add(systems.get(i), systems.get(j), outcome);
        }
      }
    }
    return builder.build();
  }

  /** The same vote count for every pair. */
  static int[][] uniformVotes(int systems, int votesPerPair) {
    int[][] votes = new int[systems][systems];
    for (int[] row : votes) {
      Arrays.fill(row, votesPerPair);
    }
    return votes;
  }
}
