package dev.earshot.reward.service;

import dev.earshot.judge.scoring.JudgeDefinition;
import dev.earshot.judge.scoring.JudgeKind;
import dev.earshot.judge.service.JudgeKindProvider;
import dev.earshot.reward.model.RewardModelJudge;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.List;

/** Registers the judges of kind {@code reward-model}: networks this service trained. */
@ApplicationScoped
public class RewardModelJudgeKind implements JudgeKindProvider {

  @Override
  public JudgeKind kind() {
    return JudgeKind.REWARD_MODEL;
  }

  @Override
  public String unavailableReason(JudgeDefinition definition, Path modelFile) {
    return RewardModelJudge.unavailableReason(definition, modelFile);
  }

  @Override
  public LoadedJudge load(JudgeDefinition definition, Path modelFile) {
    RewardModelJudge rewardModel = RewardModelJudge.load(definition, modelFile);
    return new LoadedJudge(
        response -> List.of(rewardModel.score(response.measured())), rewardModel::close);
  }
}
