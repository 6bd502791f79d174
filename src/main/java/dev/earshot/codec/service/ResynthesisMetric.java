package dev.earshot.codec.service;

import dev.earshot.codec.repository.ResynthesisMetricsRepository.Item;
import dev.earshot.codec.service.CodecViews.MetricInfo;
import java.util.function.Function;

/** The per-item metrics a codec leaderboard aggregates, with how to read each off an item. */
enum ResynthesisMetric {
  SI_SDR("siSdrDb", "SI-SDR", "dB", "higher", item -> item.siSdrDb()),
  STOI("stoi", "STOI", "", "higher", Item::stoi),
  LSD("lsdDb", "Log-spectral distance", "dB", "lower", item -> item.lsdDb()),
  MCD("mcdDb", "Mel-cepstral distortion", "dB", "lower", item -> item.mcdDb()),
  F0_RMSE("f0RmseCents", "F0 RMSE", "cents", "lower", Item::f0RmseCents),
  F0_CORRELATION("f0Correlation", "F0 correlation", "", "higher", Item::f0Correlation),
  VOICING_ERROR("voicingErrorRate", "Voicing error", "", "lower", item -> item.voicingErrorRate()),
  INTONATION_KEPT(
      "intonationKept",
      "Intonation kept",
      "share",
      "higher",
      item -> item.intonationKept() ? 1.0 : 0.0),
  LOUDNESS_DIFFERENCE(
      "loudnessDifferenceLu", "Loudness difference", "LU", "zero", Item::loudnessDifferenceLu),
  BANDWIDTH(
      "bandwidthResynthesisedHz", "Bandwidth kept", "Hz", "higher", Item::bandwidthResynthesisedHz);

  private final MetricInfo info;
  private final Function<Item, Double> value;

  ResynthesisMetric(
      String key, String label, String unit, String better, Function<Item, Double> value) {
    this.info = new MetricInfo(key, label, unit, better);
    this.value = value;
  }

  MetricInfo info() {
    return info;
  }

  /** The item's value, or null where the metric is undefined for it. */
  Double of(Item item) {
    return value.apply(item);
  }
}
