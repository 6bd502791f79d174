package dev.earshot.reward.repository;

import dev.earshot.reward.RewardModelTraining;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class RewardModelTrainingRepository implements PanacheRepository<RewardModelTraining> {}
