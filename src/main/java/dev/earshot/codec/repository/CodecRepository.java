package dev.earshot.codec.repository;

import dev.earshot.codec.Codec;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CodecRepository implements PanacheRepository<Codec> {

  public Optional<Codec> findByName(String name) {
    return find("name", name).firstResultOptional();
  }

  public List<Codec> allByName() {
    return listAll(Sort.by("name"));
  }
}
