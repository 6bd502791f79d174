package dev.earshot.judge.dsp;

/**
 * Silent intervals inside speech (after the first and before the last sounding frame) of at least
 * the minimum pause length.
 *
 * @param count number of pauses
 * @param totalSeconds their summed duration
 * @param longestSeconds the longest one, 0 if none
 */
public record Pauses(int count, double totalSeconds, double longestSeconds) {}
