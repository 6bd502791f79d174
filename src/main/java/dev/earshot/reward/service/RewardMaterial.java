package dev.earshot.reward.service;

import dev.earshot.audio.decode.DecodedAudio;
import dev.earshot.audio.decode.NativeAudio;
import dev.earshot.audio.service.AudioService;
import dev.earshot.dataset.manifest.PromptExpectations;
import dev.earshot.feature.service.ResponseFeatures;
import dev.earshot.judge.llm.SpokenPrompt;
import dev.earshot.judge.llm.SpokenResponse;
import dev.earshot.judge.scoring.JudgeInput;
import dev.earshot.judge.service.ResponseMaterial;
import dev.earshot.reward.core.AudioSource;

/**
 * A reward item as judges see it. The audio is decoded up front (that is where bad inline audio is
 * refused); measurements and WAV files are made on first use. Used by one thread at a time.
 */
final class RewardMaterial implements ResponseMaterial {

  private final RewardSubject subject;
  private final DecodedAudio decoded;
  private final AudioService audio;
  private JudgeInput measured;
  private SpokenPrompt spokenPrompt;
  private SpokenResponse spokenResponse;

  RewardMaterial(RewardSubject subject, DecodedAudio decoded, AudioService audio) {
    this.subject = subject;
    this.decoded = decoded;
    this.audio = audio;
  }

  @Override
  public PromptExpectations expectations() {
    return subject.expectations();
  }

  @Override
  public String reference() {
    return subject.reference();
  }

  @Override
  public JudgeInput measured() {
    if (measured == null) {
      ResponseFeatures.Features features = ResponseFeatures.analyse(decoded);
      measured =
          new JudgeInput(
              subject.expectations(),
              subject.reference(),
              subject.item().text().orElse(null),
              features.prosody(),
              features.quality());
    }
    return measured;
  }

  @Override
  public NativeAudio original() {
    return decoded.original();
  }

  @Override
  public float[] audio16k() {
    return decoded.analysis().samples();
  }

  @Override
  public SpokenPrompt spokenPrompt() {
    if (spokenPrompt == null) {
      spokenPrompt =
          new SpokenPrompt(
              subject.promptText(),
              subject.promptAudioSha256() == null
                  ? null
                  : audio.asWav(subject.promptAudioSha256()));
    }
    return spokenPrompt;
  }

  @Override
  public SpokenResponse spokenResponse() {
    if (spokenResponse == null) {
      byte[] wav =
          subject.item().audio() instanceof AudioSource.Inline inline
              ? inline.wav()
              : audio.asWav(subject.item().audio().sha256());
      spokenResponse = new SpokenResponse(wav, subject.item().text().orElse(null));
    }
    return spokenResponse;
  }
}
