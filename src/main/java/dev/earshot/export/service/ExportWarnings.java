package dev.earshot.export.service;

import dev.earshot.export.selection.PairsWithSignal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a finished export's counts say it should warn about; the same list goes into the manifest
 * and the export's status, derived from the stored counts rather than stored twice.
 */
final class ExportWarnings {

  private ExportWarnings() {}

  /** Warnings for an export's counts; none while it has no counts (not done). */
  static List<String> of(Map<String, Long> counts) {
    if (counts == null) {
      return List.of();
    }
    List<String> warnings = new ArrayList<>();
    long records = counts.getOrDefault(ExportRunner.RECORDS, 0L);
    long withoutSignal = counts.getOrDefault(PairsWithSignal.WITHOUT_SIGNAL, 0L);
    long duplicates = counts.getOrDefault(PairsWithSignal.DUPLICATES, 0L);
    long dropped = withoutSignal + duplicates;
    if (2 * dropped > dropped + records) {
      warnings.add(
          "Most pairs were dropped: %d of %d (%d whose chosen and rejected responses this format writes identically, %d duplicate records). Responses with the same text differ only in audio: choose a format that writes the responses' audio (trl_standard, trl_conversational, openrlhf), or keepPairsWithoutSignal."
              .formatted(dropped, dropped + records, withoutSignal, duplicates));
    } else if (records == 0) {
      warnings.add(
          "No records were written: the filters (dataset, systems, dimension, sources, campaign,"
              + " since/until) or the selection steps left nothing; the counts say which step.");
    }
    return List.copyOf(warnings);
  }
}
