package dev.earshot.judge.dsp.paired;

import dev.earshot.audio.decode.DecodedAudio;
import dev.earshot.audio.decode.MonoAudio;
import dev.earshot.audio.decode.NativeAudio;
import dev.earshot.judge.dsp.LoudnessMeter;
import dev.earshot.judge.dsp.QualityAnalyzer;

/**
 * What a codec's resynthesis kept of its original. The mono 16 kHz analysis copies are aligned by
 * cross-correlation ({@link SignalAlignment}, lags up to {@value #MAX_LAG_SECONDS} s either way,
 * and never so far that less than {@value #MIN_SECONDS} s overlap) and every paired metric is taken
 * on the overlap; loudness and bandwidth are each file's own, measured on its original channels at
 * its own rate like {@code POST /api/analysis/prosody} does.
 *
 * @param alignmentLagSeconds how much later the resynthesis starts than the original (negative:
 *     earlier)
 * @param spectral log-spectral distance and mel-cepstral distortion
 * @param siSdrDb scale-invariant SDR, clamped to ±100 dB
 * @param stoi STOI; {@code null} with less than 30 frames (384 ms) of speech in the original
 * @param pitch F0 error and correlation, voicing error, intonation class
 * @param loudnessDifferenceLu integrated loudness of the resynthesis minus that of the original;
 *     {@code null} when either is silent (below the −70 LUFS gate)
 * @param bandwidthOriginalHz effective band edge of the original
 * @param bandwidthResynthesisedHz effective band edge of the resynthesis
 */
public record ResynthesisMetrics(
    double alignmentLagSeconds,
    SpectralDistances spectral,
    double siSdrDb,
    Double stoi,
    PitchAgreement pitch,
    Double loudnessDifferenceLu,
    Double bandwidthOriginalHz,
    Double bandwidthResynthesisedHz) {

  /** Shortest signal, either of them, that can be compared. */
  public static final double MIN_SECONDS = 0.5;

  /** Largest delay, either way, that alignment looks for. */
  static final double MAX_LAG_SECONDS = 1.0;

  /**
   * Compares {@code resynthesised} with {@code original}.
   *
   * @throws IllegalArgumentException when either lasts less than {@value #MIN_SECONDS} s or their
   *     analysis copies differ in sample rate
   */
  public static ResynthesisMetrics compare(DecodedAudio original, DecodedAudio resynthesised) {
    MonoAudio a = original.analysis();
    MonoAudio b = resynthesised.analysis();
    if (a.sampleRate() != b.sampleRate()) {
      throw new IllegalArgumentException("analysis copies must share one sample rate");
    }
    int rate = a.sampleRate();
    int minSamples = (int) Math.ceil(MIN_SECONDS * rate);
    if (a.samples().length < minSamples || b.samples().length < minSamples) {
      throw new IllegalArgumentException(
          "both signals must last at least " + MIN_SECONDS + " s to be compared");
    }
    int maxLag =
        Math.min(
            (int) Math.round(MAX_LAG_SECONDS * rate),
            Math.min(a.samples().length, b.samples().length) - minSamples);
    SignalAlignment aligned = SignalAlignment.align(a.samples(), b.samples(), rate, maxLag);
    return new ResynthesisMetrics(
        aligned.lagSamples() / (double) rate,
        SpectralDistances.measure(aligned.original(), aligned.resynthesised(), rate),
        ScaleInvariantSdr.measure(aligned.original(), aligned.resynthesised()),
        Stoi.measure(aligned.original(), aligned.resynthesised(), rate),
        PitchAgreement.measure(aligned.original(), aligned.resynthesised(), rate),
        loudnessDifference(original.original(), resynthesised.original()),
        bandwidth(original.original()),
        bandwidth(resynthesised.original()));
  }

  private static Double loudnessDifference(NativeAudio original, NativeAudio resynthesised) {
    Double before = LoudnessMeter.integratedLoudness(original.channels(), original.sampleRate());
    Double after =
        LoudnessMeter.integratedLoudness(resynthesised.channels(), resynthesised.sampleRate());
    return before == null || after == null ? null : after - before;
  }

  private static Double bandwidth(NativeAudio audio) {
    return QualityAnalyzer.bandwidthHz(audio.channels(), audio.sampleRate());
  }
}
