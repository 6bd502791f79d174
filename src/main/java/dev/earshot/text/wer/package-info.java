/**
 * Content accuracy of speech-LM answers: word and character error rates that agree exactly with
 * NIST sclite on the same normalised text ({@link dev.earshot.text.wer.ErrorRates}), and
 * answer-keyword match ({@link dev.earshot.text.wer.KeywordMatch}). Pure Java, no framework
 * dependencies.
 */
package dev.earshot.text.wer;
