package dev.earshot.dataset;

import dev.earshot.dataset.manifest.PromptExpectations;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One prompt of a dataset: text and/or audio, an optional reference answer and what it expects. */
@Entity
@Table(name = "prompt")
public class Prompt {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "dataset_id")
  public Dataset dataset;

  /** The id given in the manifest, unique within the dataset. */
  @Column(name = "external_id", nullable = false)
  public String externalId;

  @Column(nullable = false)
  public int position;

  public String text;

  @Column(name = "audio_sha256")
  public String audioSha256;

  public String reference;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public PromptExpectations expectations;
}
