package dev.earshot.bench;

import dev.earshot.audio.decode.WavWriter;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Load test of the reward endpoint as OpenRLHF drives it: one single-sample {@code POST} per
 * rollout, many at once. Every request carries a different 3-second clip (a demo response looped to
 * 3 s from its own offset, with seeded ±1 LSB dither), so the cache never answers and every request
 * decodes, analyses and judges its audio.
 *
 * <p>Two phases on a running service: one client at a time (the single-clip latency), then {@code
 * --concurrency} clients at once (throughput). Each phase is preceded by warm-up requests that are
 * not counted. Run by {@code bench/reward-load.sh}, or against any service with:
 *
 * <pre>
 * ./mvnw -Pbench -DskipTests test-compile exec:exec -Dbench.main=dev.earshot.bench.RewardLoad \
 *   -Dbench.args='--url http://localhost:8080/api/reward?profile=demo --clips 1000 --concurrency 8'
 * </pre>
 */
public final class RewardLoad {

  private static final int CLIP_SECONDS = 3;
  private static final long SEED = 20261126L;

  private RewardLoad() {}

  /** A demo response at its own sample rate. */
  private record Speech(float[] samples, int sampleRate) {}

  /**
   * Latencies of one phase, its wall time, and the CPU time the service's process spent meanwhile
   * (negative when its metrics were not read).
   */
  private record Phase(
      String name,
      int clients,
      long[] latenciesNanos,
      long wallNanos,
      int errors,
      double serviceCpuNanos) {

    String report() {
      long[] sorted = latenciesNanos.clone();
      Arrays.sort(sorted);
      return String.format(
              Locale.ROOT,
              "%-11s clients %2d: %5d clips in %6.2f s = %6.1f clips/s; latency p50 %6.1f ms, p99"
                  + " %6.1f ms, max %6.1f ms; errors %d",
              name,
              clients,
              sorted.length,
              wallNanos / 1e9,
              sorted.length / (wallNanos / 1e9),
              percentile(sorted, 0.50) / 1e6,
              percentile(sorted, 0.99) / 1e6,
              sorted[sorted.length - 1] / 1e6,
              errors)
          + (serviceCpuNanos < 0
              ? ""
              : String.format(
                  Locale.ROOT,
                  "; service CPU %.1f ms per clip (%.2f cores)",
                  serviceCpuNanos / sorted.length / 1e6,
                  serviceCpuNanos / wallNanos));
    }

    private static long percentile(long[] sorted, double p) {
      // Nearest rank: the smallest value with at least p of the values at or below it.
      return sorted[(int) Math.ceil(p * sorted.length) - 1];
    }
  }

  public static void main(String[] args) throws Exception {
    String url = option(args, "--url", "http://localhost:8080/api/reward?profile=demo");
    int clips = Integer.parseInt(option(args, "--clips", "1000"));
    int sequential = Integer.parseInt(option(args, "--sequential", "200"));
    int concurrency = Integer.parseInt(option(args, "--concurrency", "8"));
    int warmup = Integer.parseInt(option(args, "--warmup", "100"));
    Path demo = Path.of(option(args, "--demo", "datasets/demo/responses"));
    // The service's Prometheus metrics: its process CPU time tells what a clip costs the service
    // alone, apart from the load generator on the same cores.
    String metrics = option(args, "--metrics", "");

    List<Speech> speech = readDemoResponses(demo);
    List<String> bodies = bodies(speech, warmup * 2 + sequential + clips);
    System.out.printf(
        Locale.ROOT,
        "%d distinct 3 s clips from %d demo responses; POST %s%n",
        bodies.size(),
        speech.size(),
        url);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    AtomicInteger next = new AtomicInteger();
    run(http, url, bodies, next, warmup, 1, "warm-up", metrics);
    Phase single = run(http, url, bodies, next, sequential, 1, "single", metrics);
    run(http, url, bodies, next, warmup, concurrency, "warm-up", metrics);
    Phase concurrent = run(http, url, bodies, next, clips, concurrency, "concurrent", metrics);
    System.out.println(single.report());
    System.out.println(concurrent.report());
    if (single.errors() + concurrent.errors() > 0) {
      System.exit(1);
    }
  }

