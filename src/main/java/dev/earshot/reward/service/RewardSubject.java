package dev.earshot.reward.service;

import dev.earshot.dataset.manifest.PromptExpectations;
import dev.earshot.reward.core.RewardItem;

/**
 * One reward item with what its prompt says: a stored prompt's expectations, reference and audio
 * when the item names it by id, the trainer's prompt text otherwise.
 *
 * @param item the validated query
 * @param expectations what the prompt expects; {@link PromptExpectations#none()} for prompt text
 * @param reference the item's label, else the stored prompt's reference answer, or null
 * @param promptText the prompt's text, or null
 * @param promptAudioSha256 the stored prompt's audio, or null
 */
public record RewardSubject(
    RewardItem item,
    PromptExpectations expectations,
    String reference,
    String promptText,
    String promptAudioSha256) {}
