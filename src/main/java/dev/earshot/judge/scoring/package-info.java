/**
 * Scoring core of the signal-processing and text judges: each {@link
 * dev.earshot.judge.scoring.Judge} turns a prompt's expectations, its reference answer, a
 * response's text channel and the measured features of its audio into a score per dimension in [0,
 * 1] (1 = best) with a readable reason. Judges are declared in {@code judges/<id>.json} files read
 * by {@link dev.earshot.judge.scoring.JudgeCatalog}; the built-in ones are heuristics over
 * measurements, not trained models.
 */
package dev.earshot.judge.scoring;
