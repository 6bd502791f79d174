package dev.earshot.rating.assignment;

/**
 * The pair to give next and the side its first response is heard on.
 *
 * @param xHeardAsA whether the pair's first response ({@code systemX}) plays as A
 */
public record Choice(long pairId, boolean xHeardAsA) {}
