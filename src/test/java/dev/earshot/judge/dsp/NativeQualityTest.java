package dev.earshot.judge.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.audio.decode.AudioDecoder;
import dev.earshot.audio.decode.AudioLimits;
import dev.earshot.audio.decode.AudioRejectedException;
import dev.earshot.audio.decode.DecodedAudio;
import dev.earshot.audio.decode.WavWriter;
import dev.earshot.testing.SyntheticSpeech;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Quality measured where the signal is: files written as 16-bit WAV at their own rate, decoded like
 * an upload, measured on the original samples (levels) and the 16 kHz copy (silences).
 */
class NativeQualityTest {

  private static final AudioDecoder DECODER = new AudioDecoder(AudioLimits.DEFAULTS);
  private static final double SECONDS = 2.0;

  private static QualityFeatures measure(float[][] channels, int rate)
      throws AudioRejectedException {
    DecodedAudio decoded = DECODER.decode(ByteBuffer.wrap(WavWriter.pcm16(channels, rate)));
    return QualityAnalyzer.analyze(
        decoded.original().channels(),
        decoded.original().sampleRate(),
        decoded.analysis().samples(),
        decoded.analysis().sampleRate());
  }

  private static float[][] speech(int rate, int channelCount) {
    float[][] channels = new float[channelCount][];
    for (int c = 0; c < channelCount; c++) {
      channels[c] = SyntheticSpeech.wideband(rate, SECONDS, 7 + c);
    }
    return channels;
  }

  @ParameterizedTest
  @CsvSource({
    "16000, 1",
    "16000, 2",
    "22050, 1",
    "22050, 2",
    "24000, 1",
    "24000, 2",
    "44100, 1",
    "44100, 2",
    "48000, 1",
    "48000, 2"
  })
  void shouldMeasureTheTrueClippedShareAtTheFilesOwnRate(int rate, int channelCount)
      throws AudioRejectedException {
    float[][] clean = speech(rate, channelCount);
    double gain = SyntheticSpeech.gainForClippedShare(clean[0], 0.10);
    double trueShare = SyntheticSpeech.shareAtFullScale(gain, clean);
    float[][] clipped = new float[channelCount][];
    for (int c = 0; c < channelCount; c++) {
      clipped[c] = SyntheticSpeech.amplifyAndClip(clean[c], gain);
    }

    QualityFeatures measured = measure(clipped, rate);

    assertThat(trueShare).isBetween(0.05, 0.15);
    assertThat(measured.clippingRatio()).isCloseTo(trueShare, within(0.02));
    assertThat(measured.sampleRate()).isEqualTo(rate);
    assertThat(measured.channels()).isEqualTo(channelCount);
    assertThat(measured.peakDbfs()).isCloseTo(0.0, within(0.01));
  }

  @ParameterizedTest
  @CsvSource({"16000, 1", "22050, 2", "24000, 1", "44100, 2", "48000, 2"})
  void shouldFindNoClippingInCleanSpeechAtAnyRate(int rate, int channelCount)
      throws AudioRejectedException {
    QualityFeatures measured = measure(speech(rate, channelCount), rate);

    assertThat(measured.clippingRatio()).isZero();
    // Scaled to a peak of 0.5 = −6.02 dBFS.
    assertThat(measured.peakDbfs()).isCloseTo(-6.02, within(0.01));
    assertThat(measured.truePeakDbtp()).isGreaterThanOrEqualTo(measured.peakDbfs() - 1e-9);
    assertThat(measured.truePeakDbtp()).isLessThan(measured.peakDbfs() + 0.5);
  }

  @ParameterizedTest
  @ValueSource(ints = {16000, 22050, 24000, 44100, 48000})
  void shouldReadTwoIdenticalChannels3DbAboveOne(int rate) throws AudioRejectedException {
    float[] voice = SyntheticSpeech.wideband(rate, SECONDS, 3);

    QualityFeatures mono = measure(new float[][] {voice}, rate);
    QualityFeatures stereo = measure(new float[][] {voice, voice}, rate);

    // BS.1770 sums the channels' powers: 10·log10(2) = 3.01 LU.
    assertThat(stereo.loudnessLufs() - mono.loudnessLufs()).isCloseTo(3.01, within(0.01));
    assertThat(stereo.rmsDbfs()).isCloseTo(mono.rmsDbfs(), within(1e-6));
  }

