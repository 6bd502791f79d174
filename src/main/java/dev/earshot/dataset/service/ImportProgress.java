package dev.earshot.dataset.service;

/** Receives progress of a long import; called from the importing thread. */
@FunctionalInterface
public interface ImportProgress {

  ImportProgress NONE = (done, total, step) -> {};

  /**
   * @param done units of work finished (audio files checked)
   * @param total units of work in all
   * @param step what is being done, for a person to read
   */
  void update(int done, int total, String step);
}
