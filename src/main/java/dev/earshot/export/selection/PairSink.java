package dev.earshot.export.selection;

import dev.earshot.export.format.PreferencePair;
import java.io.IOException;
import java.util.List;

/** Receives the kept pairs of one prompt and dimension, sorted by {@link PreferencePair#ORDER}. */
@FunctionalInterface
public interface PairSink {

  void accept(List<PreferencePair> pairs) throws IOException;
}
