package dev.earshot.dataset.repository;

import dev.earshot.dataset.Dataset;
import dev.earshot.dataset.Response;
import dev.earshot.dataset.SystemUnderTest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ResponseRepository implements PanacheRepository<Response> {

  public Optional<Response> find(long promptId, long systemId) {
    return find("prompt.id = ?1 and system.id = ?2", promptId, systemId).firstResultOptional();
  }

  /** Responses of a dataset in prompt order, optionally of one system only. */
  public List<Response> page(Dataset dataset, SystemUnderTest system, int page, int size) {
    return query(dataset, system).page(Page.of(page, size)).list();
  }

  /** Every response of a dataset, with its prompt and system. */
  public List<Response> byIds(Collection<Long> ids) {
    return list("id in ?1", ids);
  }

  public List<Response> allIn(Dataset dataset) {
    return query(dataset, null).list();
  }

  public long countIn(Dataset dataset, SystemUnderTest system) {
    return system == null
        ? count("prompt.dataset", dataset)
        : count("prompt.dataset = ?1 and system = ?2", dataset, system);
  }

  private PanacheQuery<Response> query(Dataset dataset, SystemUnderTest system) {
    String order = " order by r.prompt.position, r.prompt.id, r.system.name";
    return system == null
        ? find(
            "from Response r join fetch r.prompt join fetch r.system where r.prompt.dataset = ?1"
                + order,
            dataset)
        : find(
            "from Response r join fetch r.prompt join fetch r.system where r.prompt.dataset = ?1 and r.system = ?2"
                + order,
            dataset,
            system);
  }
}
