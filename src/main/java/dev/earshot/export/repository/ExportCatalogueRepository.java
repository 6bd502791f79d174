package dev.earshot.export.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * What an export config may name, looked up by name rather than key (configs name datasets, systems
 * and judges the way the exported records do): the checks behind a 422 for a misspelt name, and the
 * dimensions an export can be filtered to.
 */
@ApplicationScoped
public class ExportCatalogueRepository {

  private final EntityManager entityManager;

  public ExportCatalogueRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  public boolean datasetExists(String name) {
    return exists("SELECT 1 FROM dataset WHERE name = ?1", name, null);
  }

  public boolean systemExists(String name) {
    return exists("SELECT 1 FROM system_under_test WHERE name = ?1", name, null);
  }

  /** Whether any version of the judge was ever registered. */
  public boolean judgeExists(String judgeId) {
    return exists("SELECT 1 FROM judge_version WHERE judge_id = ?1", judgeId, null);
  }

  public boolean judgeVersionExists(String judgeId, String version) {
    return exists(
        "SELECT 1 FROM judge_version WHERE judge_id = ?1 AND version = ?2", judgeId, version);
  }

  /**
   * Every dimension that has votes ({@code preference}) or scores ({@code judge_score}), sorted.
   */
  public List<String> dimensions() {
    @SuppressWarnings("unchecked")
    List<String> dimensions =
        entityManager
            .createNativeQuery(
                "SELECT dimension FROM preference UNION SELECT dimension FROM judge_score"
                    + " ORDER BY dimension",
                String.class)
            .getResultList();
    return dimensions;
  }

  private boolean exists(String sql, String first, String second) {
    var query = entityManager.createNativeQuery(sql + " LIMIT 1").setParameter(1, first);
    if (second != null) {
      query.setParameter(2, second);
    }
    return !query.getResultList().isEmpty();
  }
}
