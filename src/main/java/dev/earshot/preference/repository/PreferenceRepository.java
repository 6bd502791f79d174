package dev.earshot.preference.repository;

import dev.earshot.preference.HumanPreference;
import dev.earshot.preference.JudgePreference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import java.util.UUID;

/**
 * Table {@code preference}: pairwise verdicts of people ({@code source_kind} {@code human}),
 * simulated raters ({@code simulated}) and judges ({@code judge}), written with plain SQL.
 */
@ApplicationScoped
public class PreferenceRepository {

  private static final String HUMAN = "human";
  private static final String SIMULATED = "simulated";

  private final EntityManager entityManager;

  public PreferenceRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** Whether the job has stored its verdicts already (they are stored together). */
  public boolean existsForJob(long jobId) {
    return !entityManager
        .createNativeQuery("SELECT 1 FROM preference WHERE job_id = ?1 LIMIT 1")
        .setParameter(1, jobId)
        .getResultList()
        .isEmpty();
  }

  /**
   * Inserts unless a preference with this id exists: a resumed job never stores a verdict twice.
   */
  public boolean insertIfAbsent(JudgePreference preference) {
    return insertIfAbsent(
        preference.id(),
        preference.promptId(),
        preference.responseAId(),
        preference.responseBId(),
        preference.dimension(),
        preference.verdict(),
        "judge",
        preference.source(),
        preference.positionConflict(),
        preference.detailsJson(),
        preference.jobId(),
        null);
  }

  /** Inserts unless a preference with this id exists: a re-imported vote is not stored twice. */
  public boolean insertIfAbsent(HumanPreference preference) {
    return insertVoteIfAbsent(preference, HUMAN);
  }

  /**
   * Inserts people's votes (kind {@code human}) in one statement, each unless a preference with its
   * id exists; returns how many were new.
   */
  public int insertAllIfAbsent(List<HumanPreference> votes) {
    if (votes.isEmpty()) {
      return 0;
    }
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO preference (id, prompt_id, response_a_id, response_b_id, dimension,"
                + " verdict, source_kind, source, details, campaign_id) VALUES ");
    int columns = 9;
    for (int row = 0; row < votes.size(); row++) {
      int p = row * columns;
      sql.append(row == 0 ? "" : ", ")
          .append(
              String.format(
                  java.util.Locale.ROOT,
                  "(?%d, ?%d, ?%d, ?%d, ?%d, ?%d, '%s', ?%d, CAST(?%d AS jsonb),"
                      + " CAST(?%d AS uuid))",
                  p + 1,
                  p + 2,
                  p + 3,
                  p + 4,
                  p + 5,
                  p + 6,
                  HUMAN,
                  p + 7,
                  p + 8,
                  p + 9));
    }
    Query insert =
        entityManager.createNativeQuery(sql.append(" ON CONFLICT (id) DO NOTHING").toString());
    for (int row = 0; row < votes.size(); row++) {
      HumanPreference vote = votes.get(row);
      int p = row * columns;
      insert
          .setParameter(p + 1, vote.id())
          .setParameter(p + 2, vote.promptId())
          .setParameter(p + 3, vote.responseAId())
          .setParameter(p + 4, vote.responseBId())
          .setParameter(p + 5, vote.dimension())
          .setParameter(p + 6, vote.verdict())
          .setParameter(p + 7, vote.source())
          .setParameter(p + 8, vote.detailsJson())
          .setParameter(p + 9, vote.campaignId());
    }
    return insert.executeUpdate();
  }

  /**
   * Deletes people's votes (kind {@code human}) by id, e.g. those of a rater's vote that a changed
   * vote replaced; returns how many there were.
   */
  public int deleteHumanVotes(List<UUID> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    return entityManager
        .createNativeQuery("DELETE FROM preference WHERE source_kind = 'human' AND id IN (?1)")
        .setParameter(1, ids)
        .executeUpdate();
  }

  /**
   * Inserts a simulated rater's vote (kind {@code simulated}, source {@code simulated:<name>})
   * unless a preference with this id exists.
   */
  public boolean insertSimulatedIfAbsent(HumanPreference preference) {
    return insertVoteIfAbsent(preference, SIMULATED);
  }

  /**
   * Turns the votes on the dataset's prompts that were stored as human although marked simulated in
   * their details (as imports did before simulated votes had a kind of their own) into simulated
   * votes, as migration V11 does; returns how many changed.
   */
  public int reclassifySimulatedVotes(long datasetId) {
    return entityManager
        .createNativeQuery(
            "UPDATE preference SET source_kind = 'simulated', source = 'simulated:' ||"
                + " regexp_replace(source, '^rater:', '') WHERE source_kind = 'human' AND details"
                + " ->> 'simulated' = 'true' AND prompt_id IN (SELECT id FROM prompt WHERE"
                + " dataset_id = ?1)")
        .setParameter(1, datasetId)
        .executeUpdate();
  }

  private boolean insertVoteIfAbsent(HumanPreference preference, String sourceKind) {
    return insertIfAbsent(
        preference.id(),
        preference.promptId(),
        preference.responseAId(),
        preference.responseBId(),
        preference.dimension(),
        preference.verdict(),
        sourceKind,
        preference.source(),
        null,
        preference.detailsJson(),
        null,
        preference.campaignId());
  }

  private boolean insertIfAbsent(
      UUID id,
      long promptId,
      long responseAId,
      long responseBId,
      String dimension,
      String verdict,
      String sourceKind,
      String source,
      Boolean positionConflict,
      String detailsJson,
      Long jobId,
      UUID campaignId) {
    // The casts type the parameters that people's votes leave null.
    return entityManager
            .createNativeQuery(
                "INSERT INTO preference (id, prompt_id, response_a_id, response_b_id, dimension,"
                    + " verdict, source_kind, source, position_conflict, details, job_id, campaign_id)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, CAST(?9 AS boolean),"
                    + " CAST(?10 AS jsonb), CAST(?11 AS bigint), CAST(?12 AS uuid))"
                    + " ON CONFLICT (id) DO NOTHING")
            .setParameter(1, id)
            .setParameter(2, promptId)
            .setParameter(3, responseAId)
            .setParameter(4, responseBId)
            .setParameter(5, dimension)
            .setParameter(6, verdict)
            .setParameter(7, sourceKind)
            .setParameter(8, source)
            .setParameter(9, positionConflict)
            .setParameter(10, detailsJson)
            .setParameter(11, jobId)
            .setParameter(12, campaignId)
            .executeUpdate()
        == 1;
  }
}
