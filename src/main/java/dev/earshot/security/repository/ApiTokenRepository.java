package dev.earshot.security.repository;

import dev.earshot.security.ApiToken;
import dev.earshot.security.User;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ApiTokenRepository implements PanacheRepositoryBase<ApiToken, UUID> {

  /** The token with this hash and its owner, in one query. */
  public Optional<ApiToken> findByHash(String sha256) {
    return find("from ApiToken t join fetch t.user where t.tokenSha256 = ?1", sha256)
        .firstResultOptional();
  }

  /** Every token with its owner, oldest first. */
  public List<ApiToken> allWithOwners() {
    return list("from ApiToken t join fetch t.user order by t.createdAt, t.id");
  }

  public List<ApiToken> ofUser(User user) {
    return list("user = ?1 order by createdAt, id", user);
  }
}
