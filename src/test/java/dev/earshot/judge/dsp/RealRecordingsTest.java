package dev.earshot.judge.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.audio.decode.AudioDecoder;
import dev.earshot.audio.decode.AudioFormat;
import dev.earshot.audio.decode.AudioInfo;
import dev.earshot.audio.decode.AudioLimits;
import dev.earshot.audio.decode.DecodedAudio;
import dev.earshot.audio.decode.MonoAudio;
import dev.earshot.dataset.manifest.PromptExpectations;
import dev.earshot.judge.onnx.ModelJudge;
import dev.earshot.judge.onnx.ModelJudges;
import dev.earshot.judge.onnx.SileroVad;
import dev.earshot.judge.onnx.SpeechSegment;
import dev.earshot.judge.onnx.VadResult;
import dev.earshot.judge.scoring.AudioQualityJudge;
import dev.earshot.judge.scoring.BuiltInJudges;
import dev.earshot.judge.scoring.DimensionScore;
import dev.earshot.judge.scoring.Judge;
import dev.earshot.judge.scoring.JudgeCatalog;
import dev.earshot.judge.scoring.JudgeDefinition;
import dev.earshot.judge.scoring.JudgeInput;
import dev.earshot.testing.RealRecordings;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real microphones and real sounds instead of espeak-ng and synthesised signals: the recordings of
 * {@link RealRecordings} (alsa-utils' speaker-test voice prompts, sound-theme-freedesktop's
 * sounds), run through the decoder, pitch tracker, prosody and quality analysis, Silero VAD and the
 * shipped {@code audio-quality} and {@code speech-activity} judges exactly as the service runs them
 * (mono 16 kHz analysis copy). What is asserted was checked against the recordings independently of
 * the code under test: spectrograms (sox), an autocorrelation F0 estimate and FFT peaks (numpy).
 * The measured values are listed in README.md, "Real recordings in the tests".
 */
class RealRecordingsTest {

  private static final Path JUDGES = Path.of("judges");

  /**
   * Low synthesiser melodies (fundamentals 145–220 Hz, harmonics up to ~3 kHz, no formants or
   * consonants): not speech, but Silero VAD's probability reaches 0.83 / 0.87 on their first notes
   * and it marks 0.73 s / 0.29 s as speech. A model limitation, kept visible here.
   */
  private static final List<String> VAD_TAKES_FOR_SPEECH =
      List.of("freedesktop/service-login.wav", "freedesktop/service-logout.wav");

  /** Steady broadband noise bursts (the speaker test's "noise" channel signal), not speech. */
  private static final List<String> NOISE =
      List.of("alsa/Noise.wav", "freedesktop/audio-test-signal.wav");

  private static final Map<String, Measured> MEASURED = new LinkedHashMap<>();

  private static SileroVad vad;
  private static ModelJudge speechActivity;

  /** What the service computes for one file. */
  private record Measured(
      AudioInfo info,
      MonoAudio analysis,
      ProsodyFeatures prosody,
      QualityFeatures quality,
      VadResult vad,
      DimensionScore qualityScore,
      DimensionScore speechActivityScore) {}

  @BeforeAll
  static void analyseEveryRecording() throws Exception {
    List<JudgeDefinition> definitions = JudgeCatalog.load(JUDGES);
    Judge quality = BuiltInJudges.create(definition(definitions, AudioQualityJudge.ID));
    speechActivity = ModelJudges.create(definition(definitions, "speech-activity"), JUDGES);
    vad = SileroVad.load(JUDGES.resolve("models/silero_vad_v5.onnx"));
    AudioDecoder decoder = new AudioDecoder(AudioLimits.DEFAULTS);
    for (String name : RealRecordings.all()) {
      byte[] bytes = RealRecordings.bytes(name);
      AudioInfo info = decoder.inspect(ByteBuffer.wrap(bytes));
      // As the service measures: levels on the original samples, the rest on the 16 kHz copy.
      DecodedAudio decoded = decoder.decode(ByteBuffer.wrap(bytes));
      MonoAudio clip = decoded.analysis();
      ProsodyFeatures prosody = ProsodyAnalyzer.analyze(clip.samples(), clip.sampleRate());
      QualityFeatures features =
          QualityAnalyzer.analyze(
              decoded.original().channels(),
              decoded.original().sampleRate(),
              clip.samples(),
              clip.sampleRate());
      JudgeInput input = new JudgeInput(PromptExpectations.none(), null, null, prosody, features);
      MEASURED.put(
          name,
          new Measured(
              info,
              clip,
              prosody,
              features,
              vad.detect(clip.samples()),
              quality.score(input).orElseThrow(),
              speechActivity.score(input, clip.samples()).orElseThrow()));
    }
  }

