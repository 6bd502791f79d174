package dev.earshot.reward.core;

/**
 * Size limits of one reward request.
 *
 * @param maxItems most queries in one request
 * @param maxAudioBase64Chars longest inline {@code audio} string, in base64 characters (about 4/3
 *     of the WAV bytes)
 */
public record RewardRequestLimits(int maxItems, int maxAudioBase64Chars) {

  public RewardRequestLimits {
    if (maxItems < 1 || maxAudioBase64Chars < 1) {
      throw new IllegalArgumentException("Need maxItems >= 1 and maxAudioBase64Chars >= 1");
    }
  }
}
