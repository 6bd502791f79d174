package dev.earshot.preference;

import java.util.UUID;

/** A judge's verdict on one pair and dimension, from A's point of view. */
public record JudgePreference(
    UUID id,
    long jobId,
    long promptId,
    long responseAId,
    long responseBId,
    String dimension,
    String verdict,
    String source,
    boolean positionConflict,
    String detailsJson) {}
