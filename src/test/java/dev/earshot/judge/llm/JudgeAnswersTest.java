package dev.earshot.judge.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JudgeAnswersTest {

  @Test
  void shouldIgnoreBracesInsideThinking() throws Exception {
    String answer =
        "<think>Maybe {\"score\": 1}? No.</think>\n{\"score\": 5, \"rationale\": \"Great.\"}";

    assertThat(JudgeAnswers.read(answer, AnswerFormat.SCORE))
        .isEqualTo(new PointwiseScore(5, "Great."));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"score\": \"3\"}", "{\"score\": 3.0}", "```\n{\"score\": 3}\n```"})
  void shouldAcceptAnIntegralScoreInAnyCommonSpelling(String answer) throws Exception {
    assertThat(JudgeAnswers.read(answer, AnswerFormat.SCORE).score()).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"score\": 3.5}",
        "{\"score\": 0}",
        "{\"score\": null}",
        "{\"rating\": 3}",
        "{score: 3}",
        "[3]"
      })
  void shouldRejectAScoreThatIsNotAnIntegerFromOneToFive(String answer) {
    assertThatThrownBy(() -> JudgeAnswers.read(answer, AnswerFormat.SCORE))
        .isInstanceOf(InvalidAnswerException.class);
  }

  @Test
  void shouldReadWinnerCaseInsensitively() throws Exception {
    assertThat(JudgeAnswers.read("{\"winner\": \" Tie \"}", AnswerFormat.PREFERENCE))
        .isEqualTo(new PairwiseAnswer(PairwiseVerdict.TIE, ""));
  }

  @Test
  void shouldRejectAWinnerOtherThanAOrBOrTie() {
    assertThatThrownBy(() -> JudgeAnswers.read("{\"winner\": \"both\"}", AnswerFormat.PREFERENCE))
        .isInstanceOf(InvalidAnswerException.class)
        .hasMessageContaining("\"both\"");
  }

  @Test
  void shouldJoinMessageContentGivenAsParts() throws Exception {
    String body =
        "{\"choices\": [{\"message\": {\"content\": [{\"type\": \"text\", \"text\": \"{\\\"score\\\"\"},"
            + " {\"type\": \"text\", \"text\": \": 2}\"}]}}]}";

    assertThat(JudgeAnswers.messageContent(body)).isEqualTo("{\"score\": 2}");
  }

  @Test
  void shouldRejectAResponseWithoutChoices() {
    assertThatThrownBy(() -> JudgeAnswers.messageContent("{\"object\": \"error\"}"))
        .isInstanceOf(InvalidAnswerException.class)
        .hasMessageContaining("choices[0].message.content");
  }
}
