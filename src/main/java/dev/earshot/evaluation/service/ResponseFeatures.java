package dev.earshot.evaluation.service;

import dev.earshot.audio.decode.MonoAudio;
import dev.earshot.audio.service.AudioService;
import dev.earshot.judge.dsp.ProsodyAnalyzer;
import dev.earshot.judge.dsp.ProsodyFeatures;
import dev.earshot.judge.dsp.QualityAnalyzer;
import dev.earshot.judge.dsp.QualityFeatures;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signal features of stored audio, computed once per file and kept in a small LRU cache: every
 * signal judge of a run looks at the same response, and decoding plus analysis is the costly part.
 */
@ApplicationScoped
public class ResponseFeatures {

  private static final int CAPACITY = 512;

  /** Prosody and quality of one audio file. */
  public record Features(ProsodyFeatures prosody, QualityFeatures quality) {}

  private final AudioService audio;
  private final Map<String, Features> cache =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Features> eldest) {
              return size() > CAPACITY;
            }
          });

  public ResponseFeatures(AudioService audio) {
    this.audio = audio;
  }

  public Features of(String audioSha256) {
    Features known = cache.get(audioSha256);
    if (known != null) {
      return known;
    }
    Features computed = analyse(audio.decodeForAnalysis(audioSha256));
    cache.put(audioSha256, computed);
    return computed;
  }

  /** Prosody and quality of decoded audio, uncached. */
  public static Features analyse(MonoAudio clip) {
    return new Features(
        ProsodyAnalyzer.analyze(clip.samples(), clip.sampleRate()),
        QualityAnalyzer.analyze(clip.samples(), clip.sampleRate()));
  }
}
