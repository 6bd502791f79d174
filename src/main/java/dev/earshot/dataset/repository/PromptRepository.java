package dev.earshot.dataset.repository;

import dev.earshot.dataset.Dataset;
import dev.earshot.dataset.Prompt;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class PromptRepository implements PanacheRepository<Prompt> {

  public Map<String, Prompt> byExternalId(Dataset dataset) {
    return list("dataset", dataset).stream()
        .collect(Collectors.toMap(p -> p.externalId, Function.identity()));
  }

  /** Prompts with this external id, in any dataset. */
  public List<Prompt> withExternalId(String externalId) {
    return list("externalId", externalId);
  }

  /** Prompts with this external id in the dataset of this name (none or one). */
  public List<Prompt> withExternalId(String datasetName, String externalId) {
    return list("dataset.name = ?1 and externalId = ?2", datasetName, externalId);
  }

  public Optional<Prompt> findByExternalId(Dataset dataset, String externalId) {
    return find("dataset = ?1 and externalId = ?2", dataset, externalId).firstResultOptional();
  }

  public List<Prompt> page(Dataset dataset, int page, int size) {
    return find("dataset", Sort.by("position").and("id"), dataset).page(Page.of(page, size)).list();
  }

  public long countIn(Dataset dataset) {
    return count("dataset", dataset);
  }
}
