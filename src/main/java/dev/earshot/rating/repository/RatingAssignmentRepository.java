package dev.earshot.rating.repository;

import dev.earshot.rating.RatingAssignment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.ReadOnlyMode;

@ApplicationScoped
public class RatingAssignmentRepository implements PanacheRepositoryBase<RatingAssignment, UUID> {

  /**
   * The assignment, locked until the transaction ends: a change made through it cannot undo one
   * that another transaction (a vote, a skip) committed after it was read.
   */
  public Optional<RatingAssignment> lock(UUID id) {
    return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
  }

  /**
   * The assignment, not to be changed through Hibernate in this transaction: no snapshot, no dirty
   * check, no full-row update at the flush. What changes is written with its own statement.
   */
  public Optional<RatingAssignment> read(UUID id) {
    return Optional.ofNullable(
        getEntityManager().find(RatingAssignment.class, id, ReadOnlyMode.READ_ONLY));
  }

  /**
   * The rater's most recent assignment that they voted on: the one "previous item" goes back to.
   */
  public Optional<RatingAssignment> latestVotedOf(UUID campaignId, String rater) {
    return find(
            "campaignId = ?1 and rater = ?2 and status = 'voted' order by sequence desc",
            campaignId,
            rater)
        .firstResultOptional();
  }

  public long finishedBy(UUID campaignId, String rater) {
    return count("campaignId = ?1 and rater = ?2 and status = 'voted'", campaignId, rater);
  }
}
