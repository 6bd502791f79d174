package dev.earshot.reward.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RewardCacheKeyTest {

  private static final String EXPECTED_KEY =
      "8aa7a27c971edbea7ce9b667557de93d39a62b5b72f55370a32c7c0fd688c340";
  private static final byte[] WAV = "RIFF$\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1);
  private static final RewardProfile PROFILE =
      new RewardProfile("tts-v1", Map.of("clarity", 1.0), new Normalisation.None(), 4);

  private static RewardItem item(PromptRef prompt, Optional<String> label) {
    return new RewardItem(
        0, new AudioSource.Inline(WAV), Optional.of(prompt), label, Optional.empty());
  }

  @Test
  void shouldGiveTheSameKeyForTheSameInputsAcrossRuns() {
    RewardCacheKey key =
        RewardCacheKey.of(PROFILE, item(new PromptRef.Id("p-1"), Optional.of("hi")));

    // Pinned: a change here silently empties every deployed cache, so it must be deliberate.
    assertThat(key.hex()).isEqualTo(EXPECTED_KEY);
  }

  @Test
  void shouldKeyInlineAudioAndItsUploadAlike() {
    RewardItem uploaded =
        new RewardItem(
            5,
            new AudioSource.Uploaded(new AudioSource.Inline(WAV).sha256()),
            Optional.of(new PromptRef.Id("p-1")),
            Optional.of("hi"),
            Optional.empty());

    assertThat(RewardCacheKey.of(PROFILE, uploaded))
        .isEqualTo(RewardCacheKey.of(PROFILE, item(new PromptRef.Id("p-1"), Optional.of("hi"))));
  }

  @Test
  void shouldTellPromptIdFromPromptTextWithTheSameValue() {
    assertThat(RewardCacheKey.of(PROFILE, item(new PromptRef.Id("x"), Optional.empty())))
        .isNotEqualTo(RewardCacheKey.of(PROFILE, item(new PromptRef.Text("x"), Optional.empty())));
  }

  @Test
  void shouldTellMissingLabelFromEmptyLabel() {
    assertThat(RewardCacheKey.of(PROFILE, item(new PromptRef.Id("x"), Optional.empty())))
        .isNotEqualTo(RewardCacheKey.of(PROFILE, item(new PromptRef.Id("x"), Optional.of(""))));
  }

  @Test
  void shouldChangeWhenTheProfileChanges() {
    RewardProfile reweighted =
        new RewardProfile("tts-v1", Map.of("clarity", 2.0), new Normalisation.None(), 4);
    RewardItem item = item(new PromptRef.Id("x"), Optional.empty());

    assertThat(RewardCacheKey.of(reweighted, item)).isNotEqualTo(RewardCacheKey.of(PROFILE, item));
  }
}