  @AfterAll
  static void closeModels() throws Exception {
    if (vad != null) {
      vad.close();
    }
    if (speechActivity != null) {
      speechActivity.close();
    }
  }

  private static JudgeDefinition definition(List<JudgeDefinition> definitions, String id) {
    return definitions.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
  }

  private static Measured measured(String name) {
    assertThat(MEASURED).as("prepared recordings").containsKey(name);
    return MEASURED.get(name);
  }

  @Test
  void shouldHaveEveryRecordingTheSetUpScriptPrepares() {
    // 9 speaker-test WAVs of alsa-utils 1.2.8 and the 27 non-alias sounds of
    // sound-theme-freedesktop 0.8.
    assertThat(MEASURED.keySet().stream().filter(n -> n.startsWith("alsa/"))).hasSize(9);
    assertThat(MEASURED.keySet().stream().filter(n -> n.startsWith("freedesktop/"))).hasSize(27);
    assertThat(MEASURED.keySet())
        .containsAll(RealRecordings.voicePrompts())
        .containsAll(VAD_TAKES_FOR_SPEECH)
        .containsAll(NOISE);
  }

  @Test
  void shouldDecodeEveryRecordingAtItsOwnRateAndLayout() {
    SoftAssertions softly = new SoftAssertions();
    MEASURED.forEach(
        (name, m) -> {
          softly.assertThat(m.info().format()).as(name).isEqualTo(AudioFormat.WAV);
          softly.assertThat(m.info().bitsPerSample()).as(name).isEqualTo(16);
          softly.assertThat(m.info().durationSeconds()).as(name).isBetween(0.05, 7.0);
          // The 16 kHz analysis copy keeps the duration (to one sample at the original rate).
          softly
              .assertThat(m.analysis().durationSeconds())
              .as(name)
              .isCloseTo(m.info().durationSeconds(), within(1.0 / 8000));
          float peak = 0;
          boolean finite = true;
          for (float s : m.analysis().samples()) {
            peak = Math.max(peak, Math.abs(s));
            finite &= Float.isFinite(s);
          }
          softly.assertThat(finite).as(name + ": finite samples").isTrue();
          // Peaks lie between -22 and -1 dBFS (sox stats); the resampler may overshoot slightly.
          softly.assertThat(peak).as(name + ": peak").isBetween(0.05f, 1.0f);
        });
    for (String name : RealRecordings.ALSA_VOICE_PROMPTS) {
      softly.assertThat(measured(name).info().sampleRate()).as(name).isEqualTo(48_000);
      softly.assertThat(measured(name).info().channels()).as(name).isEqualTo(1);
    }
    // The converted sounds keep their own rates and channel counts: 8 to 96 kHz, mono and stereo.
    softly.assertThat(layout("freedesktop/camera-shutter.wav")).isEqualTo("96000 Hz x 2");
    softly.assertThat(layout("freedesktop/bell.wav")).isEqualTo("44100 Hz x 2");
    softly.assertThat(layout("freedesktop/alarm-clock-elapsed.wav")).isEqualTo("48000 Hz x 2");
    softly.assertThat(layout("freedesktop/service-login.wav")).isEqualTo("22050 Hz x 2");
    softly.assertThat(layout("freedesktop/phone-outgoing-busy.wav")).isEqualTo("8000 Hz x 1");
    softly.assertAll();
  }

  private static String layout(String name) {
    AudioInfo info = measured(name).info();
    return info.sampleRate() + " Hz x " + info.channels();
  }

