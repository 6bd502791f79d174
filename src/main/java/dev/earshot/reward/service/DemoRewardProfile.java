package dev.earshot.reward.service;

import dev.earshot.judge.service.JudgeRegistry;
import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.platform.startup.WarmUp;
import dev.earshot.reward.JudgeWeights;
import dev.earshot.reward.service.RewardProfileViews.NewProfile;
import dev.earshot.reward.service.RewardProfileViews.NormalisationSpec;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Creates the reward profile {@code demo} at start-up when it is missing, so that {@code POST
 * /api/reward?profile=demo} answers on a fresh install: the three signal and text judges that need
 * no model, equally weighted, without normalisation.
 */
@ApplicationScoped
public class DemoRewardProfile {

  public static final String NAME = "demo";
  private static final List<String> JUDGES =
      List.of("prosody-appropriateness", "audio-quality", "content-accuracy");

  private static final Logger LOG = Logger.getLogger(DemoRewardProfile.class);

  private final RewardProfileService profiles;
  private final JudgeRegistry judges;
  private final EarshotConfig config;
  private final WarmUp warmUp;

  public DemoRewardProfile(
      RewardProfileService profiles, JudgeRegistry judges, EarshotConfig config, WarmUp warmUp) {
    this.profiles = profiles;
    this.judges = judges;
    this.config = config;
    this.warmUp = warmUp;
  }

  // Queued after the judge catalog (JudgeRegistry observes earlier); steps run in queue order.
  void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
    warmUp.submit("demo reward profile", this::createUnlessPresent);
  }

  private void createUnlessPresent() {
    if (!config.reward().demoProfile() || profiles.exists(NAME)) {
      return;
    }
    List<String> missing =
        JUDGES.stream()
            .filter(
                id -> judges.current().stream().noneMatch(j -> j.id().equals(id) && j.runnable()))
            .toList();
    if (!missing.isEmpty()) {
      LOG.warnf("Reward profile '%s' not created: judges %s cannot run", NAME, missing);
      return;
    }
    profiles.create(
        new NewProfile(
            NAME,
            JUDGES.stream().map(id -> new JudgeWeights(id, null, null)).toList(),
            NormalisationSpec.none(),
            null),
        null);
    LOG.infof("Reward profile '%s' created from judges %s", NAME, JUDGES);
  }
}
