package dev.earshot.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An API token of a user: only its SHA-256 is stored; the token itself is shown once. */
@Entity
@Table(name = "api_token")
public class ApiToken {

  @Id public UUID id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "user_id", nullable = false)
  public User user;

  @Column(nullable = false)
  public String name;

  @Column(nullable = false)
  public String role;

  @Column(name = "token_sha256", nullable = false, unique = true)
  public String tokenSha256;

  @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
  public OffsetDateTime createdAt;

  @Column(name = "last_used_at")
  public OffsetDateTime lastUsedAt;

  @Column(name = "revoked_at")
  public OffsetDateTime revokedAt;

  public boolean revoked() {
    return revokedAt != null;
  }
}
