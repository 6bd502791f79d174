package dev.earshot.bench;

import dev.earshot.audio.decode.AudioDecoder;
import dev.earshot.audio.decode.AudioInfo;
import dev.earshot.audio.decode.AudioLimits;
import dev.earshot.audio.decode.AudioRejectedException;
import dev.earshot.audio.decode.MonoAudio;
import dev.earshot.audio.decode.WavWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validation ({@code inspect}) and decoding to 16 kHz mono ({@code decodeForAnalysis}) of a 60 s,
 * 44.1 kHz, stereo, 16-bit upload: the {@code audio/stereo44k.wav} fixture looped to 60 s, as WAV
 * and as FLAC. FLAC files cannot be looped by concatenation, so the FLAC is encoded from that WAV
 * by the {@code flac} command-line tool at its default level (-5) in the set-up; without {@code
 * flac} on the PATH the FLAC case fails and says so. Speed: MB/s = file size / average time,
 * multiple of real time = 60 s / average time; the set-up prints the file size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DecodeBenchmark {

  static final int SECONDS = 60;

  @Param({"WAV", "FLAC"})
  public String format;

  private final AudioDecoder decoder = new AudioDecoder(AudioLimits.DEFAULTS);
  private ByteBuffer upload;

  @Setup
  public void buildUpload() throws IOException, InterruptedException {
    Fixtures.Pcm fixture = Fixtures.readPcm16("/audio/stereo44k.wav");
    int frames = SECONDS * fixture.sampleRate();
    float[][] channels = new float[fixture.channels().length][];
    for (int channel = 0; channel < channels.length; channel++) {
      channels[channel] = Fixtures.loop(fixture.channels()[channel], frames);
    }
    byte[] wav = WavWriter.pcm16(channels, fixture.sampleRate());
    byte[] bytes = "FLAC".equals(format) ? flacEncode(wav) : wav;
    upload = ByteBuffer.wrap(bytes);
    System.out.printf(
        "%n%s upload: %d bytes, %d s, %d Hz, %d channels%n",
        format, bytes.length, SECONDS, fixture.sampleRate(), channels.length);
  }

  @Benchmark
  public AudioInfo inspect() throws AudioRejectedException {
    return decoder.inspect(upload);
  }

  @Benchmark
  public MonoAudio decodeForAnalysis() throws AudioRejectedException {
    return decoder.decodeForAnalysis(upload);
  }

  private static byte[] flacEncode(byte[] wav) throws IOException, InterruptedException {
    Path directory = Files.createTempDirectory("earshot-bench");
    Path in = directory.resolve("in.wav");
    Path out = directory.resolve("out.flac");
    try {
      Files.write(in, wav);
      Process flac;
      try {
        flac =
            new ProcessBuilder("flac", "--silent", "-5", "-o", out.toString(), in.toString())
                .inheritIO()
                .start();
      } catch (IOException e) {
        throw new IllegalStateException(
            "The FLAC case needs the flac encoder on the PATH (apt install flac)", e);
      }
      if (flac.waitFor() != 0) {
        throw new IllegalStateException("flac exited with status " + flac.exitValue());
      }
      return Files.readAllBytes(out);
    } finally {
      Files.deleteIfExists(in);
      Files.deleteIfExists(out);
      Files.delete(directory);
    }
  }
}
