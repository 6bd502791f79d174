package dev.earshot.judge.llm;

/**
 * What the system under test was asked: text, audio, or both. The audio array is not copied.
 *
 * @param text the prompt's text, or null
 * @param audioWav the prompt's audio as a WAV file, or null
 */
public record SpokenPrompt(String text, byte[] audioWav) {

  public SpokenPrompt {
    if ((text == null || text.isBlank()) && audioWav == null) {
      throw new IllegalArgumentException("a prompt needs text, audio or both");
    }
    if (audioWav != null) {
      WavHeader.require(audioWav, "prompt audio");
    }
  }

  public static SpokenPrompt text(String text) {
    return new SpokenPrompt(text, null);
  }

  public static SpokenPrompt audio(byte[] audioWav) {
    return new SpokenPrompt(null, audioWav);
  }
}
