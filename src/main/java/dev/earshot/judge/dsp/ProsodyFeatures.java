package dev.earshot.judge.dsp;

import java.util.List;

/**
 * Prosodic description of one utterance, produced by {@link ProsodyAnalyzer}. F0 statistics and the
 * final slope are over the voiced frames of voiced runs at least 30 ms long (isolated voiced blips
 * left out), and are {@code null} when there are none (the standard deviation also when there is
 * only one).
 *
 * @param durationSeconds length of the signal
 * @param voicedFraction voiced pitch frames / all pitch frames (blips included, as Praat counts)
 * @param f0MeanHz mean F0
 * @param f0MedianHz median F0
 * @param f0MinHz lowest F0
 * @param f0MaxHz highest F0
 * @param f0SdHz sample standard deviation of F0
 * @param finalSlopeSemitonesPerSecond robust slope of the last 250 ms of voiced speech (on the
 *     band-limited track of {@link FinalIntonation}), {@code null} if too little
 * @param finalRiseSemitones the intonation decision value of {@link FinalIntonation}: final F0
 *     against the utterance's median F0, averaged with the final slope over 100 ms, or a rise in
 *     the last word if larger; {@code null} if too little voicing at the end
 * @param intonation rising / falling / level by {@code finalRiseSemitones}
 * @param intonationConfidence 0..1, how surely the class holds (see {@link FinalIntonation})
 * @param speakingRateSyllablesPerSecond syllable nuclei per second of speech (first to last
 *     sounding frame)
 * @param pauses silent intervals inside the speech
 * @param intensityContour Praat-style intensity contour, 10 ms hop
 * @param pitchTrack the F0 contour the statistics come from
 */
public record ProsodyFeatures(
    double durationSeconds,
    double voicedFraction,
    Double f0MeanHz,
    Double f0MedianHz,
    Double f0MinHz,
    Double f0MaxHz,
    Double f0SdHz,
    Double finalSlopeSemitonesPerSecond,
    Double finalRiseSemitones,
    Intonation intonation,
    double intonationConfidence,
    double speakingRateSyllablesPerSecond,
    Pauses pauses,
    IntensityContour intensityContour,
    List<PitchFrame> pitchTrack) {

  public ProsodyFeatures {
    pitchTrack = List.copyOf(pitchTrack);
  }
}
