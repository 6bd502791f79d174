package dev.earshot.export.selection;

import dev.earshot.stats.Outcome;

/**
 * How several votes on one pair become one judgement. Verdicts have strength 1 ({@code better}) or
 * 2 ({@code much_better}); ties and "both bad" have none. {@code n} is the number of votes.
 */
public enum Aggregation {
  /**
   * The direction (first, second, neither) with the most votes; a shared top count is "neither".
   * Margin: the strengths of the winning votes summed and divided by n, i.e. agreement times their
   * mean strength (3 of 3 "much better": 2; 2 of 3 "better": 0.667).
   */
  MAJORITY {
    @Override
    public Judgement aggregate(VoteTally votes) {
      int first = votes.forFirst();
      int second = votes.forSecond();
      int neither = votes.forNeither();
      Outcome outcome;
      if (first > second && first > neither) {
        outcome = Outcome.A_WINS;
      } else if (second > first && second > neither) {
        outcome = Outcome.B_WINS;
      } else {
        outcome = votes.neitherOutcome();
      }
      double n = votes.total();
      double margin =
          switch (outcome) {
            case A_WINS -> votes.strengthForFirst() / n;
            case B_WINS -> votes.strengthForSecond() / n;
            case TIE, BOTH_BAD -> 0;
          };
      return judgement(outcome, margin, votes);
    }
  },

  /**
   * The sign of the mean signed strength (+1/+2 for the first, −1/−2 for the second, 0 for ties and
   * "both bad"); 0 is "neither". Margin: the mean's absolute value, so disagreeing votes subtract.
   */
  MEAN_STRENGTH {
    @Override
    public Judgement aggregate(VoteTally votes) {
      double mean = (votes.strengthForFirst() - votes.strengthForSecond()) / (double) votes.total();
      Outcome outcome =
          mean > 0 ? Outcome.A_WINS : mean < 0 ? Outcome.B_WINS : votes.neitherOutcome();
      return judgement(outcome, Math.abs(mean), votes);
    }
  },

  /**
   * The response more votes prefer; equal counts are "neither". Margin: the soft label, the
   * fraction of all n votes (ties and "both bad" included) preferring the chosen response.
   */
  SOFT_LABEL {
    @Override
    public Judgement aggregate(VoteTally votes) {
      int first = votes.forFirst();
      int second = votes.forSecond();
      Outcome outcome =
          first > second
              ? Outcome.A_WINS
              : second > first ? Outcome.B_WINS : votes.neitherOutcome();
      double margin =
          outcome == Outcome.A_WINS || outcome == Outcome.B_WINS
              ? votes.inDirectionOf(outcome) / (double) votes.total()
              : 0;
      return judgement(outcome, margin, votes);
    }
  };

  /** The judgement of at least one vote. */
  public abstract Judgement aggregate(VoteTally votes);

  private static Judgement judgement(Outcome outcome, double margin, VoteTally votes) {
    if (votes.total() == 0) {
      throw new IllegalArgumentException("a pair needs at least one vote");
    }
    return new Judgement(outcome, margin, votes.inDirectionOf(outcome) / (double) votes.total());
  }
}
