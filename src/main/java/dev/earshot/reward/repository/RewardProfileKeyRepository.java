package dev.earshot.reward.repository;

import dev.earshot.reward.RewardProfileEntity;
import dev.earshot.reward.RewardProfileKey;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class RewardProfileKeyRepository implements PanacheRepository<RewardProfileKey> {

  /** The key with this hash, with its profile, unless it was revoked. */
  public Optional<RewardProfileKey> findActiveBySha256(String keySha256) {
    return find(
            "from RewardProfileKey k join fetch k.profile"
                + " where k.keySha256 = ?1 and k.revokedAt is null",
            keySha256)
        .firstResultOptional();
  }

  public List<RewardProfileKey> listOf(RewardProfileEntity profile) {
    return list("profile", Sort.by("createdAt").and("id"), profile);
  }
}
