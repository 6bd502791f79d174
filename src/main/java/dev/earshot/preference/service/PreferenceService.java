package dev.earshot.preference.service;

import dev.earshot.preference.HumanPreference;
import dev.earshot.preference.JudgePreference;
import dev.earshot.preference.repository.PreferenceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * The product's core record: every pairwise verdict, whoever made it: a person, a simulated rater
 * or a judge. Rating, evaluation and dataset import write through here; leaderboard, export and
 * reward read through the repositories of this package. Writes join the caller's transaction, so a
 * verdict lands with the work that made it or not at all.
 */
@ApplicationScoped
@Transactional
public class PreferenceService {

  private final PreferenceRepository preferences;

  public PreferenceService(PreferenceRepository preferences) {
    this.preferences = preferences;
  }

  /**
   * A rater's vote on several dimensions, stored in one statement; returns how many were new (a
   * preference whose id is stored already is left as it is).
   */
  public int recordHumanVotes(List<HumanPreference> votes) {
    return preferences.insertAllIfAbsent(votes);
  }

  /**
   * Replaces a rater's earlier per-dimension preferences (ids {@code withdrawn}) by those of their
   * changed vote, so that leaderboards and exports count only the latest; returns how many were
   * new.
   */
  public int replaceHumanVotes(List<UUID> withdrawn, List<HumanPreference> votes) {
    preferences.deleteHumanVotes(withdrawn);
    return preferences.insertAllIfAbsent(votes);
  }

  /** A judge's verdict; false when a resumed job had stored it before. */
  public boolean recordJudgeVerdict(JudgePreference verdict) {
    return preferences.insertIfAbsent(verdict);
  }

  /** A person's vote that came with a dataset; false when an earlier import stored it. */
  public boolean recordImportedVote(HumanPreference vote) {
    return preferences.insertIfAbsent(vote);
  }

  /**
   * A vote that came with a dataset marked as made by no person ({@code source} {@code
   * simulated:<name>}): stored with kind {@code simulated}, so that only those who ask for
   * simulated votes count it; false when an earlier import stored it.
   */
  public boolean recordSimulatedVote(HumanPreference vote) {
    return preferences.insertSimulatedIfAbsent(vote);
  }

  /**
   * Reclassifies the dataset's simulated votes that an earlier version stored as human; returns how
   * many. Re-importing a dataset thus leaves none of its simulated votes counted as human.
   */
  public int reclassifySimulatedVotes(long datasetId) {
    return preferences.reclassifySimulatedVotes(datasetId);
  }

  /** Whether the job has stored its verdicts already (a job stores all of them together). */
  public boolean hasJudgeVerdicts(long jobId) {
    return preferences.existsForJob(jobId);
  }
}
