package dev.earshot.dataset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A named set of prompts, imported from a dataset folder or zip. */
@Entity
@Table(name = "dataset")
public class Dataset {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false, unique = true)
  public String name;

  public String description;

  /**
   * Hash of the manifest files last imported, so that an unchanged re-import is skipped quickly.
   */
  @Column(name = "source_sha256")
  public String sourceSha256;

  @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
  public OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;
}
