package dev.earshot.rating.repository;

import dev.earshot.rating.RatingAssignment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RatingAssignmentRepository implements PanacheRepositoryBase<RatingAssignment, UUID> {

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
