package dev.earshot.stats;

/**
 * Fitted effect of one style covariate: the change in log-odds of winning per unit of the covariate
 * difference, with its Wald standard error.
 */
public record StyleCoefficient(String name, double estimate, double standardError) {}