  private static Phase run(
      HttpClient http,
      String url,
      List<String> bodies,
      AtomicInteger next,
      int requests,
      int clients,
      String name,
      String metrics)
      throws Exception {
    int first = next.getAndAdd(requests);
    double cpuBefore = serviceCpuNanos(http, metrics);
    AtomicInteger taken = new AtomicInteger();
    long[] latencies = new long[requests];
    AtomicInteger errors = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      workers.add(
          pool.submit(
              () -> {
                for (int i = taken.getAndIncrement(); i < requests; i = taken.getAndIncrement()) {
                  latencies[i] = post(http, url, bodies.get(first + i), errors);
                }
                return null;
              }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    long wall = System.nanoTime() - start;
    pool.shutdown();
    double cpuAfter = serviceCpuNanos(http, metrics);
    double cpu = cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore;
    return new Phase(name, clients, latencies, wall, errors.get(), cpu);
  }

  /** The service process's CPU time so far from its metrics; −1 without a metrics URL. */
  private static double serviceCpuNanos(HttpClient http, String metrics)
      throws IOException, InterruptedException {
    if (metrics.isEmpty()) {
      return -1;
    }
    String text =
        http.send(
                HttpRequest.newBuilder(URI.create(metrics)).GET().build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return text.lines()
        .filter(line -> line.startsWith("process_cpu_time_ns_total "))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1)))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no process_cpu_time_ns_total at " + metrics));
  }

  private static long post(HttpClient http, String url, String body, AtomicInteger errors)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    long latency = System.nanoTime() - start;
    if (response.statusCode() != 200 || !response.body().startsWith("{\"rewards\":[")) {
      if (errors.incrementAndGet() <= 3) {
        System.err.println("HTTP " + response.statusCode() + ": " + response.body());
      }
    }
    return latency;
  }

  /** One request body per clip, each with a distinct clip (never a cache hit). */
  private static List<String> bodies(List<Speech> speech, int count) {
    SplittableRandom random = new SplittableRandom(SEED);
    List<String> bodies = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Speech response = speech.get(i % speech.size());
      float[] source = response.samples();
      int offset = random.nextInt(source.length);
      float[] clip = new float[CLIP_SECONDS * response.sampleRate()];
      for (int s = 0; s < clip.length; s++) {
        float dither = (random.nextInt(3) - 1) / 32768f;
        clip[s] =
            Math.max(-1f, Math.min(32767 / 32768f, source[(offset + s) % source.length] + dither));
      }
      String audio =
          Base64.getEncoder().encodeToString(WavWriter.pcm16(clip, response.sampleRate()));
      bodies.add("{\"query\":[{\"audio\":\"" + audio + "\"}],\"prompts\":[\"Say something.\"]}");
    }
    return bodies;
  }

  /** The demo's 16-bit mono response WAVs, read with javax.sound.sampled. */
  private static List<Speech> readDemoResponses(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("No WAV files under " + folder.toAbsolutePath());
    }
    List<Speech> speech = new ArrayList<>();
    for (Path file : files) {
      speech.add(readMono16Bit(file.toFile()));
    }
    return speech;
  }

  private static Speech readMono16Bit(File file) throws IOException {
    try (AudioInputStream in = AudioSystem.getAudioInputStream(file)) {
      javax.sound.sampled.AudioFormat format = in.getFormat();
      if (format.getChannels() != 1 || format.getSampleSizeInBits() != 16 || format.isBigEndian()) {
        throw new IllegalStateException(file + " is not 16-bit little-endian mono: " + format);
      }
      ShortBuffer pcm =
          ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
      float[] samples = new float[pcm.remaining()];
      for (int i = 0; i < samples.length; i++) {
        samples[i] = pcm.get(i) / 32768f;
      }
      return new Speech(samples, Math.round(format.getSampleRate()));
    } catch (UnsupportedAudioFileException e) {
      throw new IllegalStateException("Unreadable " + file, e);
    }
  }

  private static String option(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