  @Test
  void shouldMeasureEveryRecordingWithinItsDefinedRanges() {
    SoftAssertions softly = new SoftAssertions();
    MEASURED.forEach(
        (name, m) -> {
          ProsodyFeatures p = m.prosody();
          softly.assertThat(p.voicedFraction()).as(name).isBetween(0.0, 1.0);
          // One pitch frame per 10 ms while a whole 40 ms window (three periods of 75 Hz) fits.
          softly
              .assertThat((double) p.pitchTrack().size())
              .as(name + ": pitch frames")
              .isCloseTo(Math.floor((p.durationSeconds() - 0.04) / 0.01) + 1, within(1.0));
          for (PitchFrame frame : p.pitchTrack()) {
            if (frame.voiced()) {
              softly.assertThat(frame.f0Hz()).as(name + " F0").isBetween(75.0, 500.0);
            }
          }
          QualityFeatures q = m.quality();
          // Every sound is audible, so every one has a finite loudness, clips shorter than one
          // 400 ms block (the bell: 0.14 s) measured as one block of their own length.
          softly.assertThat(q.loudnessLufs()).as(name + ": loudness").isBetween(-45.0, -3.0);
          softly.assertThat(q.clippingRatio()).as(name + ": clipping").isZero();
          softly.assertThat(Math.abs(q.dcOffset())).as(name + ": DC").isLessThan(0.01);
          for (DimensionScore score : List.of(m.qualityScore(), m.speechActivityScore())) {
            softly.assertThat(score.score()).as(name).isBetween(0.0, 1.0);
            softly.assertThat(score.reason()).as(name).isNotBlank();
          }
          softly.assertThat(m.vad().speechFraction()).as(name).isBetween(0.0, 1.0);
        });
    softly.assertAll();
  }

  @Test
  void shouldTrackAHumanPitchInTheVoicePrompts() {
    SoftAssertions softly = new SoftAssertions();
    double lowest = Double.MAX_VALUE;
    double highest = 0;
    for (String name : RealRecordings.voicePrompts()) {
      ProsodyFeatures p = measured(name).prosody();
      // Measured 173-207 Hz; an independent autocorrelation estimate gives 174-208 Hz.
      softly.assertThat(p.f0MedianHz()).as(name + ": median F0").isBetween(140.0, 260.0);
      // Measured 0.35-0.57: two words with unvoiced consonants and a pause between them.
      softly.assertThat(p.voicedFraction()).as(name + ": voiced").isGreaterThan(0.25);
      lowest = Math.min(lowest, p.f0MedianHz());
      highest = Math.max(highest, p.f0MedianHz());
    }
    // One speaker: the sixteen medians lie within 25 % of each other (measured 20 %).
    softly.assertThat(highest / lowest).as("spread of the medians").isLessThan(1.25);
    softly.assertAll();
  }

  @Test
  void shouldHearTheVoicePromptsAsStatements() {
    SoftAssertions softly = new SoftAssertions();
    for (String name : RealRecordings.voicePrompts()) {
      ProsodyFeatures p = measured(name).prosody();
      // Channel names read out as statements: final slopes -8.6 to -44 st/s, the threshold is -3.
      softly.assertThat(p.intonation()).as(name).isEqualTo(Intonation.FALLING);
    }
    softly.assertAll();
  }

  @Test
  void shouldFindSpeechWhereThePersonSpeaks() {
    SoftAssertions softly = new SoftAssertions();
    for (String name : RealRecordings.voicePrompts()) {
      Measured m = measured(name);
      // Measured 0.60-1.00 of each 1.3-1.5 s prompt.
      softly.assertThat(m.vad().speechFraction()).as(name + ": speech share").isGreaterThan(0.5);
      List<PitchFrame> voiced =
          m.prosody().pitchTrack().stream().filter(PitchFrame::voiced).toList();
      long covered =
          voiced.stream().filter(frame -> inSpeech(m.vad(), frame.timeSeconds())).count();
      softly
          .assertThat((double) covered)
          .as(name + ": voiced frames inside VAD speech")
          .isGreaterThanOrEqualTo(0.9 * voiced.size());
      // Two words without a long pause: the speech-activity judge is near 1 (measured 0.993).
      softly.assertThat(m.speechActivityScore().score()).as(name).isGreaterThan(0.9);
    }
    softly.assertAll();
  }

  private static boolean inSpeech(VadResult result, double timeSeconds) {
    for (SpeechSegment segment : result.segments()) {
      if (timeSeconds >= segment.startSeconds() && timeSeconds <= segment.endSeconds()) {
        return true;
      }
    }
    return false;
  }