  @ParameterizedTest
  @ValueSource(ints = {16000, 44100, 48000})
  void shouldReadA997HzSineAtItsReferenceLoudnessAtTheFilesRate(int rate)
      throws AudioRejectedException {
    float[] tone = new float[5 * rate];
    for (int i = 0; i < tone.length; i++) {
      tone[i] = (float) (Math.pow(10, -23 / 20.0) * Math.sin(2 * Math.PI * 997 * i / rate));
    }
    assertThat(measure(new float[][] {tone}, rate).loudnessLufs()).isCloseTo(-26.01, within(0.1));
  }

  @Test
  void shouldReadTheTruePeakOfAFullScale1kHzSineAtItsSamplePeak() throws AudioRejectedException {
    int rate = 48_000;
    float[] tone = new float[rate];
    for (int i = 0; i < tone.length; i++) {
      tone[i] = (float) (0.999 * Math.sin(2 * Math.PI * 1000 * i / rate + 0.3));
    }
    QualityFeatures measured = QualityAnalyzer.analyze(tone, rate);

    // 48 samples per period: the largest sample is within cos(π/48) of the crest, 0.019 dB.
    double crestDb = 20 * Math.log10(0.999);
    assertThat(measured.peakDbfs()).isBetween(crestDb - 0.02, crestDb);
    assertThat(measured.truePeakDbtp()).isCloseTo(crestDb, within(0.01));
    assertThat(measured.truePeakDbtp()).isGreaterThanOrEqualTo(measured.peakDbfs());
  }

  @ParameterizedTest
  @ValueSource(ints = {16000, 48000})
  void shouldFindTheInterSamplePeakThatTheSamplesMiss(int rate) {
    // A sine at a quarter of the rate sampled 45° off its crest: every sample is at ±0.707.
    float[] tone = new float[rate];
    for (int i = 0; i < tone.length; i++) {
      tone[i] = (float) Math.sin(Math.PI / 2 * i + Math.PI / 4);
    }
    QualityFeatures measured = QualityAnalyzer.analyze(tone, rate);

    assertThat(measured.peakDbfs()).isCloseTo(-3.01, within(0.01));
    assertThat(measured.truePeakDbtp()).isCloseTo(0.0, within(0.1));
  }

  @Test
  void shouldReadWidebandSpeechAt16kHzAsWideband() throws AudioRejectedException {
    float[] voice = SyntheticSpeech.wideband(16_000, 3.0, 11);

    assertThat(measure(new float[][] {voice}, 16_000).bandwidthHz()).isGreaterThanOrEqualTo(5000);
  }

  @ParameterizedTest
  @ValueSource(ints = {16000, 24000, 48000})
  void shouldReadTheTelephoneBandCopyAsNarrow(int rate) throws AudioRejectedException {
    float[] telephone = SyntheticSpeech.speech(rate, 3.0, 300, 3400, 11);

    double bandwidth = measure(new float[][] {telephone}, rate).bandwidthHz();

    assertThat(bandwidth).isBetween(3000.0, 4000.0);
  }

  @Test
  void shouldReportTheLongestSilenceInsideTheSpeech() throws AudioRejectedException {
    int rate = 24_000;
    float[] voice = SyntheticSpeech.wideband(rate, 3.0, 5);
    float[] gapped = SyntheticSpeech.withSilenceInMiddle(voice, rate, 1.5);

    QualityFeatures clean = measure(new float[][] {voice}, rate);
    QualityFeatures withGap = measure(new float[][] {gapped}, rate);

    assertThat(clean.longestInternalSilenceSeconds()).isLessThan(0.2);
    assertThat(withGap.longestInternalSilenceSeconds()).isCloseTo(1.5, within(0.05));
  }

  @Test
  void shouldTakeTheDcOffsetOfTheChannelFurthestFromZero() {
    float[] left = new float[16_000];
    float[] right = new float[16_000];
    for (int i = 0; i < left.length; i++) {
      double tone = 0.3 * Math.sin(2 * Math.PI * 440 * i / 16_000.0);
      left[i] = (float) (tone + 0.01);
      right[i] = (float) (tone - 0.05);
    }
    QualityFeatures measured =
        QualityAnalyzer.analyze(new float[][] {left, right}, 16_000, left, 16_000);

    assertThat(measured.dcOffset()).isCloseTo(-0.05, within(1e-4));
  }
}
