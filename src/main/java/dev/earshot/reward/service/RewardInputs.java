package dev.earshot.reward.service;

import dev.earshot.audio.service.AudioService;
import dev.earshot.dataset.Prompt;
import dev.earshot.dataset.manifest.PromptExpectations;
import dev.earshot.dataset.repository.PromptRepository;
import dev.earshot.platform.error.Failure;
import dev.earshot.reward.core.AudioSource;
import dev.earshot.reward.core.PromptRef;
import dev.earshot.reward.core.RewardItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Looks up what reward items name in Earshot's store: uploaded audio by SHA-256 and prompts by id.
 * Every item is checked before any is scored, so a bad one costs no judging.
 */
@ApplicationScoped
@Transactional
public class RewardInputs {

  private static final String UNPROCESSABLE = "Invalid reward item";

  private final PromptRepository prompts;
  private final AudioService audio;

  public RewardInputs(PromptRepository prompts, AudioService audio) {
    this.prompts = prompts;
    this.audio = audio;
  }

  /**
   * The items with their prompts, in order.
   *
   * @throws RewardItemProblem for the first item naming audio or a prompt that is not there
   */
  public List<RewardSubject> resolve(List<RewardItem> items) {
    return items.stream().map(this::resolve).toList();
  }

  private RewardSubject resolve(RewardItem item) {
    if (item.audio() instanceof AudioSource.Uploaded uploaded
        && audio.file(uploaded.sha256()).isEmpty()) {
      throw problem(
          item,
          "no uploaded audio has SHA-256 "
              + uploaded.sha256()
              + "; upload it with POST /api/audio or send it inline as audio");
    }
    String label = item.label().orElse(null);
    PromptRef prompt = item.prompt().orElse(null);
    if (prompt instanceof PromptRef.Id id) {
      Prompt stored = storedPrompt(item, id.id());
      return new RewardSubject(
          item,
          stored.expectations == null ? PromptExpectations.none() : stored.expectations,
          label != null ? label : stored.reference,
          stored.text,
          stored.audioSha256);
    }
    String text = prompt instanceof PromptRef.Text given ? given.text() : null;
    return new RewardSubject(item, PromptExpectations.none(), label, text, null);
  }

  /**
   * A prompt by its manifest id, unique across datasets, or as {@code <dataset>/<id>} where the
   * same id is in several datasets.
   */
  private Prompt storedPrompt(RewardItem item, String id) {
    int slash = id.indexOf('/');
    List<Prompt> found =
        slash < 0
            ? prompts.withExternalId(id)
            : prompts.withExternalId(id.substring(0, slash), id.substring(slash + 1));
    if (found.isEmpty()) {
      throw problem(
          item,
          "no prompt with id '" + id + "'; use a prompt id of an imported dataset, or prompt text");
    }
    if (found.size() > 1) {
      throw problem(
          item,
          "prompt id '"
              + id
              + "' is in several datasets; write it as <dataset>/"
              + id
              + ", e.g. "
              + found.get(0).dataset.name
              + "/"
              + id);
    }
    return found.get(0);
  }

  private static RewardItemProblem problem(RewardItem item, String what) {
    return new RewardItemProblem(
        Failure.INVALID_VALUE,
        UNPROCESSABLE,
        item.index(),
        "query[%d]: %s".formatted(item.index(), what));
  }
}
