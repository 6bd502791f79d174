package dev.earshot.judge.dsp;

/**
 * Technical quality of one recording, produced by {@link QualityAnalyzer}. Level measures are
 * {@code null} where undefined (digital silence; loudness also for signals shorter than one 400 ms
 * block).
 *
 * @param durationSeconds length of the signal
 * @param loudnessLufs integrated loudness per ITU-R BS.1770-4
 * @param rmsDbfs 20·log10(RMS): a full-scale sine reads −3.01 dBFS
 * @param snrDb blind WADA-SNR estimate, −20..100 dB
 * @param clippingRatio fraction of samples inside clipped plateaus (see {@link QualityAnalyzer})
 * @param dcOffset mean sample value
 * @param bandwidthHz frequency below which 99 % of the (DC-free) spectral energy lies
 * @param leadingSilenceSeconds silence before the first sound
 * @param trailingSilenceSeconds silence after the last sound
 * @param internalSilenceSeconds pauses of 200 ms or more between them, summed
 */
public record QualityFeatures(
    double durationSeconds,
    Double loudnessLufs,
    Double rmsDbfs,
    Double snrDb,
    double clippingRatio,
    double dcOffset,
    Double bandwidthHz,
    double leadingSilenceSeconds,
    double trailingSilenceSeconds,
    double internalSilenceSeconds) {}
