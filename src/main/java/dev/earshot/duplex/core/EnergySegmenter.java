package dev.earshot.duplex.core;

import dev.earshot.judge.dsp.IntensityContour;
import java.util.ArrayList;
import java.util.List;

/**
 * Sound by level, in 10 ms frames: a frame sounds when its level is at most {@value #BELOW_LOUD_DB}
 * dB below the channel's loud reference (the 99.9th percentile of frame levels, robust to a few
 * clicks yet found even when the channel speaks only briefly) and at least {@value
 * #ABSOLUTE_FLOOR_DBFS} dBFS. On its own it is the fallback segmenter when no voice activity model
 * is available: it cannot tell speech from other sound (noise, music, the other channel's echo).
 * With a model, it places the model's coarse segment edges at frame resolution.
 */
public final class EnergySegmenter {

  static final double FRAME_SECONDS = 0.01;
  static final double BELOW_LOUD_DB = 30;
  static final double ABSOLUTE_FLOOR_DBFS = -70;
  private static final double LOUD_QUANTILE = 0.999;

  private final boolean[] sounding;
  private final int frameSamples;
  private final int sampleRate;

  private EnergySegmenter(float[] samples, int sampleRate) {
    IntensityContour levels = IntensityContour.framed(samples, sampleRate, FRAME_SECONDS);
    double threshold =
        Math.max(levels.quantile(LOUD_QUANTILE) - BELOW_LOUD_DB, ABSOLUTE_FLOOR_DBFS);
    this.frameSamples = Math.max(1, (int) Math.round(FRAME_SECONDS * sampleRate));
    this.sampleRate = sampleRate;
    this.sounding = new boolean[levels.size()];
    for (int frame = 0; frame < sounding.length; frame++) {
      sounding[frame] = levels.decibels()[frame] >= threshold;
    }
  }

  /** Runs of sounding frames of one channel, unmerged; each run spans its frames' edges. */
  public static List<Segment> segments(float[] samples, int sampleRate) {
    EnergySegmenter frames = new EnergySegmenter(samples, sampleRate);
    List<Segment> segments = new ArrayList<>();
    int runStart = -1;
    for (int frame = 0; frame <= frames.sounding.length; frame++) {
      boolean sound = frame < frames.sounding.length && frames.sounding[frame];
      if (sound && runStart < 0) {
        runStart = frame;
      } else if (!sound && runStart >= 0) {
        segments.add(new Segment(frames.time(runStart), frames.time(frame)));
        runStart = -1;
      }
    }
    return segments;
  }

  /**
   * Coarse segments (a voice activity model's: quantised to its windows, a soft onset found late,
   * the end late by the model's hangover) with their edges placed at frame resolution. Each edge
   * moves inward past silent frames to the segment's first (last) sounding frame, or, when it lies
   * in sound, outward while the sound goes on, by at most {@code reachSeconds}. A segment with no
   * sounding frame stays as it was.
   */
  public static List<Segment> refineEdges(
      List<Segment> coarse, float[] samples, int sampleRate, double reachSeconds) {
    EnergySegmenter frames = new EnergySegmenter(samples, sampleRate);
    return coarse.stream().map(segment -> frames.refine(segment, reachSeconds)).toList();
  }

  /** Start of {@code frame} in seconds, exact for whole milliseconds. */
  private double time(int frame) {
    return (long) frame * frameSamples / (double) sampleRate;
  }

  private Segment refine(Segment segment, double reach) {
    int reachFrames = (int) Math.round(reach * sampleRate / frameSamples);
    int first =
        Math.min(sounding.length, (int) Math.round(segment.start() * sampleRate / frameSamples));
    int end =
        Math.min(sounding.length, (int) Math.round(segment.end() * sampleRate / frameSamples));
    while (first < end && !sounding[first]) {
      first++;
    }
    if (first == end) {
      return segment;
    }
    int last = end - 1;
    while (!sounding[last]) {
      last--;
    }
    int earliest = Math.max(0, first - reachFrames);
    while (first > earliest && sounding[first - 1]) {
      first--;
    }
    int latest = Math.min(sounding.length - 1, last + reachFrames);
    while (last < latest && sounding[last + 1]) {
      last++;
    }
    return new Segment(time(first), time(last + 1));
  }
}
