package dev.earshot.evaluation.service;

import dev.earshot.evaluation.service.RunViews.RunView;

/**
 * A run that a feature's demo data set gets once, in the background, on a first start ({@link
 * DemoEvaluation} starts it unless its dataset was ever evaluated). Lets features that depend on
 * evaluation add their demo runs without evaluation depending on them.
 */
public interface DemoRun {

  /** The dataset the run evaluates. */
  String dataset();

  /** Whether the demo is switched on and its dataset is there. */
  boolean ready();

  /** Starts the run (in the caller's transaction). */
  RunView start();
}
