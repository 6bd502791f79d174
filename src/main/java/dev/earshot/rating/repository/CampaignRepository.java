package dev.earshot.rating.repository;

import dev.earshot.rating.Campaign;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.ReadOnlyMode;

@ApplicationScoped
public class CampaignRepository implements PanacheRepositoryBase<Campaign, UUID> {

  /** The campaign, locked until the transaction ends: assignments are handed out one at a time. */
  public Optional<Campaign> lock(UUID id) {
    return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
  }

  /**
   * The campaign, share-locked until the transaction ends: a vote sees the state it is accepted in,
   * and a pause or close waits for votes in flight. Read-only, as {@link #read}: nothing that
   * share-locks a campaign changes it.
   */
  public Optional<Campaign> lockShared(UUID id) {
    return Optional.ofNullable(
        getEntityManager()
            .find(Campaign.class, id, LockModeType.PESSIMISTIC_READ, ReadOnlyMode.READ_ONLY));
  }

  /**
   * The campaign, not to be changed in this transaction. Read-only, Hibernate keeps no copy of its
   * JSON columns to compare at every flush: the rating requests that only read it (a played report,
   * the previous item) then spend no time on the campaign's JSON beyond reading it.
   */
  public Optional<Campaign> read(UUID id) {
    return Optional.ofNullable(getEntityManager().find(Campaign.class, id, ReadOnlyMode.READ_ONLY));
  }

  public List<Campaign> newestFirst() {
    return list("order by createdAt desc, id");
  }

  public List<Campaign> ratedBy(String rater) {
    @SuppressWarnings("unchecked")
    List<Campaign> campaigns =
        getEntityManager()
            .createNativeQuery(
                "SELECT c.* FROM campaign c JOIN campaign_rater r ON r.campaign_id = c.id"
                    + " WHERE r.username = ?1 ORDER BY c.created_at DESC, c.id",
                Campaign.class)
            .setParameter(1, rater)
            .getResultList();
    return campaigns;
  }
}
