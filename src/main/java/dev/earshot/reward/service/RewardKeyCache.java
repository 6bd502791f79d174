package dev.earshot.reward.service;

import dev.earshot.judge.service.JudgeRegistry.JudgeView;
import dev.earshot.platform.concurrent.RevocableCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * The profiles of recently used reward keys, by the key's SHA-256 ({@link RewardKeys} reads it).
 * Revoking a key or changing a profile empties it on this instance at once.
 */
@ApplicationScoped
public class RewardKeyCache extends RevocableCache<RewardKeyCache.Resolved> {

  /** How long a key's profile is trusted without asking the database again. */
  public static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);

  /** A key's profile and the judge catalog (by identity) its judge versions were resolved in. */
  public record Resolved(ActiveProfile profile, List<JudgeView> catalog) {}

  public RewardKeyCache() {
    super(TIME_TO_LIVE);
  }
}
