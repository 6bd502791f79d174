package dev.earshot.reward.service;

import dev.earshot.platform.error.DomainException;
import dev.earshot.platform.error.Failure;
import java.util.List;
import java.util.Map;

/**
 * A reward request refused because of one of its items; the answer names the item's index (in
 * {@code detail} as {@code query[i]} and in {@code errors[0].index}) and carries no rewards.
 */
public class RewardItemProblem extends DomainException {

  private static final long serialVersionUID = 1L;

  private final int index;

  public RewardItemProblem(Failure failure, String title, int index, String detail) {
    super(failure, title, detail, List.of(Map.of("index", index, "detail", detail)));
    this.index = index;
  }

  public int index() {
    return index;
  }
}
