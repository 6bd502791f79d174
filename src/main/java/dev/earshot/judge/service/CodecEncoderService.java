package dev.earshot.judge.service;

import dev.earshot.audio.decode.AudioDecoder;
import dev.earshot.audio.decode.AudioLimits;
import dev.earshot.audio.decode.AudioRejectedException;
import dev.earshot.audio.decode.MonoAudio;
import dev.earshot.audio.decode.Resampler;
import dev.earshot.audio.service.AudioStore;
import dev.earshot.judge.onnx.CodecCodes;
import dev.earshot.judge.onnx.CodecEncoderModel;
import dev.earshot.judge.onnx.OnnxModelException;
import dev.earshot.judge.repository.CodecTokenRepository;
import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.platform.error.DomainException;
import dev.earshot.platform.io.FileDigests;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * The configured codec encoder ({@code earshot.codec-encoder.*}) and the token ids it gives stored
 * audio. Like the model judges' models, the ONNX file is "not configured" until it is there; it is
 * loaded once on first use (and again only when the file changes), and each response's ids are
 * computed once per encoder and kept in table {@code codec_tokens}.
 */
@ApplicationScoped
public class CodecEncoderService {

  public static final String NOT_CONFIGURED = "not configured";
  public static final String LOADED = "loaded";
  public static final String FAILED = "failed";

  private static final Logger LOG = Logger.getLogger(CodecEncoderService.class);

  /** The encoder as the API and the UI show it. */
  @Schema(name = "CodecEncoderStatus")
  public record CodecEncoderStatus(
      @Schema(enumeration = {NOT_CONFIGURED, LOADED, FAILED}) String status,
      @Schema(description = "why it is not loaded, or its shape when it is") String detail,
      @Schema(description = "earshot.codec-encoder.path, when set") String path,
      @Schema(description = "SHA-256 of the loaded ONNX file") String sha256,
      int sampleRate,
      double frameRate,
      @Schema(description = "token ids per frame (rows of the output), when loaded")
          Integer codebooks,
      @Schema(description = "audio files whose ids this encoder has computed and cached")
          Long cachedResponses) {}

  /** The loaded encoder, as an export records which one made its tokens. */
  public record EncoderIdentity(String sha256, int sampleRate, double frameRate, int codebooks) {}

  private record FileStamp(Path file, long size, FileTime modified) {}

  /** The last load of a file version: the encoder or why it failed. */
  private record Attempt(
      FileStamp stamp, CodecEncoderModel model, EncoderIdentity identity, String failure) {}

  private final EarshotConfig.CodecEncoder config;
  private final AudioStore store;
  private final AudioDecoder decoder;
  private final CodecTokenRepository tokens;

  /** Guarded by {@code this}. */
  private Attempt attempt;

