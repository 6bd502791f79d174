/**
 * Pure selection and aggregation for reward-data exports: several votes on one response pair become
 * one judgement (majority, mean strength or soft label, with a margin and an agreement), ties and
 * "both bad" are excluded or kept by policy, pairs are derived from pointwise scores, and every row
 * dropped is counted with its reason. Input arrives as sorted streams and only one prompt's rows
 * are held at a time, so memory does not grow with the export.
 */
package dev.earshot.export.selection;
