package dev.earshot.reward.service;

/**
 * A judge of the profile threw while scoring one item: the server's failure, not the request's, so
 * no {@link dev.earshot.platform.error.Failure} fits it. The REST edge answers it with a 500 that
 * names the item like a {@link RewardItemProblem} does; the request gets no rewards.
 */
public class RewardScoringFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The problem title of the answer. */
  public static final String TITLE = "Reward scoring failed";

  private final int index;

  /**
   * @param detail starts with {@code query[index]:}
   */
  public RewardScoringFailure(int index, String detail, Throwable cause) {
    super(detail, cause);
    this.index = index;
  }

  public int index() {
    return index;
  }
}
