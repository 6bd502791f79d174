package dev.earshot.judge.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CtcGreedyDecoderTest {

  private static final List<String> VOCABULARY = List.of("a", "b", "_", "|");
  private final CtcGreedyDecoder decoder = new CtcGreedyDecoder(VOCABULARY, 2, "|");

  @Test
  void shouldHonourABlankThatIsNotTheFirstToken() {
    assertThat(decoder.decode(oneHot(0, 0, 2, 0, 1, 3, 3, 1, 2), 9).text()).isEqualTo("aab b");
  }

  @Test
  void shouldCollapseRepeatedDelimitersAndTrimThem() {
    assertThat(decoder.decode(oneHot(3, 0, 2, 3, 2, 3, 1, 3), 8).text()).isEqualTo("a b");
  }

  @Test
  void shouldKeepTokensVerbatimWithoutADelimiter() {
    CtcGreedyDecoder noDelimiter = new CtcGreedyDecoder(VOCABULARY, 2, null);

    assertThat(noDelimiter.decode(oneHot(0, 3, 1), 3).text()).isEqualTo("a|b");
  }

  @Test
  void shouldRejectLogitsThatDoNotFitTheVocabulary() {
    assertThatThrownBy(() -> decoder.decode(new float[10], 3))
        .isInstanceOf(OnnxModelException.class)
        .hasMessageContaining("10 logits for 3 frames");
  }

  private static float[] oneHot(int... tokens) {
    float[] logits = new float[tokens.length * VOCABULARY.size()];
    for (int frame = 0; frame < tokens.length; frame++) {
      logits[frame * VOCABULARY.size() + tokens[frame]] = 1;
    }
    return logits;
  }
}
