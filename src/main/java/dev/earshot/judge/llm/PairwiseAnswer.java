package dev.earshot.judge.llm;

/**
 * One raw answer of the judge, with labels as the judge saw them: in the swapped order, "A" is the
 * response that the caller called B.
 */
public record PairwiseAnswer(PairwiseVerdict verdict, String rationale) {}
