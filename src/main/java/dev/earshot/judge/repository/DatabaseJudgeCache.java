package dev.earshot.judge.repository;

import dev.earshot.judge.llm.JudgeCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The llm judges' answers in table {@code llm_judge_cache}, shared by every instance on the
 * database. An answer is stored in its own transaction, so that it survives when the job that asked
 * for it fails later.
 */
@ApplicationScoped
public class DatabaseJudgeCache implements JudgeCache {

  private final EntityManager entityManager;

  public DatabaseJudgeCache(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  @Transactional
  public Optional<String> get(String key) {
    @SuppressWarnings("unchecked")
    List<String> answers =
        entityManager
            .createNativeQuery("SELECT answer FROM llm_judge_cache WHERE cache_key = ?1")
            .setParameter(1, key)
            .getResultList();
    return answers.stream().findFirst();
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void put(String key, String rawAnswer) {
    entityManager
        .createNativeQuery(
            "INSERT INTO llm_judge_cache (cache_key, answer) VALUES (?1, ?2)"
                + " ON CONFLICT (cache_key) DO NOTHING")
        .setParameter(1, key)
        .setParameter(2, rawAnswer)
        .executeUpdate();
  }
}
