package dev.earshot.stats.agreement;

/**
 * Agreeing comparisons out of all comparisons that counted.
 *
 * @param agreeing comparisons that agreed
 * @param compared comparisons that counted
 */
public record AgreementRate(long agreeing, long compared) {

  public AgreementRate {
    if (agreeing < 0 || compared < agreeing) {
      throw new IllegalArgumentException("Need 0 <= agreeing <= compared");
    }
  }

  /** agreeing / compared; NaN when nothing was compared. */
  public double rate() {
    return compared == 0 ? Double.NaN : (double) agreeing / compared;
  }
}
