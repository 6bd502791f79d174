package dev.earshot.reward.core;

import java.util.Optional;

/**
 * One validated query of a reward request.
 *
 * @param index position in the request's {@code query} list; the response keeps this order
 * @param audio the response audio to judge
 * @param prompt the prompt the audio answers, if the request named one
 * @param label reference answer from {@code labels}, if sent
 * @param text text the policy produced alongside the audio, if sent
 */
public record RewardItem(
    int index,
    AudioSource audio,
    Optional<PromptRef> prompt,
    Optional<String> label,
    Optional<String> text) {}
