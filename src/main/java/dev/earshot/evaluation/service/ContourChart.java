package dev.earshot.evaluation.service;

import dev.earshot.judge.dsp.IntensityContour;
import dev.earshot.judge.dsp.PitchFrame;
import dev.earshot.judge.dsp.ProsodyFeatures;
import java.util.ArrayList;
import java.util.List;

/**
 * Chart data of a response's pitch contour and intensity, computed on the server so that the
 * browser only draws: points are {@code [seconds, value]}, with {@code null} values where a frame
 * is unvoiced (a gap in the line) and intensities clamped to a readable floor.
 */
public record ContourChart(
    double durationSeconds, double maxHz, List<Double[]> pitch, List<Double[]> intensity) {

  static final double INTENSITY_FLOOR_DB = -80;

  public static ContourChart of(ProsodyFeatures prosody) {
    List<Double[]> pitch = new ArrayList<>(prosody.pitchTrack().size());
    double highest = 0;
    for (PitchFrame frame : prosody.pitchTrack()) {
      pitch.add(new Double[] {frame.timeSeconds(), frame.f0Hz()});
      if (frame.f0Hz() != null) {
        highest = Math.max(highest, frame.f0Hz());
      }
    }
    IntensityContour contour = prosody.intensityContour();
    List<Double[]> intensity = new ArrayList<>(contour.size());
    for (int i = 0; i < contour.size(); i++) {
      intensity.add(
          new Double[] {contour.timeAt(i), Math.max(INTENSITY_FLOOR_DB, contour.decibels()[i])});
    }
    // Round the axis up to the next 50 Hz above the highest voiced frame (at least 300 Hz).
    double maxHz = Math.max(300, Math.ceil((highest + 1) / 50) * 50);
    return new ContourChart(prosody.durationSeconds(), maxHz, pitch, intensity);
  }
}
