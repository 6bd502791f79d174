package dev.earshot.judge.service;

import dev.earshot.audio.decode.NativeAudio;
import dev.earshot.dataset.manifest.PromptExpectations;
import dev.earshot.judge.llm.SpokenPrompt;
import dev.earshot.judge.llm.SpokenResponse;
import dev.earshot.judge.scoring.JudgeInput;

/**
 * What a judge may look at of one response to one prompt. Each judge asks only for what it needs,
 * so the costly parts (measurements, decoded audio, WAV files) are made on first use.
 */
public interface ResponseMaterial {

  /** What the prompt expects; {@link PromptExpectations#none()} when it says nothing. */
  PromptExpectations expectations();

  /** The prompt's reference answer, or null. */
  String reference();

  /** Expectations, reference and text channel with the measured prosody and quality. */
  JudgeInput measured();

  /** The response audio as stored: every channel at the file's own rate. */
  NativeAudio original();

  /** The response audio, mono 16 kHz. */
  float[] audio16k();

  /** The prompt as the system under test got it, audio as WAV. */
  SpokenPrompt spokenPrompt();

  /** The response audio as WAV, with its text channel. */
  SpokenResponse spokenResponse();
}
