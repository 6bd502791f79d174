package dev.earshot.leaderboard.arena;

import dev.earshot.stats.Outcome;

/** One battle of an imported log: two systems and the outcome from A's side. */
public record Battle(int line, String systemA, String systemB, Outcome outcome) {}
