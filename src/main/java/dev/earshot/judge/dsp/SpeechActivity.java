package dev.earshot.judge.dsp;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the sound is and where the silences are, from 10 ms rectangular frames. A frame is silent
 * when its level is more than {@value #SILENCE_BELOW_LOUD_DB} dB below the 99th percentile of all
 * frame levels (the de Jong &amp; Wempe reference, robust to a few clicks) or below {@value
 * #ABSOLUTE_SILENCE_DBFS} dBFS whatever the reference. Silent runs between the first and last
 * sounding frame that last at least {@value #MIN_PAUSE_SECONDS} s are pauses; shorter ones are stop
 * closures and the like.
 *
 * @param durationSeconds length of the signal
 * @param speechStartSeconds start of the first sounding frame (the signal's length when nothing
 *     sounds)
 * @param speechEndSeconds end of the last sounding frame (the signal's length when nothing sounds)
 * @param pauseIntervals internal pauses as {start, end} pairs in seconds, in time order
 */
record SpeechActivity(
    double durationSeconds,
    double speechStartSeconds,
    double speechEndSeconds,
    List<double[]> pauseIntervals) {

  static final double FRAME_SECONDS = 0.01;
  static final double SILENCE_BELOW_LOUD_DB = 30;
  static final double ABSOLUTE_SILENCE_DBFS = -70;
  static final double MIN_PAUSE_SECONDS = 0.2;

  static SpeechActivity detect(float[] samples, int sampleRate) {
    double duration = samples.length / (double) sampleRate;
    IntensityContour levels = IntensityContour.framed(samples, sampleRate, FRAME_SECONDS);
    double threshold =
        Math.max(levels.quantile(0.99) - SILENCE_BELOW_LOUD_DB, ABSOLUTE_SILENCE_DBFS);
    double step = levels.stepSeconds();
    int first = -1;
    int last = -1;
    List<double[]> pauses = new ArrayList<>();
    int silentRunStart = -1;
    for (int frame = 0; frame < levels.size(); frame++) {
      boolean sounding = levels.decibels()[frame] >= threshold;
      if (!sounding) {
        if (silentRunStart < 0) {
          silentRunStart = frame;
        }
        continue;
      }
      if (first < 0) {
        first = frame;
      } else if (silentRunStart >= 0
          && (frame - silentRunStart) * step >= MIN_PAUSE_SECONDS - 1e-9) {
        pauses.add(new double[] {silentRunStart * step, frame * step});
      }
      silentRunStart = -1;
      last = frame;
    }
    if (first < 0) {
      return new SpeechActivity(duration, duration, duration, List.of());
    }
    return new SpeechActivity(duration, first * step, (last + 1) * step, List.copyOf(pauses));
  }

  double leadingSilenceSeconds() {
    return speechStartSeconds;
  }

  double trailingSilenceSeconds() {
    return durationSeconds - speechEndSeconds;
  }

  double speechSpanSeconds() {
    return speechEndSeconds - speechStartSeconds;
  }

  Pauses pauses() {
    double total = 0;
    double longest = 0;
    for (double[] pause : pauseIntervals) {
      double length = pause[1] - pause[0];
      total += length;
      longest = Math.max(longest, length);
    }
    return new Pauses(pauseIntervals.size(), total, longest);
  }
}
