package dev.earshot.security.repository;

import dev.earshot.security.Role;
import dev.earshot.security.User;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class UserRepository implements PanacheRepository<User> {

  public Optional<User> findByUsername(String username) {
    return find("username", username).firstResultOptional();
  }

  /** How many admins there are besides {@code admin}: the last one must not lose the role. */
  public long countAdminsOtherThan(User admin) {
    return count("role = ?1 and id <> ?2", Role.ADMIN.id(), admin.id);
  }
}
