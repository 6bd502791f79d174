package dev.earshot.judge.service;

import dev.earshot.judge.scoring.JudgeDefinition;
import dev.earshot.judge.scoring.JudgeKind;
import java.nio.file.Path;

/**
 * A judge kind implemented outside the judge feature, such as trained reward models: a CDI bean of
 * the feature that owns the kind, found by {@link JudgeRegistry} at start-up, so that the judge
 * feature never imports the features that extend it. Judges of such a kind are versioned by their
 * model file, like onnx judges: new weights under the same file name make a new version.
 */
public interface JudgeKindProvider {

  /** The kind whose judges this provider loads. */
  JudgeKind kind();

  /**
   * Why a declared judge of this kind cannot run in this service, or {@code null} when it can.
   *
   * @param modelFile the judge's model file, resolved against the judges folder
   */
  String unavailableReason(JudgeDefinition definition, Path modelFile);

  /**
   * Loads a judge of this kind once per recorded version; the registry closes it when the service
   * stops.
   *
   * @param modelFile the judge's model file, resolved against the judges folder
   */
  LoadedJudge load(JudgeDefinition definition, Path modelFile);

  /** A loaded judge and how to release what it holds (a network, native memory). */
  record LoadedJudge(ExecutableJudge judge, Runnable close) {}
}
