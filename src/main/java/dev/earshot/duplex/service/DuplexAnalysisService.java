package dev.earshot.duplex.service;

import dev.earshot.audio.decode.AudioDecoder;
import dev.earshot.audio.decode.AudioRejectedException;
import dev.earshot.audio.decode.NativeAudio;
import dev.earshot.audio.decode.Resampler;
import dev.earshot.audio.service.AudioInfoView;
import dev.earshot.audio.service.AudioService;
import dev.earshot.duplex.core.DuplexTiming;
import dev.earshot.duplex.core.EnergySegmenter;
import dev.earshot.duplex.core.Segment;
import dev.earshot.duplex.core.SegmentRules;
import dev.earshot.judge.onnx.SileroVad;
import dev.earshot.judge.onnx.VadSettings;
import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.platform.error.DomainException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Full-duplex timing of a two-channel recording: speech segments per channel (Silero VAD when its
 * model file is in the judges folder, else the energy fallback), then {@link DuplexTiming}. Nothing
 * is stored.
 */
@ApplicationScoped
public class DuplexAnalysisService {

  /** The VAD model, relative to the judges folder (the speech-activity judge's file). */
  static final String VAD_MODEL = "models/silero_vad_v5.onnx";

  /**
   * The model's raw decisions (no minimum speech or silence, no padding): {@link SegmentRules}
   * merges and filters both segmenters' output alike.
   */
  private static final VadSettings RAW_VAD = new VadSettings(0.5, 0.35, 0, 0, 0);

  /**
   * How far the level may move a VAD edge outward: Silero finds a soft onset up to a few windows
   * late; trimming silence inward has no limit.
   */
  private static final double EDGE_REACH_SECONDS = 0.25;

  private static final Logger LOG = Logger.getLogger(DuplexAnalysisService.class);

  private final AudioService audio;
  private final Optional<SileroVad> vad;

  public DuplexAnalysisService(AudioService audio, EarshotConfig config) {
    this.audio = audio;
    Path model = config.judges().dir().resolve(VAD_MODEL);
    if (Files.isRegularFile(model)) {
      this.vad = Optional.of(SileroVad.load(model));
    } else {
      LOG.infof("No VAD model at %s: duplex timing uses the energy fallback", model);
      this.vad = Optional.empty();
    }
  }

  /**
   * Measures an uploaded WAV or FLAC dialogue: channel 1 the user, channel 2 the model.
   *
   * @throws AudioRejectedException when the body is not acceptable audio
   * @throws DomainException (invalid value) when it does not have exactly two channels
   */
  public DuplexReport analyze(InputStream body) throws AudioRejectedException {
    NativeAudio recording = audio.decode(body).original();
    if (recording.channelCount() != 2) {
      throw DomainException.invalid(
          "Not a two-channel recording",
          "Duplex timing needs exactly 2 channels (1: the user, 2: the model); this recording has "
              + recording.channelCount());
    }
    return measure(recording, vad);
  }

  /**
   * Measures a decoded two-channel recording, segmenting with {@code vad} when present and by level
   * otherwise. Public for {@code bench/}'s DuplexBenchmark, which times exactly this.
   */
  public static DuplexReport measure(NativeAudio recording, Optional<SileroVad> vad) {
    return DuplexReport.of(
        vad.isPresent()
            ? DuplexReport.Segmenter.SILERO_VAD
            : DuplexReport.Segmenter.ENERGY_FALLBACK,
        timing(recording, vad));
  }

  /**
   * The timeline of a stored response that is a two-channel dialogue, segmented as the endpoint
   * does; empty for any other audio.
   */
  public Optional<DuplexTimeline> timeline(String audioSha256) {
    // The stored channel count spares decoding every one-channel response.
    if (audio.find(audioSha256).map(AudioInfoView::channels).orElse(0) != 2) {
      return Optional.empty();
    }
    return Optional.of(DuplexTimeline.of(measure(audio.decode(audioSha256).original(), vad)));
  }

  /** The timing of a decoded two-channel recording, segmented as {@link #measure} does. */
  static DuplexTiming timing(NativeAudio recording, Optional<SileroVad> vad) {
    List<Segment> user = segments(recording.channels()[0], recording.sampleRate(), vad);
    List<Segment> model = segments(recording.channels()[1], recording.sampleRate(), vad);
    return DuplexTiming.measure(user, model, recording.durationSeconds());
  }

  private static List<Segment> segments(float[] channel, int sampleRate, Optional<SileroVad> vad) {
    int rate = AudioDecoder.ANALYSIS_SAMPLE_RATE;
    float[] samples = Resampler.resample(channel, sampleRate, rate);
    List<Segment> raw =
        vad.map(
                model ->
                    EnergySegmenter.refineEdges(
                        vadSegments(model, samples), samples, rate, EDGE_REACH_SECONDS))
            .orElseGet(() -> EnergySegmenter.segments(samples, rate));
    return SegmentRules.DEFAULTS.apply(raw);
  }

  private static List<Segment> vadSegments(SileroVad model, float[] samples) {
    return model.detect(samples, RAW_VAD).segments().stream()
        .map(segment -> new Segment(segment.startSeconds(), segment.endSeconds()))
        .toList();
  }

  @PreDestroy
  void close() {
    vad.ifPresent(SileroVad::close);
  }
}
