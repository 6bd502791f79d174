package dev.earshot.reward.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Cache key of one item's judge scores under one profile: SHA-256 over the profile's name and
 * fingerprint, the audio's SHA-256, the prompt (id or text, told apart), the label and the text.
 *
 * <p>Cache the item's per-dimension scores (the {@link RewardCombiner}'s input) under this key, not
 * its reward: with batch normalisation the reward also depends on the rest of the batch.
 *
 * @param hex lowercase hex SHA-256
 */
public record RewardCacheKey(String hex) {

  // Bumped if the encoding below changes, so old keys can never collide with new ones.
  private static final String ENCODING_VERSION = "earshot-reward-cache-key/1";

  /** The key of {@code item} under {@code profile}; equal inputs give equal keys on every run. */
  public static RewardCacheKey of(RewardProfile profile, RewardItem item) {
    MessageDigest digest = Sha256.newDigest();
    field(digest, ENCODING_VERSION);
    field(digest, profile.name());
    field(digest, profile.fingerprint());
    field(digest, item.audio().sha256());
    optionalField(digest, item.prompt().map(RewardCacheKey::promptField));
    optionalField(digest, item.label());
    optionalField(digest, item.text());
    return new RewardCacheKey(HexFormat.of().formatHex(digest.digest()));
  }

  private static String promptField(PromptRef prompt) {
    return prompt instanceof PromptRef.Id id
        ? "id:" + id.id()
        : "text:" + ((PromptRef.Text) prompt).text();
  }

  // Length-prefixed, so that no two different field lists hash the same bytes.
  private static void field(MessageDigest digest, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
    digest.update(bytes);
  }

  private static void optionalField(MessageDigest digest, Optional<String> value) {
    digest.update((byte) (value.isPresent() ? 1 : 0));
    value.ifPresent(v -> field(digest, v));
  }
}
