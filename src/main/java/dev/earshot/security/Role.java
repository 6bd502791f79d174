package dev.earshot.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The three roles, ordered by what they may do: an admin may do everything a researcher may, a
 * researcher everything an annotator may. The string constants are for access annotations.
 */
public enum Role {
  ANNOTATOR,
  RESEARCHER,
  ADMIN;

  public static final String ANNOTATOR_NAME = "annotator";
  public static final String RESEARCHER_NAME = "researcher";
  public static final String ADMIN_NAME = "admin";

  /** The lower-case name used in the database, in identities and in access annotations. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** This role and every role below it: the roles an identity with this role holds. */
  public Set<String> withImplied() {
    return Arrays.stream(values())
        .filter(r -> r.ordinal() <= ordinal())
        .map(Role::id)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Whether this role may do at least what {@code other} may. */
  public boolean covers(Role other) {
    return ordinal() >= other.ordinal();
  }

  /** The lower of two roles: a token never acts above its owner's current role. */
  public Role atMost(Role ceiling) {
    return covers(ceiling) ? ceiling : this;
  }

  public static Optional<Role> parse(String id) {
    return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(Role::id).toList();
  }
}
