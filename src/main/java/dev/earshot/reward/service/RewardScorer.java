package dev.earshot.reward.service;

import dev.earshot.audio.decode.AudioRejectedException;
import dev.earshot.audio.decode.DecodedAudio;
import dev.earshot.audio.service.AudioService;
import dev.earshot.judge.JudgeVersion;
import dev.earshot.judge.scoring.DimensionScore;
import dev.earshot.judge.service.ExecutableJudge;
import dev.earshot.judge.service.JudgeRegistry;
import dev.earshot.platform.concurrent.DaemonThreads;
import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.platform.error.DomainException;
import dev.earshot.platform.error.Failure;
import dev.earshot.reward.core.AudioSource;
import dev.earshot.reward.core.RewardCacheKey;
import dev.earshot.reward.service.ActiveProfile.ActiveJudge;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Runs a profile's judges on reward items: through the judge registry, so any kind of judge works,
 * with the item's scores cached. A single item is scored on the caller's thread, so concurrent
 * single-item requests never wait for each other; the items of a batch are spread over a bounded
 * pool ({@code earshot.reward.threads}).
 */
@ApplicationScoped
public class RewardScorer {

  private static final Logger LOG = Logger.getLogger(RewardScorer.class);

  private final JudgeRegistry judges;
  private final AudioService audio;
  private final ItemScoreCache cache;
  private final RewardMetrics metrics;
  private final ExecutorService pool;

  public RewardScorer(
      JudgeRegistry judges,
      AudioService audio,
      ItemScoreCache cache,
      RewardMetrics metrics,
      EarshotConfig config) {
    this.judges = judges;
    this.audio = audio;
    this.cache = cache;
    this.metrics = metrics;
    int threads = config.reward().threads().orElse(Runtime.getRuntime().availableProcessors());
    this.pool = Executors.newFixedThreadPool(threads, DaemonThreads.numbered("earshot-reward-"));
  }

  /**
   * The judges' scores of each item, keyed by {@link ActiveProfile#dimensionKey}, in item order.
   *
   * @throws RewardItemProblem for the lowest-indexed item that could not be scored (failure
   *     INTERNAL when a judge threw on it); then no item's scores are returned
   */
  public List<Map<String, Double>> score(ActiveProfile profile, List<RewardSubject> subjects) {
    Map<JudgeVersion.Key, ExecutableJudge> ready = ready(profile);
    if (subjects.size() == 1) {
      return List.of(score(profile, ready, subjects.get(0)));
    }
    List<CompletableFuture<Map<String, Double>>> scoring =
        subjects.stream()
            .map(
                subject ->
                    CompletableFuture.supplyAsync(() -> score(profile, ready, subject), pool))
            .toList();
    List<Map<String, Double>> scores = new ArrayList<>(subjects.size());
    // Items finish in any order; joining in item order reports the lowest failing index.
    for (CompletableFuture<Map<String, Double>> item : scoring) {
      try {
        scores.add(item.join());
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException cause) {
          throw cause;
        }
        throw e;
      }
    }
    return scores;
  }

  private Map<JudgeVersion.Key, ExecutableJudge> ready(ActiveProfile profile) {
    Map<JudgeVersion.Key, ExecutableJudge> ready = new LinkedHashMap<>();
    for (ActiveJudge judge : profile.judges()) {
      try {
        ready.put(judge.key(), judges.judge(judge.key()));
      } catch (IllegalStateException e) {
        throw DomainException.unavailable(
            "Reward profile cannot run",
            "Reward profile '"
                + profile.name()
                + "': judge "
                + judge.key()
                + " cannot run: "
                + e.getMessage());
      }
    }
    return ready;
  }

  private Map<String, Double> score(
      ActiveProfile profile, Map<JudgeVersion.Key, ExecutableJudge> ready, RewardSubject subject) {
    ItemScoreCache.Key key =
        new ItemScoreCache.Key(
            RewardCacheKey.of(profile.recipe(), subject.item()).hex(), profile.cacheVersion());
    Map<String, Double> cached = cache.get(key).orElse(null);
    if (cached != null) {
      metrics.item(profile.name(), true);
      return cached;
    }
    RewardMaterial material = new RewardMaterial(subject, decode(subject), audio);
    Map<String, Double> scores = new LinkedHashMap<>();
    for (ActiveJudge judge : profile.judges()) {
      for (DimensionScore score : run(profile, ready.get(judge.key()), judge, subject, material)) {
        if (judge.dimensions().contains(score.dimension())) {
          scores.put(
              ActiveProfile.dimensionKey(judge.key().judgeId(), score.dimension()), score.score());
        }
      }
    }
    if (scores.isEmpty()) {
      throw problem(
          Failure.INVALID_VALUE,
          "Invalid reward item",
          subject,
          "none of the judges of profile '"
              + profile.name()
              + "' could score this item; give its prompt by id (whose expectations the judges"
              + " check), or a label and the response text");
    }
    cache.put(key, scores);
    metrics.item(profile.name(), false);
    return scores;
  }

  private DecodedAudio decode(RewardSubject subject) {
    AudioSource source = subject.item().audio();
    if (!(source instanceof AudioSource.Inline inline)) {
      return audio.decode(source.sha256());
    }
    try {
      return audio.decode(inline.wav());
    } catch (AudioRejectedException e) {
      throw problem(
          e.reason() == AudioRejectedException.Reason.TOO_LARGE
              ? Failure.TOO_LARGE
              : Failure.INVALID_VALUE,
          "Invalid reward item",
          subject,
          "audio rejected: " + e.getMessage());
    }
  }

  private static List<DimensionScore> run(
      ActiveProfile profile,
      ExecutableJudge judge,
      ActiveJudge which,
      RewardSubject subject,
      RewardMaterial material) {
    try {
      return judge.score(material);
    } catch (RuntimeException e) {
      LOG.errorf(
          e,
          "Reward profile '%s': judge %s failed on query[%d]",
          profile.name(),
          which.key(),
          subject.item().index());
      int index = subject.item().index();
      throw new RewardItemProblem(
          Failure.INTERNAL,
          "Reward scoring failed",
          index,
          query(index, "judge " + which.key() + " failed: " + e.getMessage()));
    }
  }

  private static RewardItemProblem problem(
      Failure failure, String title, RewardSubject subject, String what) {
    int index = subject.item().index();
    return new RewardItemProblem(failure, title, index, query(index, what));
  }

  private static String query(int index, String what) {
    return "query[%d]: %s".formatted(index, what);
  }

  @PreDestroy
  void stop() {
    pool.shutdownNow();
  }
}
