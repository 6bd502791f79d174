package dev.earshot.judge.repository;

import dev.earshot.judge.JudgeVersion;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class JudgeVersionRepository
    implements PanacheRepositoryBase<JudgeVersion, JudgeVersion.Key> {}
