package dev.earshot.audio.service;

import dev.earshot.audio.AudioAsset;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON that describes a stored audio file (contract of {@code /api/audio}). */
@Schema(name = "AudioInfo")
public record AudioInfoView(
    String sha256,
    @Schema(enumeration = {"wav", "flac"}) String format,
    int sampleRate,
    int channels,
    int bitsPerSample,
    long frames,
    double durationSeconds) {

  public static AudioInfoView of(AudioAsset asset) {
    return new AudioInfoView(
        asset.sha256,
        asset.format,
        asset.sampleRate,
        asset.channels,
        asset.bitsPerSample,
        asset.frames,
        asset.durationSeconds);
  }
}
