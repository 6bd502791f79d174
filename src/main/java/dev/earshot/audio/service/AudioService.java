package dev.earshot.audio.service;

import dev.earshot.audio.AudioAsset;
import dev.earshot.audio.decode.AudioDecoder;
import dev.earshot.audio.decode.AudioInfo;
import dev.earshot.audio.decode.AudioLimits;
import dev.earshot.audio.decode.AudioRejectedException;
import dev.earshot.audio.decode.DecodedAudio;
import dev.earshot.audio.decode.MonoAudio;
import dev.earshot.audio.decode.NativeAudio;
import dev.earshot.audio.decode.Resampler;
import dev.earshot.audio.decode.WavWriter;
import dev.earshot.audio.repository.AudioAssetRepository;
import dev.earshot.platform.config.EarshotConfig;
import dev.earshot.platform.error.DomainException;
import dev.earshot.platform.io.LimitedInputStream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Ingests audio: stage, hash, validate by decoding, store once under its hash, record metadata.
 * Nothing is stored for a rejected file.
 */
@ApplicationScoped
public class AudioService {

  private final AudioStore store;
  private final AudioAssetRepository assets;
  private final AudioDecoder decoder;
  private final long maxBytes;

  public AudioService(AudioStore store, AudioAssetRepository assets, EarshotConfig config) {
    this.store = store;
    this.assets = assets;
    this.maxBytes = config.audio().maxBytes();
    this.decoder = new AudioDecoder(new AudioLimits(maxBytes, config.audio().maxSeconds()));
  }

  /** Result of an ingest: the stored file's metadata and whether this call stored it. */
  public record Ingested(AudioInfoView info, boolean created) {}

  /**
   * Validates and stores the audio in {@code body}.
   *
   * @throws AudioRejectedException when the bytes are not acceptable audio (nothing is stored)
   */
  @Transactional
  public Ingested ingest(InputStream body) throws AudioRejectedException {
    AudioStore.StagedFile staged = stage(body);
    try {
      Optional<AudioAsset> known = assets.findByIdOptional(staged.sha256());
      if (known.isPresent() && store.contains(staged.sha256())) {
        store.discard(staged);
        return new Ingested(AudioInfoView.of(known.get()), false);
      }
      AudioInfo info = inspect(staged.path());
      store.commit(staged);
      AudioAsset asset = toAsset(staged, info);
      boolean created = assets.insertIfAbsent(asset);
      return new Ingested(AudioInfoView.of(asset), created);
    } catch (AudioRejectedException | RuntimeException e) {
      store.discard(staged);
      throw e;
    } catch (IOException e) {
      store.discard(staged);
      throw new UncheckedIOException("could not store the upload", e);
    }
  }

  /** Validates and stores a file from disk (dataset import). */
  @Transactional
  public Ingested ingest(Path file) throws AudioRejectedException {
    try (InputStream in = Files.newInputStream(file)) {
      return ingest(in);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file, e);
    }
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<AudioInfoView> find(String sha256) {
    return assets.findByIdOptional(sha256).map(AudioInfoView::of);
  }

  /** Path of the stored original bytes, for streaming. */
  public Optional<Path> file(String sha256) {
    return store.find(sha256);
  }

  /** Mono 16 kHz float view of a stored file: what pitch, voice activity and models work on. */
  public MonoAudio decodeForAnalysis(String sha256) {
    return decode(sha256).analysis();
  }

  /**
   * A stored file decoded: its original samples (every channel at its own rate, where levels,
   * clipping and loudness are measured) and the mono 16 kHz analysis copy.
   */
  public DecodedAudio decode(String sha256) {
    Path path =
        store
            .find(sha256)
            .orElseThrow(() -> DomainException.notFound("No audio with SHA-256 " + sha256));
    try {
      return decoder.decode(map(path));
    } catch (AudioRejectedException e) {
      // Stored files were validated on the way in; a failure here means the store was tampered
      // with.
      throw new IllegalStateException(
          "stored audio " + sha256 + " no longer decodes: " + e.getMessage(), e);
    }
  }

