package dev.earshot.stats;

import java.util.List;

/**
 * Maps natural-log strengths θ to Elo-like rating points: {@code scale / ln(base)} points per unit
 * of θ (400/ln 10 ≈ 173.7 by default, so a 400-point gap means 10:1 odds).
 *
 * <p>Centred (the default, {@code anchorSystem == null}): the mean rating is {@code centre}.
 * Anchored: {@code anchorSystem} is placed at {@code anchorRating} and everything else relative to
 * it ({@code centre} is then unused).
 *
 * @param scale rating points per factor {@code base} in odds (default 400)
 * @param base odds base (default 10)
 * @param centre mean rating in centred mode (default 1000)
 * @param anchorSystem system pinned to {@code anchorRating}, or null for centred mode
 * @param anchorRating rating of the anchor system (ignored in centred mode)
 */
public record RatingScale(
    double scale, double base, double centre, String anchorSystem, double anchorRating) {

  public static final double DEFAULT_SCALE = 400;
  public static final double DEFAULT_BASE = 10;
  public static final double DEFAULT_CENTRE = 1000;

  public RatingScale {
    if (!(scale > 0) || !(base > 1)) {
      throw new IllegalArgumentException("Need scale > 0 and base > 1");
    }
  }

  /** 400 points per factor 10, centred at 1000. */
  public static RatingScale elo() {
    return centred(DEFAULT_SCALE, DEFAULT_BASE, DEFAULT_CENTRE);
  }

  public static RatingScale centred(double scale, double base, double centre) {
    return new RatingScale(scale, base, centre, null, Double.NaN);
  }

  public static RatingScale anchored(
      double scale, double base, String anchorSystem, double anchorRating) {
    return new RatingScale(scale, base, Double.NaN, anchorSystem, anchorRating);
  }

  /** Rating points per natural-log unit of strength. */
  public double pointsPerLogUnit() {
    return scale / Math.log(base);
  }

  /**
   * Ratings of {@code systems} from their log-strengths (only differences of log-strengths matter).
   */
  public double[] ratings(List<String> systems, double[] logStrengths) {
    double reference;
    double referenceRating;
    if (anchorSystem == null) {
      reference = 0;
      for (double theta : logStrengths) {
        reference += theta / logStrengths.length;
      }
      referenceRating = centre;
    } else {
      reference = logStrengths[anchorIndex(systems)];
      referenceRating = anchorRating;
    }
    double[] ratings = new double[logStrengths.length];
    for (int i = 0; i < ratings.length; i++) {
      ratings[i] = referenceRating + pointsPerLogUnit() * (logStrengths[i] - reference);
    }
    return ratings;
  }

  /**
   * Wald standard errors of the ratings from a covariance of log-strengths, which only needs to be
   * right for differences (any identifiability constraint): centred mode projects it onto the
   * sum-zero space (P·C·P), anchored mode uses Var(θ_i − θ_anchor).
   */
  public double[] standardErrors(List<String> systems, double[][] covariance) {
    int k = covariance.length;
    double[] errors = new double[k];
    if (anchorSystem == null) {
      double[][] centred = BradleyTerryModel.centredCovariance(covariance, k);
      for (int i = 0; i < k; i++) {
        errors[i] = pointsPerLogUnit() * Math.sqrt(Math.max(0, centred[i][i]));
      }
    } else {
      int a = anchorIndex(systems);
      for (int i = 0; i < k; i++) {
        double variance = covariance[i][i] + covariance[a][a] - 2 * covariance[i][a];
        errors[i] = pointsPerLogUnit() * Math.sqrt(Math.max(0, variance));
      }
    }
    return errors;
  }

  private int anchorIndex(List<String> systems) {
    int index = systems.indexOf(anchorSystem);
    if (index < 0) {
      throw new IllegalArgumentException("Anchor system not among the systems: " + anchorSystem);
    }
    return index;
  }
}
