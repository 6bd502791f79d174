package dev.earshot.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One browser login; its secret (kept as SHA-256) is the session cookie's value. */
@Entity
@Table(name = "login_session")
public class LoginSession {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "user_id")
  public User user;

  @Column(name = "secret_sha256", nullable = false, unique = true)
  public String secretSha256;

  @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
  public OffsetDateTime createdAt;

  @Column(name = "ended_at")
  public OffsetDateTime endedAt;
}
