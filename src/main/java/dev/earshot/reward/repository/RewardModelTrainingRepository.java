package dev.earshot.reward.repository;

import dev.earshot.reward.RewardModelTraining;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class RewardModelTrainingRepository implements PanacheRepository<RewardModelTraining> {

  /** Trainings queued or running. */
  public List<RewardModelTraining> listUnfinished() {
    return list("status in ?1", List.of(RewardModelTraining.QUEUED, RewardModelTraining.RUNNING));
  }

  /** Records how many training steps are done, without loading the training. */
  public void recordStep(long id, int step) {
    update("step = ?1 where id = ?2", step, id);
  }
}
