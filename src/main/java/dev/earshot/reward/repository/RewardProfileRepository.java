package dev.earshot.reward.repository;

import dev.earshot.reward.RewardProfileEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class RewardProfileRepository implements PanacheRepository<RewardProfileEntity> {

  public Optional<RewardProfileEntity> findByName(String name) {
    return find("name", name).firstResultOptional();
  }

  public List<RewardProfileEntity> listByName() {
    return listAll(Sort.by("name"));
  }
}
