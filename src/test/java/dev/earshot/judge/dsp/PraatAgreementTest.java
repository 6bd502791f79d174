package dev.earshot.judge.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Frame-by-frame agreement with Praat's {@code To Pitch (ac)} on the espeak-ng fixtures. */
class PraatAgreementTest {

  private static List<String> praatTrack(String fixture) throws IOException {
    try (InputStream in =
        PraatAgreementTest.class.getResourceAsStream("/dsp/praat/" + fixture + ".csv")) {
      assertThat(in).as(fixture).isNotNull();
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      return lines.subList(1, lines.size());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "question-raining-male",
        "question-coming-female",
        "question-call-male",
        "question-hear-female",
        "statement-raining-male",
        "statement-coming-female",
        "statement-call-male",
        "statement-hear-female"
      })
  void shouldAgreeWithPraatFrameByFrame(String fixture) throws Exception {
    PitchTrack ours =
        PitchTracker.track(ProsodyAnalyzerTest.readFixture(fixture + ".wav"), TestSignals.RATE);
    List<String> praat = praatTrack(fixture);

    assertThat(ours.frames()).hasSameSizeAs(praat);
    int bothVoiced = 0;
    int withinFivePercent = 0;
    int octaveErrors = 0;
    int voicingAgrees = 0;
    for (int i = 0; i < praat.size(); i++) {
      String[] fields = praat.get(i).split(",");
      double praatTime = Double.parseDouble(fields[0]);
      double praatF0 = Double.parseDouble(fields[1]);
      PitchFrame frame = ours.frames().get(i);
      assertThat(frame.timeSeconds()).isCloseTo(praatTime, within(1e-4));
      if ((praatF0 > 0) == frame.voiced()) {
        voicingAgrees++;
      }
      if (praatF0 > 0 && frame.voiced()) {
        bothVoiced++;
        double ratio = frame.f0Hz() / praatF0;
        withinFivePercent += Math.abs(ratio - 1) <= 0.05 ? 1 : 0;
        octaveErrors += Math.abs(Math.log(ratio) / Math.log(2)) >= 0.5 ? 1 : 0;
      }
    }
    assertThat(bothVoiced).isGreaterThan(praat.size() / 3);
    assertThat(withinFivePercent / (double) bothVoiced).isGreaterThanOrEqualTo(0.95);
    assertThat(octaveErrors / (double) bothVoiced).isLessThan(0.05);
    assertThat(voicingAgrees / (double) praat.size()).isGreaterThanOrEqualTo(0.94);
  }
}
