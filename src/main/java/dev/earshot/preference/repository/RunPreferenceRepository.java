package dev.earshot.preference.repository;

import dev.earshot.platform.db.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.List;

/**
 * Reads of table {@code preference} by evaluation run: the verdicts that a run's pairwise judges
 * stored, found through the jobs that stored them.
 */
@ApplicationScoped
public class RunPreferenceRepository {

  /**
   * One stored verdict with what it compares.
   *
   * @param prompt the prompt's id in its dataset
   * @param systemA the system of response A, presented first
   * @param source judge id@version
   */
  public record RunPreference(
      String prompt,
      String systemA,
      String systemB,
      String dimension,
      String verdict,
      boolean positionConflict,
      String source) {}

  /** How many verdicts a run stored, and how many of them had a position conflict. */
  public record RunPreferenceCounts(long preferences, long positionConflicts) {}

  private final EntityManager entityManager;

  public RunPreferenceRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** The run's verdicts in prompt order, then by systems, dimension and judge. */
  public List<RunPreference> ofRun(long runId) {
    List<Tuple> rows =
        Rows.tuples(
            entityManager
                .createNativeQuery(
                    "SELECT p.external_id AS prompt, sa.name AS system_a, sb.name AS system_b,"
                        + " pr.dimension AS dimension, pr.verdict AS verdict,"
                        + " pr.position_conflict AS position_conflict, pr.source AS source"
                        + " FROM preference pr"
                        + " JOIN evaluation_job j ON j.id = pr.job_id JOIN prompt p ON p.id = pr.prompt_id"
                        + " JOIN response ra ON ra.id = pr.response_a_id"
                        + " JOIN system_under_test sa ON sa.id = ra.system_id"
                        + " JOIN response rb ON rb.id = pr.response_b_id"
                        + " JOIN system_under_test sb ON sb.id = rb.system_id"
                        + " WHERE j.run_id = ?1 ORDER BY p.position, sa.name, sb.name, pr.dimension, pr.source",
                    Tuple.class)
                .setParameter(1, runId));
    return rows.stream()
        .map(
            row ->
                new RunPreference(
                    row.get("prompt", String.class),
                    row.get("system_a", String.class),
                    row.get("system_b", String.class),
                    row.get("dimension", String.class),
                    row.get("verdict", String.class),
                    Boolean.TRUE.equals(row.get("position_conflict", Boolean.class)),
                    row.get("source", String.class)))
        .toList();
  }

  public RunPreferenceCounts countsOfRun(long runId) {
    Tuple counts =
        (Tuple)
            entityManager
                .createNativeQuery(
                    "SELECT count(*) AS preferences,"
                        + " count(*) FILTER (WHERE pr.position_conflict) AS position_conflicts"
                        + " FROM preference pr"
                        + " JOIN evaluation_job j ON j.id = pr.job_id WHERE j.run_id = ?1",
                    Tuple.class)
                .setParameter(1, runId)
                .getSingleResult();
    return new RunPreferenceCounts(
        counts.get("preferences", Number.class).longValue(),
        counts.get("position_conflicts", Number.class).longValue());
  }
}
