package dev.earshot.export.service;

import dev.earshot.audio.decode.AudioDecoder;
import dev.earshot.audio.decode.AudioLimits;
import dev.earshot.audio.decode.AudioRejectedException;
import dev.earshot.audio.decode.MonoAudio;
import dev.earshot.audio.decode.Resampler;
import dev.earshot.audio.decode.WavWriter;
import dev.earshot.audio.service.AudioStore;
import dev.earshot.export.format.ExportManifest;
import dev.earshot.export.format.Sha256OutputStream;
import dev.earshot.export.format.Turn;
import dev.earshot.export.service.ExportConfig.AudioMode;
import dev.earshot.platform.config.EarshotConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jboss.logging.Logger;

/**
 * Puts an export's audio under {@code audio/<sha256>.wav}, named by the SHA-256 of the stored
 * original (so every file traces back to {@code GET /api/audio/<sha256>}). A WAV original is copied
 * byte for byte, or hard-linked on request; a FLAC original, or any file when a sample rate is
 * asked for, is decoded and written as mono 16-bit PCM WAV at that rate (the band-limited resampler
 * of the analysis).
 */
@ApplicationScoped
public class ExportAudio {

  private static final Logger LOG = Logger.getLogger(ExportAudio.class);

  private final AudioStore store;
  private final AudioDecoder decoder;

  public ExportAudio(AudioStore store, EarshotConfig config) {
    this.store = store;
    this.decoder =
        new AudioDecoder(new AudioLimits(config.audio().maxBytes(), config.audio().maxSeconds()));
  }

  /** Writes one file into the export and lists it. */
  public void export(
      String sha256,
      String storedFormat,
      Path exportDir,
      AudioMode mode,
      Integer sampleRate,
      ExportManifest files)
      throws IOException {
    Path original =
        store
            .find(sha256)
            .orElseThrow(
                () -> new IOException("audio " + sha256 + " is missing from the audio store"));
    String path = Turn.audioPathFor(sha256);
    Path target = exportDir.resolve(path);
    Files.createDirectories(target.getParent());
    boolean usableAsIs = "wav".equals(storedFormat) && sampleRate == null;
    if (usableAsIs && mode == AudioMode.LINK && link(original, target)) {
      // The store names files by their content, so the link's digest is its name.
      files.add(path, sha256, Files.size(target));
      return;
    }
    try (Sha256OutputStream out = new Sha256OutputStream(Files.newOutputStream(target))) {
      if (usableAsIs) {
        Files.copy(original, out);
      } else {
        out.write(convert(original, sampleRate));
      }
      out.flush();
      files.add(path, out);
    }
  }

  private static boolean link(Path original, Path target) {
    try {
      Files.createLink(target, original);
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      LOG.debugf("cannot hard-link %s (%s); copying it", original, e.getMessage());
      return false;
    }
  }

  private byte[] convert(Path original, Integer sampleRate) throws IOException {
    try (FileChannel channel = FileChannel.open(original, StandardOpenOption.READ)) {
      MonoAudio mono =
          decoder.decodeMono(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()));
      int rate = sampleRate == null ? mono.sampleRate() : sampleRate;
      float[] samples =
          rate == mono.sampleRate()
              ? mono.samples()
              : Resampler.resample(mono.samples(), mono.sampleRate(), rate);
      return WavWriter.pcm16(samples, rate);
    } catch (AudioRejectedException e) {
      throw new IOException("stored audio " + original.getFileName() + " cannot be decoded", e);
    }
  }
}
