/**
 * The {@code llm} judge: audio-capable language models behind an OpenAI-compatible chat-completions
 * endpoint score spoken responses against a rubric ({@link
 * dev.earshot.judge.llm.LlmJudge#scorePointwise}) or compare two of them in both presentation
 * orders ({@link dev.earshot.judge.llm.LlmJudge#comparePairwise}). Requests are deterministic,
 * retried with back-off, limited in concurrency and cached by their inputs. Pure Java, no framework
 * dependencies.
 */
package dev.earshot.judge.llm;
