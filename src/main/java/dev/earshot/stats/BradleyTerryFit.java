package dev.earshot.stats;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Result of a Bradley–Terry fit on the natural-log strength scale, centred to sum zero.
 *
 * <p>The covariance is that of the centred log-strengths: the inverse observed information with one
 * strength fixed, projected by P = I − 11ᵀ/k on both sides, which equals the Moore–Penrose
 * pseudo-inverse of the (singular) full information matrix. Under the Davidson model it is the
 * strength block of the joint inverse, so it accounts for the estimated tie parameter. For a
 * regularised fit it comes from the penalised information and is only indicative.
 */
public final class BradleyTerryFit {

  private final List<String> systems;
  private final double[] logStrengths;
  private final double[][] covariance;
  private final double tieParameter;
  private final double tieParameterStandardError;
  private final double logLikelihood;
  private final int iterations;
  private final boolean regularised;

  BradleyTerryFit(
      List<String> systems,
      double[] logStrengths,
      double[][] covariance,
      double tieParameter,
      double tieParameterStandardError,
      double logLikelihood,
      int iterations,
      boolean regularised) {
    this.systems = List.copyOf(systems);
    this.logStrengths = logStrengths;
    this.covariance = covariance;
    this.tieParameter = tieParameter;
    this.tieParameterStandardError = tieParameterStandardError;
    this.logLikelihood = logLikelihood;
    this.iterations = iterations;
    this.regularised = regularised;
  }

  public List<String> systems() {
    return systems;
  }

  /** Centred natural-log strengths θ (Σθ = 0), indexed like {@link #systems()}; a copy. */
  public double[] logStrengths() {
    return logStrengths.clone();
  }

  public double logStrength(int system) {
    return logStrengths[system];
  }

  /** Covariance of the centred log-strengths of two systems. */
  public double covariance(int systemA, int systemB) {
    return covariance[systemA][systemB];
  }

  /** Full covariance matrix of the centred log-strengths; a copy. */
  public double[][] covarianceMatrix() {
    double[][] copy = new double[covariance.length][];
    for (int i = 0; i < covariance.length; i++) {
      copy[i] = covariance[i].clone();
    }
    return copy;
  }

  /** Davidson ν; empty under the half-win tie model. */
  public OptionalDouble tieParameter() {
    return Double.isNaN(tieParameter) ? OptionalDouble.empty() : OptionalDouble.of(tieParameter);
  }

  /** Wald standard error of ν (delta method from log ν); empty under the half-win tie model. */
  public OptionalDouble tieParameterStandardError() {
    return Double.isNaN(tieParameter)
        ? OptionalDouble.empty()
        : OptionalDouble.of(tieParameterStandardError);
  }

  /**
   * Log-likelihood at the estimate (for ties as half wins: the score-weighted binomial
   * log-likelihood).
   */
  public double logLikelihood() {
    return logLikelihood;
  }

  /** Newton iterations used. */
  public int iterations() {
    return iterations;
  }

  /**
   * Whether a ridge penalty was applied, i.e. the values are penalised estimates, not the plain
   * MLE.
   */
  public boolean regularised() {
    return regularised;
  }
}
