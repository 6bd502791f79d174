package dev.earshot.security.auth;

import dev.earshot.security.Role;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Set;

/**
 * Gives every identity the roles below its own (an admin is also a researcher and an annotator), so
 * access rules name the least role that may do a thing.
 */
@ApplicationScoped
public class RoleHierarchyAugmentor implements SecurityIdentityAugmentor {

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    if (identity.isAnonymous()) {
      return Uni.createFrom().item(identity);
    }
    Set<String> roles = new HashSet<>(identity.getRoles());
    identity
        .getRoles()
        .forEach(r -> Role.parse(r).ifPresent(role -> roles.addAll(role.withImplied())));
    if (roles.equals(identity.getRoles())) {
      return Uni.createFrom().item(identity);
    }
    return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRoles(roles).build());
  }
}
