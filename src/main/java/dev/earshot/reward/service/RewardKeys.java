package dev.earshot.reward.service;

import dev.earshot.judge.service.JudgeRegistry;
import dev.earshot.judge.service.JudgeRegistry.JudgeView;
import dev.earshot.reward.service.RewardKeyCache.Resolved;
import dev.earshot.security.SecretTokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Reward keys as {@code POST /api/reward/{key}} checks them on every call: a key used in the last
 * {@link RewardKeyCache#TIME_TO_LIVE} is answered from memory, so a warm trainer's call costs no
 * database round trip for its key. Revoking a key or changing a profile empties the cache on this
 * instance at once ({@link RewardProfileService}); a cached profile also counts only with the judge
 * catalog it was resolved in, so a reloaded catalog resolves it again.
 */
@ApplicationScoped
public class RewardKeys {

  private final RewardKeyCache cache;
  private final RewardProfileService profiles;
  private final JudgeRegistry judges;

  public RewardKeys(RewardKeyCache cache, RewardProfileService profiles, JudgeRegistry judges) {
    this.cache = cache;
    this.profiles = profiles;
    this.judges = judges;
  }

  /** Whether the key is known and not revoked: a cheap check made before a request is read. */
  public boolean isActive(String secret) {
    String sha256 = SecretTokens.sha256(secret);
    return cache.fresh(sha256).isPresent() || profiles.isActiveKey(sha256);
  }

  /** The profile that an active key selects; empty for an unknown or revoked key. */
  public Optional<ActiveProfile> activeProfile(String secret) {
    String sha256 = SecretTokens.sha256(secret);
    List<JudgeView> catalog = judges.current();
    Optional<Resolved> warm = cache.fresh(sha256).filter(cached -> cached.catalog() == catalog);
    if (warm.isPresent()) {
      return Optional.of(warm.get().profile());
    }
    return cache
        .load(
            sha256,
            () ->
                profiles
                    .activeByKey(sha256, catalog)
                    .map(profile -> new Resolved(profile, catalog)))
        .map(Resolved::profile);
  }
}
