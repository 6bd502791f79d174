package dev.earshot.judge.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.audio.decode.AudioDecoder;
import dev.earshot.audio.decode.AudioLimits;
import dev.earshot.audio.decode.MonoAudio;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Intonation on speech this project did not design: espeak-ng (installed by
 * scripts/install-test-tools.sh) speaks 9 yes/no questions and 9 matching statements with varied
 * voices, pitches and rates (110–240 words per minute, long fast questions included), each clean
 * and under 0 dB white noise (noise RMS equal to the speech's, fixed seed).
 *
 * <p>35 of 36 must come out right (the test prints the misses). The one miss today is "Could you
 * pass me the salt, please?" under 0 dB noise: its final 60 ms rise fades below the noise and goes
 * unvoiced even on the noise-compensated track, so what remains ends in a dip.
 */
class EspeakIntonationTest {

  private record Clip(boolean question, String voice, int pitch, int wordsPerMinute, String text) {}

  private static final List<Clip> CLIPS =
      List.of(
          new Clip(true, "en-us", 30, 130, "Are you coming to the party on Saturday night?"),
          new Clip(true, "en-gb", 60, 180, "Could you pass me the salt, please?"),
          new Clip(true, "en-us+m3", 45, 210, "Do you know where the nearest train station is?"),
          new Clip(true, "en-us+f2", 75, 150, "Would you like another cup of tea?"),
          new Clip(
              true, "en", 55, 240, "Has anybody seen my keys on the kitchen table this afternoon?"),
          new Clip(true, "en-us+f4", 80, 190, "Is this the right way to the library?"),
          new Clip(
              true, "en-gb+m2", 35, 170, "Did the children finish their homework before dinner?"),
          new Clip(true, "en-us", 65, 110, "Can we meet again next week?"),
          new Clip(
              true,
              "en-us+f1",
              50,
              230,
              "Were there many people at the concert in the park yesterday evening?"),
          new Clip(false, "en-us", 30, 130, "We are coming to the party on Saturday night."),
          new Clip(false, "en-gb", 60, 180, "Please pass me the salt."),
          new Clip(
              false,
              "en-us+m3",
              45,
              210,
              "The nearest train station is two blocks away from here."),
          new Clip(false, "en-us+f2", 75, 150, "I would like another cup of tea."),
          new Clip(
              false, "en", 55, 240, "Somebody saw your keys on the kitchen table this afternoon."),
          new Clip(false, "en-us+f4", 80, 190, "This is the right way to the library."),
          new Clip(
              false, "en-gb+m2", 35, 170, "The children finished their homework before dinner."),
          new Clip(false, "en-us", 65, 110, "We can meet again next week."),
          new Clip(
              false,
              "en-us+f1",
              50,
              230,
              "There were many people at the concert in the park yesterday evening."));

  @TempDir Path folder;

  @Test
  void shouldClassQuestionsAndStatementsSpokenByEspeak() throws Exception {
    AudioDecoder decoder = new AudioDecoder(AudioLimits.DEFAULTS);
    SplittableRandom random = new SplittableRandom(2);
    List<String> misses = new ArrayList<>();
    int right = 0;
    int total = 0;
    for (int i = 0; i < CLIPS.size(); i++) {
      Clip clip = CLIPS.get(i);
      MonoAudio clean = decoder.decodeForAnalysis(ByteBuffer.wrap(speak(clip, i)));
      for (boolean noisy : new boolean[] {false, true}) {
        float[] samples = noisy ? withNoiseAtZeroDb(clean.samples(), random) : clean.samples();
        Intonation heard = ProsodyAnalyzer.analyze(samples, clean.sampleRate()).intonation();
        Intonation expected = clip.question() ? Intonation.RISING : Intonation.FALLING;
        total++;
        if (heard == expected) {
          right++;
        } else {
          misses.add((noisy ? "0 dB: " : "clean: ") + clip.text() + " -> " + heard);
        }
      }
    }
    System.out.printf("espeak-ng intonation: %d of %d right; misses %s%n", right, total, misses);
    assertThat(right).isGreaterThanOrEqualTo(35);
  }

  private byte[] speak(Clip clip, int index) throws IOException, InterruptedException {
    Path wav = folder.resolve(index + ".wav");
    Process espeak;
    try {
      espeak =
          new ProcessBuilder(
                  "espeak-ng",
                  "-v",
                  clip.voice(),
                  "-p",
                  Integer.toString(clip.pitch()),
                  "-s",
                  Integer.toString(clip.wordsPerMinute()),
                  "-w",
                  wav.toString(),
                  clip.text())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      throw new AssertionError(
          "espeak-ng is missing: run scripts/install-test-tools.sh (the build runs it as root)", e);
    }
    assertThat(espeak.waitFor(30, TimeUnit.SECONDS)).as("espeak-ng finished").isTrue();
    assertThat(espeak.exitValue()).as("espeak-ng exit code").isZero();
    return Files.readAllBytes(wav);
  }

  /** White noise whose RMS equals that of the speech (samples above 1 % of full scale). */
  private static float[] withNoiseAtZeroDb(float[] speech, SplittableRandom random) {
    double sum = 0;
    int active = 0;
    for (float s : speech) {
      if (Math.abs(s) > 0.01) {
        sum += s * s;
        active++;
      }
    }
    double rms = Math.sqrt(sum / Math.max(1, active));
    float[] noisy = new float[speech.length];
    double peak = 0;
    for (int i = 0; i < speech.length; i++) {
      noisy[i] = (float) (speech[i] + rms * random.nextGaussian());
      peak = Math.max(peak, Math.abs(noisy[i]));
    }
    if (peak > 1) {
      for (int i = 0; i < noisy.length; i++) {
        noisy[i] /= (float) (peak * 1.01);
      }
    }
    return noisy;
  }
}