  /**
   * A stored file as WAV: WAV originals byte for byte, anything else (FLAC) decoded and written as
   * 16-bit mono WAV at its own sample rate. For consumers that take only WAV, such as llm judges.
   */
  public byte[] asWav(String sha256) {
    Path path =
        store
            .find(sha256)
            .orElseThrow(() -> DomainException.notFound("No audio with SHA-256 " + sha256));
    byte[] original;
    try {
      original = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + path, e);
    }
    if (isWav(original)) {
      return original;
    }
    try {
      MonoAudio mono = decoder.decodeMono(ByteBuffer.wrap(original));
      return WavWriter.pcm16(mono.samples(), mono.sampleRate());
    } catch (AudioRejectedException e) {
      throw new IllegalStateException(
          "stored audio " + sha256 + " no longer decodes: " + e.getMessage(), e);
    }
  }

  /**
   * A stored file as mono 16-bit PCM WAV at {@code sampleRate} with nothing but the fmt and data
   * chunks: channels averaged, resampled with the band-limited resampler, level left as it is.
   * Every file made this way has the same header layout, whatever the original's format, rate,
   * depth or metadata. Made once per file and rate, then served from a disk cache.
   */
  public Path monoPcm16(String sha256, int sampleRate) {
    return monoPcm16(sha256, sampleRate, null, UnaryOperator.identity());
  }

  /**
   * Like {@link #monoPcm16(String, int)}, with {@code adjust} applied to the resampled samples
   * before they are written (e.g. a loudness normalisation). {@code adjustment} names the
   * adjustment in the cache (lower-case letters, digits, dots; null for none): one name must always
   * mean the same adjustment.
   */
  public Path monoPcm16(
      String sha256, int sampleRate, String adjustment, UnaryOperator<float[]> adjust) {
    if (sampleRate < 1_000 || sampleRate > 192_000) {
      throw new IllegalArgumentException("unsupported target sample rate " + sampleRate);
    }
    Path original =
        store
            .find(sha256)
            .orElseThrow(() -> DomainException.notFound("No audio with SHA-256 " + sha256));
    try {
      return store.derived(
          sha256,
          "mono-pcm16-" + sampleRate + (adjustment == null ? "" : "-" + adjustment) + ".wav",
          () -> {
            MonoAudio mono = decodeStored(sha256, original).mono();
            return WavWriter.pcm16(
                adjust.apply(Resampler.resample(mono.samples(), mono.sampleRate(), sampleRate)),
                sampleRate);
          });
    } catch (IOException e) {
      throw new UncheckedIOException("could not cache a transcoding of " + sha256, e);
    }
  }

  private NativeAudio decodeStored(String sha256, Path path) {
    try {
      return decoder.decodeNative(map(path));
    } catch (AudioRejectedException e) {
      throw new IllegalStateException(
          "stored audio " + sha256 + " no longer decodes: " + e.getMessage(), e);
    }
  }

  private static boolean isWav(byte[] data) {
    return data.length >= 12
        && "RIFF".equals(new String(data, 0, 4, StandardCharsets.US_ASCII))
        && "WAVE".equals(new String(data, 8, 4, StandardCharsets.US_ASCII));
  }

  /**
   * Decodes an upload for analysis without storing it: same decoder and limits as {@link
   * #ingest(InputStream)}.
   */
  public DecodedAudio decode(InputStream body) throws AudioRejectedException {
    AudioStore.StagedFile staged = stage(body);
    try {
      return decoder.decode(map(staged.path()));
    } finally {
      store.discard(staged);
    }
  }

  /**
   * Decodes audio held in memory (an inline reward item) for analysis, with the limits of an
   * upload; nothing is stored.
   */
  public DecodedAudio decode(byte[] bytes) throws AudioRejectedException {
    return decoder.decode(ByteBuffer.wrap(bytes));
  }

  /** Copies an upload to the staging area, refusing it past the size limit. */
  private AudioStore.StagedFile stage(InputStream body) throws AudioRejectedException {
    try {
      return store.stage(body, maxBytes);
    } catch (LimitedInputStream.LimitExceededException e) {
      throw tooLarge();
    } catch (IOException e) {
      throw new UncheckedIOException("could not stage the upload", e);
    }
  }

  private AudioInfo inspect(Path path) throws AudioRejectedException {
    return decoder.inspect(map(path));
  }

  private static MappedByteBuffer map(Path path) {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      return channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + path, e);
    }
  }

  private AudioRejectedException tooLarge() {
    return new AudioRejectedException(
        AudioRejectedException.Reason.TOO_LARGE,
        "The file is larger than the limit of "
            + maxBytes
            + " bytes (earshot.audio.max-bytes); split or compress it (FLAC) and upload again.");
  }

  private static AudioAsset toAsset(AudioStore.StagedFile staged, AudioInfo info) {
    AudioAsset asset = new AudioAsset();
    asset.sha256 = staged.sha256();
    asset.format = info.format().jsonName();
    asset.sampleRate = info.sampleRate();
    asset.channels = info.channels();
    asset.bitsPerSample = info.bitsPerSample();
    asset.frames = info.frames();
    asset.durationSeconds = info.durationSeconds();
    asset.sizeBytes = staged.sizeBytes();
    return asset;
  }
}
