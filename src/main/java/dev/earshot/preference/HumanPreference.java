package dev.earshot.preference;

import java.util.UUID;

/**
 * A rater's vote on one pair and dimension, from A's point of view (A was heard first); {@code
 * source} is {@code rater:<name>} for a person, {@code simulated:<name>} for a simulated rater
 * (stored with a kind of its own); {@code campaignId} is null for imported votes.
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
