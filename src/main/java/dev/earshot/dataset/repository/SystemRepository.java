package dev.earshot.dataset.repository;

import dev.earshot.dataset.Dataset;
import dev.earshot.dataset.SystemUnderTest;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class SystemRepository implements PanacheRepository<SystemUnderTest> {

  public Optional<SystemUnderTest> findByName(String name) {
    return find("name", name).firstResultOptional();
  }

  /** Systems with at least one response to a prompt of the dataset, by name. */
  public List<SystemUnderTest> answering(Dataset dataset) {
    return find(
            "select distinct s from Response r join r.system s where r.prompt.dataset = ?1 order by s.name",
            dataset)
        .list();
  }
}
