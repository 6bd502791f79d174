package dev.earshot.codec;

import dev.earshot.codec.core.CodecShape;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A neural codec (speech tokenizer) under test. It is the system of the same name: that system's
 * responses are its resyntheses of the prompts' audio.
 */
@Entity
@Table(name = "codec")
public class Codec {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false, unique = true)
  public String name;

  @Column(name = "frame_rate", nullable = false)
  public double frameRate;

  @Column(nullable = false)
  public int codebooks;

  @Column(name = "codebook_size", nullable = false)
  public int codebookSize;

  public String description;

  @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
  public OffsetDateTime createdAt;

  public CodecShape shape() {
    return new CodecShape(frameRate, codebooks, codebookSize);
  }
}
