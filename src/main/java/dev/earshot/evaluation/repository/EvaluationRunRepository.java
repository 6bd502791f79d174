package dev.earshot.evaluation.repository;

import dev.earshot.evaluation.EvaluationRun;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class EvaluationRunRepository implements PanacheRepository<EvaluationRun> {}
