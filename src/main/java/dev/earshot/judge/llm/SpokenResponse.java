package dev.earshot.judge.llm;

/**
 * One answer of the system under test. The audio array is not copied.
 *
 * @param audioWav the spoken answer as a WAV file
 * @param text the answer's text channel, or null when the system has none
 */
public record SpokenResponse(byte[] audioWav, String text) {

  public SpokenResponse {
    WavHeader.require(audioWav, "response audio");
  }

  public static SpokenResponse audio(byte[] audioWav) {
    return new SpokenResponse(audioWav, null);
  }
}
