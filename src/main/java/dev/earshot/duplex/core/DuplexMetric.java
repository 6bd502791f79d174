package dev.earshot.duplex.core;

/**
 * The per-dialogue measurements a turn-taking judge stores in its score's details, by the key they
 * are stored under; aggregated per system over a dataset's dialogues.
 */
public enum DuplexMetric {
  MEDIAN_LATENCY("medianLatencySeconds", "median of the dialogue's turn latencies (s)"),
  P90_LATENCY("p90LatencySeconds", "90th percentile of the dialogue's turn latencies (s)"),
  OVERLAP("overlapSeconds", "seconds both channels speak at once"),
  INTERRUPTIONS("interruptions", "model interruptions of the user"),
  BACKCHANNELS("backchannels", "model backchannels"),
  BARGE_INS("bargeIns", "user onsets during model speech"),
  YIELDED_WITHIN_1S("yieldedWithin1s", "share of barge-ins the model yielded to within 1 s"),
  MEAN_YIELD("meanYieldSeconds", "mean seconds from a barge-in to the model's stop");

  private final String key;
  private final String description;

  DuplexMetric(String key, String description) {
    this.key = key;
    this.description = description;
  }

  /** The name in the judge's details and in the API. */
  public String key() {
    return key;
  }

  public String description() {
    return description;
  }
}
