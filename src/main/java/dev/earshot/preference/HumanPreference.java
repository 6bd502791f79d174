package dev.earshot.preference;

import java.util.UUID;

/**
 * A person's vote on one pair and dimension, from A's point of view (A was heard first); {@code
 * source} is {@code rater:<name>}; {@code campaignId} is null for imported votes.
 */
public record HumanPreference(
    UUID id,
    long promptId,
    long responseAId,
    long responseBId,
    String dimension,
    String verdict,
    String source,
    String detailsJson,
    UUID campaignId) {}
