package dev.earshot.dataset;

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

/** What one system answered to one prompt: audio, and the text channel when the model emits one. */
@Entity
@Table(name = "response")
public class Response {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "prompt_id")
  public Prompt prompt;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "system_id")
  public SystemUnderTest system;

  @Column(name = "audio_sha256", nullable = false)
  public String audioSha256;

  @Column(name = "text_channel")
  public String textChannel;

  @Column(name = "latency_ms")
  public Integer latencyMs;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;
}
