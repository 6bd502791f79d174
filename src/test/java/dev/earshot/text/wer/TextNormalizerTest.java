package dev.earshot.text.wer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

  @Test
  void shouldLowerCaseAndSplitOnAnyWhitespace() {
    assertThat(words("  Hello\u00a0 WORLD\tagain\n")).containsExactly("hello", "world", "again");
  }

  @Test
  void shouldTurnPunctuationAndSymbolsIntoSpaces() {
    assertThat(words("Wait—what?! 50% off, e-mail: a@b.com (now) #1 $5 + ½"))
        .containsExactly(
            "wait", "what", "50", "off", "e", "mail", "a", "b", "com", "now", "1", "5", "1", "2");
  }

  @Test
  void shouldKeepAnApostropheOnlyBetweenLettersOrDigits() {
    assertThat(words("Don't")).containsExactly("don't");
    assertThat(words("rock 'n' roll")).containsExactly("rock", "n", "roll");
    assertThat(words("'quoted'")).containsExactly("quoted");
    assertThat(words("the students' books")).containsExactly("the", "students", "books");
    assertThat(words("the 90's")).containsExactly("the", "90's");
    assertThat(words("o''clock")).containsExactly("o", "clock");
  }

  @Test
  void shouldTreatCurlyQuotesAsApostrophes() {
    assertThat(words("It’s ‘quoted’")).containsExactly("it's", "quoted");
  }

  @Test
  void shouldApplyNfkcToFullWidthFormsLigaturesAndSuperscripts() {
    assertThat(words("ﬁne ＷＯＲＫ １２３ x² Ⅻ")).containsExactly("fine", "work", "123", "x2", "xii");
  }

  @Test
  void shouldKeepAccentsAndComposeDecomposedOnes() {
    assertThat(words("Café cafe\u0301 cafe")).containsExactly("caf\u00e9", "caf\u00e9", "cafe");
  }

  @Test
  void shouldKeepCombiningMarksInsideWords() {
    // Devanagari vowel signs and the virama are marks, not letters; they stay inside their word.
    assertThat(words("हिन्दी भाषा")).containsExactly("हिन्दी", "भाषा");
  }

  @Test
  void shouldMakeEveryChineseCharacterItsOwnTokenAndDropPunctuation() {
    assertThat(words("我在北京。你呢？")).containsExactly("我", "在", "北", "京", "你", "呢");
  }

  @Test
  void shouldSplitJapaneseKanaAndKanjiIncludingTheProlongedSoundMark() {
    assertThat(words("コーヒーを飲む、佐々木さん"))
        .containsExactly("コ", "ー", "ヒ", "ー", "を", "飲", "む", "佐", "々", "木", "さ", "ん");
  }

  @Test
  void shouldWidenHalfWidthKatakanaBeforeSplitting() {
    assertThat(words("ｺｰﾋｰ")).containsExactly("コ", "ー", "ヒ", "ー");
  }

  @Test
  void shouldSplitHangulIntoSyllables() {
    assertThat(words("안녕 세계")).containsExactly("안", "녕", "세", "계");
  }

  @Test
  void shouldKeepLatinRunsAsWordsInsideCjkText() {
    assertThat(words("我用iPhone拍照")).containsExactly("我", "用", "iphone", "拍", "照");
    assertThat(words("GPT-4は便利")).containsExactly("gpt", "4", "は", "便", "利");
  }

  @Test
  void shouldKeepASupplementaryPlaneIdeographWhole() {
    assertThat(words("𠮷野家")).containsExactly("𠮷", "野", "家");
    assertThat(TextNormalizer.tokens("𠮷", ErrorUnit.CHAR)).containsExactly("𠮷");
  }

  @Test
  void shouldGiveNoTokensForTextWithoutWordCharacters() {
    assertThat(words("")).isEmpty();
    assertThat(words(" -- ?! ' ")).isEmpty();
    assertThat(TextNormalizer.tokens("...", ErrorUnit.CHAR)).isEmpty();
  }

  @Test
  void shouldSplitNormalisedWordsIntoCharactersWithoutSpacesForCharUnit() {
    assertThat(TextNormalizer.tokens("Don’t stop!", ErrorUnit.CHAR))
        .containsExactly("d", "o", "n", "'", "t", "s", "t", "o", "p");
  }

  @Test
  void shouldGiveOneCharTokenPerComposedCharacter() {
    assertThat(TextNormalizer.tokens("nai\u0308ve", ErrorUnit.CHAR))
        .containsExactly("n", "a", "\u00ef", "v", "e");
  }

  @Test
  void shouldGiveTheSameCjkTokensForWordAndCharUnits() {
    assertThat(TextNormalizer.tokens("我在 北京。", ErrorUnit.CHAR)).containsExactly("我", "在", "北", "京");
  }

  private static List<String> words(String text) {
    return TextNormalizer.tokens(text, ErrorUnit.WORD);
  }
}
