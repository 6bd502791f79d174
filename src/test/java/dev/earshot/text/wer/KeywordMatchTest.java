package dev.earshot.text.wer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordMatchTest {

  @Test
  void shouldFindEveryKeywordRegardlessOfCaseAndPunctuation() {
    assertThat(
            KeywordMatch.fraction("The capital is PARIS, in France.", List.of("Paris", "france")))
        .isEqualTo(1.0);
  }

  @Test
  void shouldGiveTheFractionOfKeywordsFound() {
    assertThat(KeywordMatch.fraction("The capital is Paris.", List.of("Paris", "Berlin")))
        .isEqualTo(0.5);
  }

  @Test
  void shouldMatchAMultiWordKeywordOnlyAsAConsecutiveSequence() {
    assertThat(KeywordMatch.fraction("I live in new-york city", List.of("New York")))
        .isEqualTo(1.0);
    assertThat(KeywordMatch.fraction("a new house in york", List.of("New York"))).isEqualTo(0.0);
    assertThat(KeywordMatch.fraction("york new", List.of("New York"))).isEqualTo(0.0);
  }

  @Test
  void shouldMatchWholeWordsNotSubstrings() {
    assertThat(KeywordMatch.fraction("Yorkshire pudding", List.of("york"))).isEqualTo(0.0);
  }

  @Test
  void shouldMatchCjkKeywordsAsCharacterSequences() {
    assertThat(KeywordMatch.fraction("我在北京工作。", List.of("北京", "京北", "工作"))).isEqualTo(2.0 / 3);
  }

  @Test
  void shouldNormaliseApostrophesInKeywordsAndHypothesis() {
    assertThat(KeywordMatch.fraction("Don’t panic", List.of("don't"))).isEqualTo(1.0);
  }

  @Test
  void shouldCountARepeatedKeywordEachTime() {
    assertThat(KeywordMatch.fraction("Paris", List.of("paris", "Paris", "Rome")))
        .isEqualTo(2.0 / 3);
  }

  @Test
  void shouldRejectAnEmptyKeywordList() {
    assertThatThrownBy(() -> KeywordMatch.fraction("anything", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("At least one keyword");
  }

  @Test
  void shouldRejectAKeywordWithoutWords() {
    assertThatThrownBy(() -> KeywordMatch.fraction("anything", List.of("paris", "?!")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'?!'");
  }
}
