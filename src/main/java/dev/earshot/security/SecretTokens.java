package dev.earshot.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets (API tokens, generated passwords) and the SHA-256 form they are stored in. 256
 * random bits make a plain hash safe to store: there is nothing to guess, unlike a password.
 */
public final class SecretTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretTokens() {}

  /** A new URL-safe secret with 256 random bits after a prefix that says what it is. */
  public static String generate(String prefix) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Lower-case hex SHA-256 of the secret's UTF-8 bytes. */
  public static String sha256(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256.
      throw new IllegalStateException(e);
    }
  }

  /** Compares two secrets in time independent of where they differ. */
  public static boolean sameSecret(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