  public CodecEncoderService(EarshotConfig config, AudioStore store, CodecTokenRepository tokens) {
    this.config = config.codecEncoder();
    this.store = store;
    this.decoder =
        new AudioDecoder(new AudioLimits(config.audio().maxBytes(), config.audio().maxSeconds()));
    this.tokens = tokens;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public CodecEncoderStatus status() {
    Optional<Path> path = config.path();
    Attempt current;
    String unavailable;
    synchronized (this) {
      unavailable = load();
      current = attempt;
    }
    String shown = path.map(p -> p.toAbsolutePath().toString()).orElse(null);
    if (unavailable != null) {
      return new CodecEncoderStatus(
          current != null && current.failure() != null ? FAILED : NOT_CONFIGURED,
          unavailable,
          shown,
          null,
          config.sampleRate(),
          config.frameRate(),
          null,
          null);
    }
    EncoderIdentity identity = current.identity();
    return new CodecEncoderStatus(
        LOADED,
        identity.codebooks()
            + " codebooks x "
            + identity.frameRate()
            + " frames/s at "
            + identity.sampleRate()
            + " Hz ("
            + current.model().samplesPerFrame()
            + " samples per frame)",
        shown,
        identity.sha256(),
        identity.sampleRate(),
        identity.frameRate(),
        identity.codebooks(),
        tokens.count(identity.sha256()));
  }

  /** Why no encoder can be used now, or empty when one is loaded. */
  public synchronized Optional<String> unavailableReason() {
    return Optional.ofNullable(load());
  }

  /**
   * The encoder to pin an export to.
   *
   * @throws DomainException (unavailable) when none is loaded
   */
  public synchronized EncoderIdentity requireLoaded() {
    String unavailable = load();
    if (unavailable != null) {
      throw DomainException.unavailable("No codec encoder", "codec encoder " + unavailable);
    }
    return attempt.identity();
  }

  /**
   * The token ids of a stored audio file under the given encoder: from the cache, or computed by
   * that encoder (which must still be the configured one) and cached.
   */
  @Transactional
  public CodecCodes tokens(EncoderIdentity encoder, String audioSha256) {
    Objects.requireNonNull(encoder, "encoder");
    Optional<CodecCodes> cached = tokens.find(encoder.sha256(), audioSha256);
    if (cached.isPresent()) {
      return cached.get();
    }
    CodecEncoderModel model;
    synchronized (this) {
      String unavailable = load();
      if (unavailable != null || !attempt.identity().sha256().equals(encoder.sha256())) {
        throw DomainException.conflict(
            "Codec encoder changed",
            "the codec encoder "
                + encoder.sha256()
                + " is not the configured one any more"
                + (unavailable == null ? "" : " (" + unavailable + ")"));
      }
      model = attempt.model();
    }
    CodecCodes codes = model.encode(samples(audioSha256, encoder.sampleRate()));
    tokens.insert(encoder.sha256(), audioSha256, codes);
    return codes;
  }

  @PreDestroy
  synchronized void close() {
    if (attempt != null && attempt.model() != null) {
      attempt.model().close();
    }
    attempt = null;
  }

  /**
   * Loads the configured file unless this version of it was tried; null when loaded, else why not.
   */
  private String load() {
    if (config.path().isEmpty()) {
      return NOT_CONFIGURED + ": set earshot.codec-encoder.path (EARSHOT_CODEC_ENCODER_PATH)";
    }
    Path file = config.path().get();
    FileStamp stamp = stamp(file);
    if (stamp == null) {
      close();
      return NOT_CONFIGURED + ": codec encoder file " + file.toAbsolutePath() + " not found";
    }
    if (attempt == null || !attempt.stamp().equals(stamp)) {
      close();
      attempt = attempt(stamp);
    }
    return attempt.failure();
  }

  private Attempt attempt(FileStamp stamp) {
    double hop = config.sampleRate() / config.frameRate();
    if (!(hop >= 1) || Math.abs(hop - Math.rint(hop)) > 1e-9) {
      return new Attempt(
          stamp,
          null,
          null,
          "earshot.codec-encoder.sample-rate / frame-rate must be a whole number of samples, not "
              + hop);
    }
    CodecEncoderModel model = null;
    try {
      model = CodecEncoderModel.load(stamp.file(), (int) Math.rint(hop));
      // One frame of silence tells the number of codebooks and checks the output contract.
      int codebooks = model.encode(new float[model.samplesPerFrame()]).codebooks();
      EncoderIdentity identity =
          new EncoderIdentity(
              FileDigests.sha256Hex(stamp.file()),
              config.sampleRate(),
              config.frameRate(),
              codebooks);
      LOG.infof("Codec encoder %s loaded: %d codebooks", stamp.file(), codebooks);
      return new Attempt(stamp, model, identity, null);
    } catch (OnnxModelException | IllegalArgumentException | UncheckedIOException e) {
      if (model != null) {
        model.close();
      }
      LOG.errorf("Codec encoder %s cannot be used: %s", stamp.file(), e.getMessage());
      return new Attempt(stamp, null, null, e.getMessage());
    }
  }

  private static FileStamp stamp(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return attributes.isRegularFile()
          ? new FileStamp(file, attributes.size(), attributes.lastModifiedTime())
          : null;
    } catch (IOException e) {
      return null;
    }
  }

  private float[] samples(String audioSha256, int sampleRate) {
    Path original =
        store
            .find(audioSha256)
            .orElseThrow(
                () -> new IllegalStateException("audio " + audioSha256 + " is not in the store"));
    try (FileChannel channel = FileChannel.open(original, StandardOpenOption.READ)) {
      MonoAudio mono =
          decoder.decodeMono(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()));
      return mono.sampleRate() == sampleRate
          ? mono.samples()
          : Resampler.resample(mono.samples(), mono.sampleRate(), sampleRate);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read stored audio " + audioSha256, e);
    } catch (AudioRejectedException e) {
      throw new IllegalStateException("stored audio " + audioSha256 + " cannot be decoded", e);
    }
  }
}
