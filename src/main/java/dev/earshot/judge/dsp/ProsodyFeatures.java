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
 * @param finalSlopeSemitonesPerSecond robust slope of the last 250 ms of voiced speech, {@code
 *     null} if too little
 * @param intonation class of the final slope
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
    Intonation intonation,
    double speakingRateSyllablesPerSecond,
    Pauses pauses,
    IntensityContour intensityContour,
    List<PitchFrame> pitchTrack) {

  public ProsodyFeatures {
    pitchTrack = List.copyOf(pitchTrack);
  }
}