  @Test
  void shouldFindNoSpeechInSoundsWithoutAVoice() {
    SoftAssertions softly = new SoftAssertions();
    for (String name : RealRecordings.nonSpeech()) {
      Measured m = measured(name);
      if (VAD_TAKES_FOR_SPEECH.contains(name)) {
        // Measured 0.34 and 0.16: less than any voice prompt (0.60 at least).
        softly.assertThat(m.vad().speechFraction()).as(name).isLessThan(0.5);
        continue;
      }
      // Bells, alarm clock, camera shutter, phone tones, noise, ...: highest window probability
      // 0.46 (device-added), no segment.
      softly.assertThat(m.vad().segments()).as(name).isEmpty();
      softly.assertThat(m.speechActivityScore().score()).as(name).isZero();
      softly.assertThat(m.speechActivityScore().reason()).as(name).endsWith("no speech detected");
    }
    softly.assertAll();
  }

  @Test
  void shouldMeasureTheLoudnessOfTheVoicePromptsLikeTheirLevel() {
    SoftAssertions softly = new SoftAssertions();
    for (String name : RealRecordings.voicePrompts()) {
      QualityFeatures q = measured(name).quality();
      // Measured -22.1 to -19.3 LUFS; sox stats gives RMS levels of -22.6 to -19.3 dBFS. For
      // broadband speech K-weighting and gating change the level by about 1 dB at most.
      softly.assertThat(q.loudnessLufs()).as(name).isBetween(-26.0, -16.0);
      softly
          .assertThat(q.loudnessLufs())
          .as(name + " against RMS")
          .isCloseTo(q.rmsDbfs(), within(2.0));
    }
    softly.assertAll();
  }

  @Test
  void shouldAgreeOnTheVorbisCopiesOfTheVoicePrompts() {
    SoftAssertions softly = new SoftAssertions();
    for (int i = 0; i < RealRecordings.ALSA_VOICE_PROMPTS.size(); i++) {
      Measured wav = measured(RealRecordings.ALSA_VOICE_PROMPTS.get(i));
      Measured vorbis = measured(RealRecordings.FREEDESKTOP_VOICE_PROMPTS.get(i));
      String pair = RealRecordings.FREEDESKTOP_VOICE_PROMPTS.get(i);
      // Lossy coding moves the median F0 by at most 1.5 %, the loudness by at most 0.5 LU and
      // the VAD's speech share by at most 0.13 (measured).
      softly
          .assertThat(vorbis.prosody().f0MedianHz())
          .as(pair + ": median F0")
          .isCloseTo(wav.prosody().f0MedianHz(), within(0.03 * wav.prosody().f0MedianHz()));
      softly
          .assertThat(vorbis.quality().loudnessLufs())
          .as(pair + ": loudness")
          .isCloseTo(wav.quality().loudnessLufs(), within(1.0));
      softly
          .assertThat(vorbis.vad().speechFraction())
          .as(pair + ": speech share")
          .isCloseTo(wav.vad().speechFraction(), within(0.2));
    }
    softly.assertAll();
  }

  @Test
  void shouldTrackTheFrequencyOfTonalSounds() {
    // European (CEPT) ringing and busy tones are 425 Hz; the FFT of both files peaks at 425 Hz.
    for (String name :
        List.of("freedesktop/phone-outgoing-calling.wav", "freedesktop/phone-outgoing-busy.wav")) {
      assertThat(measured(name).prosody().f0MedianHz()).as(name).isCloseTo(425.0, within(4.0));
    }
    // A harmonic tone: FFT peaks at 466, 932, 1398 and 1864 Hz.
    assertThat(measured("freedesktop/message-new-instant.wav").prosody().f0MedianHz())
        .isCloseTo(466.0, within(5.0));
  }

  @Test
  void shouldScoreCleanSpeechHighAndNoiseLow() {
    SoftAssertions softly = new SoftAssertions();
    for (String name : RealRecordings.voicePrompts()) {
      // Studio recordings: no clipping, no noise floor, loudness inside -32..-12 LUFS.
      softly
          .assertThat(measured(name).qualityScore().score())
          .as(name + " " + measured(name).qualityScore().reason())
          .isGreaterThan(0.9);
      softly.assertThat(measured(name).qualityScore().reason()).as(name).contains("LUFS");
    }
    for (String name : NOISE) {
      Measured m = measured(name);
      // All noise, no speech: WADA-SNR is negative (measured -12.7 and -14.4 dB), little voicing.
      softly.assertThat(m.quality().snrDb()).as(name + ": SNR").isNegative();
      softly.assertThat(m.qualityScore().score()).as(name).isLessThan(0.1);
      softly.assertThat(m.prosody().voicedFraction()).as(name + ": voiced").isLessThan(0.25);
    }
    softly.assertAll();
  }
}
