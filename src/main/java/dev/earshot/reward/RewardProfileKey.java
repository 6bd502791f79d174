package dev.earshot.reward;

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

/** A secret that selects a reward profile from the URL path; only its SHA-256 is stored. */
@Entity
@Table(name = "reward_profile_key")
public class RewardProfileKey {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "profile_id")
  public RewardProfileEntity profile;

  /** Lowercase hex SHA-256 of the key. */
  @Column(name = "key_sha256", nullable = false, unique = true, length = 64)
  public String keySha256;

  @Column(nullable = false)
  public String label;

  @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
  public OffsetDateTime createdAt;

  @Column(name = "revoked_at")
  public OffsetDateTime revokedAt;
}
