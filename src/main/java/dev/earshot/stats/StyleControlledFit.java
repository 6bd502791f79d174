package dev.earshot.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Strengths with the style covariates' effects removed, plus the covariate coefficients.
 * Log-strengths are centred (Σθ = 0); their covariance is the centred strength block of the inverse
 * observed information, so it accounts for the estimated coefficients.
 */
public final class StyleControlledFit {

  private final List<String> systems;
  private final double[] logStrengths;
  private final double[][] covariance;
  private final List<StyleCoefficient> coefficients;
  private final int iterations;

  StyleControlledFit(
      List<String> systems,
      double[] logStrengths,
      double[][] covariance,
      List<StyleCoefficient> coefficients,
      int iterations) {
    this.systems = List.copyOf(systems);
    this.logStrengths = logStrengths;
    this.covariance = covariance;
    this.coefficients = List.copyOf(coefficients);
    this.iterations = iterations;
  }

  public List<String> systems() {
    return systems;
  }

  /** Centred natural-log strengths with style effects removed; a copy. */
  public double[] logStrengths() {
    return logStrengths.clone();
  }

  public List<StyleCoefficient> coefficients() {
    return coefficients;
  }

  public int iterations() {
    return iterations;
  }

  /** Controlled ratings on {@code scale} with Wald standard errors, highest first. */
  public List<StyleControlledRating> ratings(RatingScale scale) {
    double[] ratings = scale.ratings(systems, logStrengths);
    double[] errors = scale.standardErrors(systems, covariance);
    List<StyleControlledRating> rows = new ArrayList<>(systems.size());
    for (int i = 0; i < systems.size(); i++) {
      rows.add(new StyleControlledRating(systems.get(i), ratings[i], errors[i]));
    }
    rows.sort(
        Comparator.comparingDouble(StyleControlledRating::rating)
            .reversed()
            .thenComparing(StyleControlledRating::system));
    return rows;
  }

  /** One style-controlled rating with its Wald standard error. */
  public record StyleControlledRating(String system, double rating, double standardError) {}
}
