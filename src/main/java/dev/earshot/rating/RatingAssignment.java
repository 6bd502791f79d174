package dev.earshot.rating;

import dev.earshot.rating.assignment.CandidatePair;
import jakarta.persistence.Column;
import jakarta.persistence.ColumnResult;
import jakarta.persistence.ConstructorResult;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.SqlResultSetMapping;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One pair given to one rater, with the sides it is heard on and what the rater did. */
@Entity
@Table(name = "rating_assignment")
@SqlResultSetMapping(
    name = RatingAssignment.CANDIDATE_PAIR,
    classes =
        @ConstructorResult(
            targetClass = CandidatePair.class,
            columns = {
              @ColumnResult(name = "pair_id", type = Long.class),
              @ColumnResult(name = "system_x", type = Long.class),
              @ColumnResult(name = "system_y", type = Long.class),
              @ColumnResult(name = "gold", type = Boolean.class),
              @ColumnResult(name = "votes", type = Integer.class),
              @ColumnResult(name = "in_flight", type = Integer.class)
            }))
public class RatingAssignment {

  /**
   * A pair the planner may hand out, read by column name with the columns' types declared, so
   * Hibernate neither asks the driver for them at every hand-out nor builds a map per row.
   */
  public static final String CANDIDATE_PAIR = "RatingAssignment.candidatePair";

  @Id public UUID id;

  @Column(name = "campaign_id", nullable = false)
  public UUID campaignId;

  @Column(name = "pair_id", nullable = false)
  public long pairId;

  @Column(nullable = false)
  public String rater;

  @Column(nullable = false)
  public int sequence;

  @Column(name = "response_a_id", nullable = false)
  public long responseAId;

  @Column(name = "response_b_id", nullable = false)
  public long responseBId;

  @Column(name = "issued_at", nullable = false)
  public OffsetDateTime issuedAt;

  @Column(name = "played_a_at")
  public OffsetDateTime playedAAt;

  @Column(name = "played_b_at")
  public OffsetDateTime playedBAt;

  @Column(nullable = false)
  public String status;

  @Column(name = "finished_at")
  public OffsetDateTime finishedAt;

  public boolean open() {
    return "open".equals(status);
  }
}
