package dev.earshot.security;

import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A person who logs in. Quarkus Security JPA checks form logins against this entity; the bcrypt
 * hash is made by {@code BcryptUtil}. Implied roles are added by the role hierarchy augmentor.
 */
@Entity
@Table(name = "app_user")
@UserDefinition
public class User {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Username
  @Column(nullable = false, unique = true)
  public String username;

  @Password(PasswordType.MCF)
  @Column(name = "password_hash", nullable = false)
  public String passwordHash;

  @Roles
  @Column(nullable = false)
  public String role;

  @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
  public OffsetDateTime createdAt;

  public Role roleValue() {
    return Role.parse(role).orElseThrow();
  }
}
