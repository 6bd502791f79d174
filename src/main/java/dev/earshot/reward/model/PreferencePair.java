package dev.earshot.reward.model;

import java.util.Objects;

/**
 * One preference between two responses to the same prompt, as raw feature vectors.
 *
 * @param group the prompt both responses answer: the held-out split keeps a prompt's pairs together
 * @param chosen features of the preferred response
 * @param rejected features of the other one
 */
public record PreferencePair(String group, double[] chosen, double[] rejected) {

  public PreferencePair {
    Objects.requireNonNull(group, "group");
    if (chosen.length != rejected.length) {
      throw new IllegalArgumentException(
          "both responses need the same features, got "
              + chosen.length
              + " and "
              + rejected.length);
    }
  }
}
