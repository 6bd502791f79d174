package dev.earshot.feature.service;

import dev.earshot.audio.decode.DecodedAudio;
import dev.earshot.audio.decode.MonoAudio;
import dev.earshot.audio.decode.NativeAudio;
import dev.earshot.audio.service.AudioService;
import dev.earshot.dataset.manifest.PromptExpectations;
import dev.earshot.judge.dsp.ProsodyAnalyzer;
import dev.earshot.judge.dsp.ProsodyFeatures;
import dev.earshot.judge.dsp.QualityAnalyzer;
import dev.earshot.judge.dsp.QualityFeatures;
import dev.earshot.judge.scoring.JudgeInput;
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

  /**
   * What a judge sees of one stored response: the prompt's expectations and reference, the text
   * channel, and the measured audio. Evaluation jobs and reward-model training build it alike, so a
   * trained reward model sees at scoring time what it learnt from.
   */
  public JudgeInput judgeInput(
      PromptExpectations expectations, String reference, String text, String audioSha256) {
    Features analysed = of(audioSha256);
    return new JudgeInput(expectations, reference, text, analysed.prosody(), analysed.quality());
  }

  public Features of(String audioSha256) {
    Features known = cache.get(audioSha256);
    if (known != null) {
      return known;
    }
    Features computed = analyse(audio.decode(audioSha256));
    cache.put(audioSha256, computed);
    return computed;
  }

  /**
   * Prosody and quality of decoded audio, uncached: prosody and silences from the 16 kHz analysis
   * copy, levels, clipping, loudness and bandwidth from the original samples.
   */
  public static Features analyse(DecodedAudio clip) {
    MonoAudio analysis = clip.analysis();
    NativeAudio original = clip.original();
    return new Features(
        ProsodyAnalyzer.analyze(analysis.samples(), analysis.sampleRate()),
        QualityAnalyzer.analyze(
            original.channels(), original.sampleRate(), analysis.samples(), analysis.sampleRate()));
  }
}
