package dev.earshot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.audio.decode.AudioDecoder;
import dev.earshot.audio.decode.AudioLimits;
import dev.earshot.audio.decode.AudioRejectedException;
import dev.earshot.audio.decode.DecodedAudio;
import dev.earshot.audio.decode.MonoAudio;
import dev.earshot.audio.decode.WavWriter;
import dev.earshot.feature.service.ResponseFeatures;
import dev.earshot.reward.core.AudioSource;
import dev.earshot.reward.core.RewardItem;
import dev.earshot.reward.core.RewardRequestLimits;
import dev.earshot.reward.core.RewardRequestParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reward endpoint's work on one item, without HTTP, database or cache: the request body of
 * {@code bench/reward-load.sh} (one 3 s, 22.05 kHz demo response, base64 WAV) parsed as {@code
 * RewardService} parses it, the WAV decoded with its 16 kHz analysis copy, and prosody and quality
 * measured as every signal judge of the demo profile reads them. One thread. Run with {@code -prof
 * stack} to see which stage dominates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class RewardClipBenchmark {

  private static final int CLIP_SECONDS = 3;
  private static final Path DEMO_RESPONSE =
      Path.of("datasets/demo/responses/monotone/content-01.wav");

  private final ObjectMapper json = new ObjectMapper();
  private final RewardRequestParser parser =
      new RewardRequestParser(new RewardRequestLimits(64, 16 * 1024 * 1024), json);
  private final AudioDecoder decoder = new AudioDecoder(AudioLimits.DEFAULTS);
  private byte[] body;
  private byte[] wav;
  private DecodedAudio decoded;

  @Setup
  public void makeRequest() throws IOException, AudioRejectedException {
    MonoAudio speech =
        decoder.decodeNative(ByteBuffer.wrap(Files.readAllBytes(DEMO_RESPONSE))).mono();
    float[] clip = Fixtures.loop(speech.samples(), CLIP_SECONDS * speech.sampleRate());
    String audio = Base64.getEncoder().encodeToString(WavWriter.pcm16(clip, speech.sampleRate()));
    body =
        ("{\"query\":[{\"audio\":\"" + audio + "\"}],\"prompts\":[\"Say something.\"]}")
            .getBytes(StandardCharsets.UTF_8);
    wav = parse();
    decoded = decode(wav);
  }

  /** JSON and base64: the request body to an item with its WAV bytes. */
  @Benchmark
  public byte[] parse() throws IOException {
    List<RewardItem> items = parser.parse(json.readTree(body));
    return ((AudioSource.Inline) items.get(0).audio()).wav();
  }

  /** The WAV to its samples and the 16 kHz analysis copy. */
  @Benchmark
  public DecodedAudio decodeOnly() throws AudioRejectedException {
    return decode(wav);
  }

  /** Prosody and quality of the decoded clip. */
  @Benchmark
  public ResponseFeatures.Features analyse() {
    return ResponseFeatures.analyse(decoded);
  }

  /** All of it, one item end to end. */
  @Benchmark
  public ResponseFeatures.Features clip() throws IOException, AudioRejectedException {
    return ResponseFeatures.analyse(decode(parse()));
  }

  private DecodedAudio decode(byte[] wav) throws AudioRejectedException {
    return decoder.decode(ByteBuffer.wrap(wav));
  }
}
