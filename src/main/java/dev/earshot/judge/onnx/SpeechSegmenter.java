package dev.earshot.judge.onnx;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns per-window speech probabilities into segments the way Silero's {@code
 * get_speech_timestamps} does (hysteresis between the two thresholds, minimum silence before a
 * segment ends, minimum speech length, then padding), without its maximum-segment split, which is
 * off by default there too.
 */
final class SpeechSegmenter {

  private SpeechSegmenter() {}

  /**
   * @param probabilities speech probability of each window, window {@code i} starting at sample
   *     {@code i * windowSamples}
   * @param totalSamples the recording's length in samples
   */
  static List<SpeechSegment> segments(
      float[] probabilities,
      int windowSamples,
      int totalSamples,
      int sampleRate,
      VadSettings settings) {
    long minSpeech = samples(settings.minSpeechMs(), sampleRate);
    long minSilence = samples(settings.minSilenceMs(), sampleRate);
    long pad = samples(settings.speechPadMs(), sampleRate);

    List<long[]> speeches = new ArrayList<>();
    boolean triggered = false;
    long start = 0;
    long silenceStart = -1;
    for (int i = 0; i < probabilities.length; i++) {
      long position = (long) i * windowSamples;
      double probability = probabilities[i];
      if (probability >= settings.threshold()) {
        silenceStart = -1;
        if (!triggered) {
          triggered = true;
          start = position;
        }
      } else if (triggered && probability < settings.negThreshold()) {
        if (silenceStart < 0) {
          silenceStart = position;
        }
        if (position - silenceStart >= minSilence) {
          if (silenceStart - start > minSpeech) {
            speeches.add(new long[] {start, silenceStart});
          }
          triggered = false;
          silenceStart = -1;
        }
      }
    }
    if (triggered && totalSamples - start > minSpeech) {
      speeches.add(new long[] {start, totalSamples});
    }
    return padded(speeches, pad, totalSamples, sampleRate);
  }

  private static List<SpeechSegment> padded(
      List<long[]> speeches, long pad, long totalSamples, int sampleRate) {
    for (int i = 0; i < speeches.size(); i++) {
      long[] speech = speeches.get(i);
      if (i == 0) {
        speech[0] = Math.max(0, speech[0] - pad);
      }
      if (i < speeches.size() - 1) {
        long[] next = speeches.get(i + 1);
        long silence = next[0] - speech[1];
        if (silence < 2 * pad) {
          speech[1] += silence / 2;
          next[0] = Math.max(0, next[0] - silence / 2);
        } else {
          speech[1] = Math.min(totalSamples, speech[1] + pad);
          next[0] = Math.max(0, next[0] - pad);
        }
      } else {
        speech[1] = Math.min(totalSamples, speech[1] + pad);
      }
    }
    List<SpeechSegment> segments = new ArrayList<>(speeches.size());
    for (long[] speech : speeches) {
      segments.add(
          new SpeechSegment(speech[0] / (double) sampleRate, speech[1] / (double) sampleRate));
    }
    return segments;
  }

  private static long samples(int millis, int sampleRate) {
    return (long) millis * sampleRate / 1000;
  }
}
