package dev.earshot.reward.core;

import java.util.OptionalInt;

/**
 * A reward request that cannot be scored; the service answers it with a 4xx and returns nothing
 * partial. The message names the offending item, e.g. {@code query[3]: audio is not base64}.
 */
public class RewardRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Integer itemIndex;

  RewardRequestException(String message) {
    super(message);
    this.itemIndex = null;
  }

  RewardRequestException(int itemIndex, String message) {
    super(message);
    this.itemIndex = itemIndex;
  }

  /** Index of the bad item in the request lists; empty when the whole request is at fault. */
  public OptionalInt itemIndex() {
    return itemIndex == null ? OptionalInt.empty() : OptionalInt.of(itemIndex);
  }
}
