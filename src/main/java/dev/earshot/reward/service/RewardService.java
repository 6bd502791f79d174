package dev.earshot.reward.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.platform.error.DomainException;
import dev.earshot.platform.error.Failure;
import dev.earshot.platform.error.JsonSyntax;
import dev.earshot.reward.core.RewardCombiner;
import dev.earshot.reward.core.RewardItem;
import dev.earshot.reward.core.RewardRequestException;
import dev.earshot.reward.core.RewardRequestLimits;
import dev.earshot.reward.core.RewardRequestParser;
import dev.earshot.reward.core.RewardResponse;
import dev.earshot.reward.service.RewardMetrics.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Answers OpenRLHF's remote reward-model requests: the profile chosen by name or key, the request
 * parsed all or nothing, each item scored by the profile's judges (or the cache) and the batch
 * combined. Every refused or failed request is logged (WARN when refused, ERROR when the server
 * failed: a judge that cannot run or that threw) with its profile, the item's index and the reason,
 * and counted in {@link RewardMetrics}: a trainer whose reward call fails trains on without a
 * reward and says little about it.
 */
@ApplicationScoped
public class RewardService {

  private static final Logger LOG = Logger.getLogger(RewardService.class);
  // Base64 takes 4 characters per 3 bytes; the audio size limit is enforced again on decoding.
  private static final long BASE64_CHARS_PER_3_BYTES = 4;

  private final RewardProfileService profiles;
  private final RewardKeys keys;
  private final RewardInputs inputs;
  private final RewardScorer scorer;
  private final RewardMetrics metrics;
  private final ObjectMapper json;
  private final RewardRequestParser parser;

  public RewardService(
      RewardProfileService profiles,
      RewardKeys keys,
      RewardInputs inputs,
      RewardScorer scorer,
      RewardMetrics metrics,
      ObjectMapper json,
      EarshotConfig config) {
    this.profiles = profiles;
    this.keys = keys;
    this.inputs = inputs;
    this.scorer = scorer;
    this.metrics = metrics;
    this.json = json;
    long maxBase64 = (config.audio().maxBytes() + 2) / 3 * BASE64_CHARS_PER_3_BYTES;
    this.parser =
        new RewardRequestParser(
            new RewardRequestLimits(
                config.reward().maxItems(), (int) Math.min(Integer.MAX_VALUE, maxBase64)),
            json);
  }

  /** Rewards under the named profile ({@code POST /api/reward?profile=}). */
  public RewardResponse rewardForProfile(String profileName, byte[] body) {
    return reward(
        "profile " + (profileName == null ? "(none)" : "'" + profileName + "'"),
        () -> {
          if (profileName == null || profileName.isBlank()) {
            throw DomainException.invalidRequest(
                "name a reward profile: POST /api/reward?profile=<name>, or use a key URL"
                    + " /api/reward/<key>; GET /api/reward-profiles lists the profiles");
          }
          return profiles.activeByName(profileName);
        },
        body);
  }

  /** Rewards under the profile that the key selects ({@code POST /api/reward/{key}}). */
  public RewardResponse rewardForKey(String key, byte[] body) {
    return reward(
        "a key URL",
        () ->
            keys.activeProfile(key)
                .orElseThrow(
                    () ->
                        new DomainException(
                            Failure.NOT_FOUND,
                            "Unknown reward key",
                            "No active reward key matches this URL: it was mistyped or revoked."
                                + " Create a key with POST /api/reward-profiles/{name}/keys")),
        body);
  }

  /**
   * @param asked how the caller chose the profile, for the log (never the key itself)
   */
  private RewardResponse reward(String asked, Supplier<ActiveProfile> profile, byte[] body) {
    long start = System.nanoTime();
    String profileName = RewardMetrics.UNKNOWN_PROFILE;
    try {
      ActiveProfile active = profile.get();
      profileName = active.name();
      List<RewardItem> items = parse(body);
      List<Map<String, Double>> scores = scorer.score(active, inputs.resolve(items));
      RewardResponse response = new RewardCombiner(active.recipe()).combine(scores);
      metrics.request(profileName, Outcome.OK, Duration.ofNanos(System.nanoTime() - start));
      return response;
    } catch (DomainException e) {
      // A judge that cannot run or threw is the server's failure; every other the request's.
      boolean rejected = !e.failure().serverSide();
      String where =
          e instanceof RewardItemProblem item ? "query[" + item.index() + "]" : "request";
      report(asked, profileName, where, rejected, e.failure() + " " + e.title(), e, start);
      throw e;
    } catch (RuntimeException e) {
      LOG.errorf(e, "Reward request for %s failed (profile %s)", asked, profileName);
      metrics.request(profileName, Outcome.FAILED, Duration.ofNanos(System.nanoTime() - start));
      throw e;
    }
  }

  /** Logs a refused (WARN) or failed (ERROR) request and counts it. */
  private void report(
      String asked,
      String profileName,
      String where,
      boolean rejected,
      String what,
      RuntimeException e,
      long start) {
    LOG.logf(
        rejected ? Logger.Level.WARN : Logger.Level.ERROR,
        "Reward request for %s %s (profile %s, %s): %s: %s",
        asked,
        rejected ? "refused" : "failed",
        profileName,
        where,
        what,
        e.getMessage());
    metrics.request(
        profileName,
        rejected ? Outcome.REJECTED : Outcome.FAILED,
        Duration.ofNanos(System.nanoTime() - start));
  }

  private List<RewardItem> parse(byte[] body) {
    JsonNode tree;
    try {
      tree = body == null || body.length == 0 ? null : json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new DomainException(
          Failure.INVALID_REQUEST,
          "Malformed JSON",
          "The body is not JSON: " + JsonSyntax.describe(e));
    } catch (IOException e) {
      throw new DomainException(
          Failure.INVALID_REQUEST, "Malformed JSON", "The body could not be read as JSON");
    }
    try {
      return parser.parse(tree);
    } catch (RewardRequestException e) {
      if (e.itemIndex().isPresent()) {
        throw new RewardItemProblem(
            Failure.INVALID_REQUEST,
            "Invalid reward request",
            e.itemIndex().getAsInt(),
            e.getMessage());
      }
      throw new DomainException(Failure.INVALID_REQUEST, "Invalid reward request", e.getMessage());
    }
  }
}
