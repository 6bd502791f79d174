package dev.earshot.judge.dsp;

/**
 * Technical quality of one recording, produced by {@link QualityAnalyzer}. Levels, clipping, DC
 * offset and bandwidth are measured on the original samples at the file's own rate, every channel;
 * SNR and silences on the mono 16 kHz analysis copy. Level measures are {@code null} where
 * undefined (digital silence; loudness also for signals shorter than one 400 ms block).
 *
 * @param durationSeconds length of the signal
 * @param sampleRate the rate the levels were measured at (the file's own)
 * @param channels number of channels measured
 * @param loudnessLufs integrated loudness per ITU-R BS.1770-4, channel powers summed
 * @param rmsDbfs 20·log10(RMS) over all samples of all channels: a full-scale sine reads −3.01 dBFS
 * @param peakDbfs largest sample magnitude of any channel, dBFS
 * @param truePeakDbtp largest magnitude of any channel oversampled 4× (BS.1770-4 Annex 2), dBTP
 * @param snrDb blind WADA-SNR estimate, −20..100 dB
 * @param clippingRatio fraction of all samples (all channels) inside clipped plateaus (see {@link
 *     QualityAnalyzer})
 * @param dcOffset mean sample value of the channel whose mean is furthest from 0
 * @param bandwidthHz effective upper band edge: the highest frequency whose long-term spectrum
 *     level is within 50 dB of the spectrum's peak (see {@link QualityAnalyzer})
 * @param leadingSilenceSeconds silence before the first sound
 * @param trailingSilenceSeconds silence after the last sound
 * @param internalSilenceSeconds pauses of 200 ms or more between them, summed
 * @param longestInternalSilenceSeconds the longest of those pauses, 0 if none
 */
public record QualityFeatures(
    double durationSeconds,
    int sampleRate,
    int channels,
    Double loudnessLufs,
    Double rmsDbfs,
    Double peakDbfs,
    Double truePeakDbtp,
    Double snrDb,
    double clippingRatio,
    double dcOffset,
    Double bandwidthHz,
    double leadingSilenceSeconds,
    double trailingSilenceSeconds,
    double internalSilenceSeconds,
    double longestInternalSilenceSeconds) {}
