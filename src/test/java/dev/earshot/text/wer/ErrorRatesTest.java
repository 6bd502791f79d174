package dev.earshot.text.wer;

import static dev.earshot.text.wer.ErrorRateAlignerTest.assertCounts;
import static dev.earshot.text.wer.ErrorRateAlignerTest.stepsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whole texts: normalisation then alignment. Each comment gives the normalised tokens; the expected
 * steps are sclite's on those tokens ({@code -o sgml} for words, {@code -c -e utf-8} for
 * characters).
 */
class ErrorRatesTest {

  @Test
  void shouldScoreApostrophesAfterNormalisation() {
    // don't stop rock n roll | dont stop rock and roll -> S C C S C
    Alignment alignment =
        ErrorRates.score("Don't stop rock 'n' roll!", "dont stop rock and roll", ErrorUnit.WORD);

    assertThat(stepsOf(alignment)).isEqualTo("SCCSC");
    assertThat(alignment.rate()).isEqualTo(0.4);
  }

  @Test
  void shouldIgnoreCaseCurlyQuotesAndPunctuation() {
    // it's quoted | it's quoted
    Alignment alignment = ErrorRates.score("It’s ‘quoted’.", "it's \"quoted\"", ErrorUnit.WORD);

    assertCounts(alignment, 0, 0, 0, 2);
  }

  @Test
  void shouldMatchFullWidthAndLigatureFormsAfterNfkc() {
    // fine work 123 | fine work 123
    assertCounts(ErrorRates.score("ﬁne ＷＯＲＫ １２３", "Fine work 123", ErrorUnit.WORD), 0, 0, 0, 3);
  }

  @Test
  void shouldCountAMissingAccentAsASubstitution() {
    // café au lait | cafe au lait -> S C C; as characters é/e is one substitution in ten
    assertThat(stepsOf(ErrorRates.score("Café au lait", "cafe au lait", ErrorUnit.WORD)))
        .isEqualTo("SCC");
    Alignment characters = ErrorRates.score("Café au lait", "cafe au lait", ErrorUnit.CHAR);
    assertThat(stepsOf(characters)).isEqualTo("CCCSCCCCCC");
    assertThat(characters.rate()).isEqualTo(0.1);
  }

  @Test
  void shouldScoreDigitsAsWordsNotAsTheirSpokenForm() {
    // call 911 now | call nine one one now -> C I I S C
    Alignment alignment =
        ErrorRates.score("Call 911, now.", "call nine one one now", ErrorUnit.WORD);

    assertThat(stepsOf(alignment)).isEqualTo("CIISC");
    assertCounts(alignment, 1, 0, 2, 3);
  }

  @Test
  void shouldScoreChineseByCharacter() {
    // 我 在 北 京 | 我 在 南 京 了 -> C C S C I, for both units
    for (ErrorUnit unit : ErrorUnit.values()) {
      Alignment alignment = ErrorRates.score("我在北京。", "我在南京了", unit);
      assertThat(stepsOf(alignment)).as(unit.name()).isEqualTo("CCSCI");
      assertThat(alignment.rate()).as(unit.name()).isEqualTo(0.5);
    }
  }

  @Test
  void shouldScoreMixedScriptTextWithLatinWordsAndCjkCharacters() {
    // 我 用 iphone 拍 照 | 我 用 iphone 拍 了 照 -> C C C C I C
    Alignment alignment = ErrorRates.score("我用iPhone拍照", "我用 iPhone 拍了照", ErrorUnit.WORD);

    assertThat(stepsOf(alignment)).isEqualTo("CCCCIC");
    assertCounts(alignment, 0, 0, 1, 5);
  }

  @Test
  void shouldNotCountAMergedWordAsACharacterError() {
    // words: new york | newyork -> D S; characters: n e w y o r k both sides -> no error
    assertThat(stepsOf(ErrorRates.score("New York", "newyork", ErrorUnit.WORD))).isEqualTo("DS");
    assertCounts(ErrorRates.score("New York", "newyork", ErrorUnit.CHAR), 0, 0, 0, 7);
  }

  @Test
  void shouldCountCharacterErrorsWithinAWord() {
    // t h e c a t | t h e h a t -> C C C S C C
    Alignment alignment = ErrorRates.score("The cat.", "the hat", ErrorUnit.CHAR);

    assertThat(stepsOf(alignment)).isEqualTo("CCCSCC");
    assertThat(alignment.rate()).isCloseTo(1.0 / 6, within(1e-12));
  }

  @Test
  void shouldScoreAnEmptyHypothesisAsAllDeletions() {
    assertCounts(ErrorRates.score("Yes, it is.", "", ErrorUnit.WORD), 0, 3, 0, 3);
  }

  @Test
  void shouldScoreAPunctuationOnlyReferenceAsEmpty() {
    Alignment alignment = ErrorRates.score("...", "um okay", ErrorUnit.WORD);

    assertCounts(alignment, 0, 0, 2, 0);
    assertThat(alignment.rate()).isNull();
  }

  @Test
  void shouldPoolErrorsAndReferenceLengthsForTheCorpusRate() {
    // 2 errors in 4 words, 0 in 6, 3 insertions against an empty reference: (2 + 0 + 3) / (4 + 6 +
    // 0) = 0.5,
    // not the mean of the defined per-pair rates ((0.5 + 0) / 2 = 0.25).
    List<Alignment> alignments =
        List.of(
            ErrorRates.score("a b c d", "a x c", ErrorUnit.WORD),
            ErrorRates.score(
                "one two three four five six", "one two three four five six", ErrorUnit.WORD),
            ErrorRates.score("", "uh huh hmm", ErrorUnit.WORD));

    CorpusErrorRate corpus = ErrorRates.corpus(alignments);

    assertThat(corpus).isEqualTo(new CorpusErrorRate(5, 10, 0.5));
  }

  @Test
  void shouldLeaveTheCorpusRateUndefinedWithoutReferenceTokens() {
    CorpusErrorRate corpus =
        ErrorRates.corpus(List.of(ErrorRates.score("", "hello", ErrorUnit.WORD)));

    assertThat(corpus.errors()).isEqualTo(1);
    assertThat(corpus.referenceLength()).isZero();
    assertThat(corpus.rate()).isNull();
    assertThat(ErrorRates.corpus(List.of()).rate()).isNull();
  }
}
