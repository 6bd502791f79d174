package dev.earshot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Vote ingest under a crowd: {@code --annotators} simulated annotators on one demo campaign, each
 * in a loop of {@code GET /api/campaigns/{id}/next}, fetching both responses' audio, reporting both
 * played, and {@code POST /api/votes}. The service must run with {@code -Dquarkus.profile=bench}:
 * only that profile lets votes come without the listening time passing. For the first {@code
 * --warmup} seconds the same loop runs on a campaign of its own and is not counted, so a long
 * warm-up (the JIT compiles the request path for minutes) does not use up the measured campaign's
 * items; then for {@code --seconds} seconds it counts new votes (201) and the latencies of next and
 * vote on the measured campaign.
 *
 * <p>With {@code --bursts R} it then measures the vote path alone, as issue #16's table did, on a
 * third campaign: in each of R rounds every annotator first takes an item and reports both sides
 * played, then all send their votes at once. Every annotator asks for its item at the same moment
 * too, so the round also times {@code next} with all raters asking at once. The first {@code
 * --warmup-bursts} rounds (default 3) are not counted; the others give new votes per second over
 * the bursts (votes over the time from the first send to the last answer), the votes' p50/p99 and
 * the p50/p99 of those {@code next} calls.
 *
 * <p>With {@code --askers K} it first times hand-outs as issue #16 states that goal ("1,000 raters
 * on one campaign, 200 of them asking within the same second"): {@code --ask-rounds} rounds
 * (default 10) in which K annotators each ask once at a moment drawn within one second; see {@link
 * #asks}.
 *
 * <p>With {@code --service-pid} and {@code --postgres-pid} (the postmaster) it also reports the CPU
 * time each process spent in the timed windows of the bursts and hand-out rounds, per vote or
 * hand-out, and how busy the machine was ({@link CpuMeter}): on a shared machine a steadier
 * comparison of builds than latency.
 *
 * <p>For the crash and outage proofs ({@code bench/crash-votes.sh}, {@code bench/db-outage.sh}) it
 * keeps going while the service or its database is down (a failed loop waits {@value
 * #ERROR_PAUSE_MS} ms and starts over), appends every acknowledged vote ({@code <epoch ms> <id>})
 * to {@code --acknowledged FILE} as soon as its 201 arrives, stops early once {@code --stop-file
 * FILE} exists, and counts the failed requests by kind: 503 with and without {@code Retry-After},
 * other 5xx, and connection errors.
 *
 * <pre>
 * ./mvnw -Pbench -DskipTests test-compile exec:exec -Dbench.main=dev.earshot.bench.VoteIngest \
 *   -Dbench.args='--base http://localhost:8080 --token ADMIN_TOKEN --annotators 200'
 * </pre>
 */
public final class VoteIngest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "bench-password-1234";
  private static final long ERROR_PAUSE_MS = 100;

  /** The service's limit on votes per pair. */
  private static final int MAX_OVERLAP = 100;

  /**
   * Keep-alive connections, one per annotator thread: see {@link PlainHttp} for why not the JDK's
   * client.
   */
  private final PlainHttp http;

  /**
   * Voting stops early once this file exists (the proofs end the load when they have seen enough).
   */
  private final Path stopFile;

  private final Failures failures = new Failures();

  /** The service's and its PostgreSQL postmaster's process ids, for {@link CpuMeter}. */
  private final Optional<Long> servicePid;

  private final Optional<Long> postgresPid;

  private VoteIngest(
      String base, Path stopFile, Optional<Long> servicePid, Optional<Long> postgresPid) {
    this.http = new PlainHttp(URI.create(base), 10_000, 60_000);
    this.stopFile = stopFile;
    this.servicePid = servicePid;
    this.postgresPid = postgresPid;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    String stopFile = options.get("--stop-file");
    VoteIngest bench =
        new VoteIngest(
            options.getOrDefault("--base", "http://localhost:8080"),
            stopFile == null ? null : Path.of(stopFile),
            Optional.ofNullable(options.get("--service-pid")).map(Long::valueOf),
            Optional.ofNullable(options.get("--postgres-pid")).map(Long::valueOf));
    int annotators = Integer.parseInt(options.getOrDefault("--annotators", "200"));
    int warmup = Integer.parseInt(options.getOrDefault("--warmup", "3"));
    int seconds = Integer.parseInt(options.getOrDefault("--seconds", "10"));
    String admin = options.get("--token");
    long setupStart = System.nanoTime();
    Map<String, String> tokens = bench.annotators(admin, annotators);
    String campaign = bench.campaign(admin, List.copyOf(tokens.keySet()));
    System.out.printf(
        Locale.ROOT,
        "set-up: %d annotators with tokens and campaign %s in %.1f s%n",
        annotators,
        campaign,
        (System.nanoTime() - setupStart) / 1e9);
    int bursts = Integer.parseInt(options.getOrDefault("--bursts", "0"));
    int warmupBursts = Integer.parseInt(options.getOrDefault("--warmup-bursts", "3"));
    String acknowledged = options.get("--acknowledged");
    try (PrintWriter log =
        acknowledged == null
            ? null
            : new PrintWriter(
                Files.newBufferedWriter(
                    Path.of(acknowledged), StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                true)) {
      if (warmup > 0) {
        bench.run(
            bench.campaign(admin, List.copyOf(tokens.keySet())),
            List.copyOf(tokens.values()),
            warmup,
            log,
            false);
      }
      bench.run(campaign, List.copyOf(tokens.values()), seconds, log, true);
    }
    int askers = Integer.parseInt(options.getOrDefault("--askers", "0"));
    if (askers > 0) {
      bench.asks(
          bench.campaign(admin, List.copyOf(tokens.keySet())),
          List.copyOf(tokens.values()),
          askers,
          Integer.parseInt(options.getOrDefault("--ask-rounds", "10")));
    }
    if (bursts > 0) {
      bench.bursts(
          bench.campaign(admin, List.copyOf(tokens.keySet())),
          List.copyOf(tokens.values()),
          warmupBursts,
          bursts);
    }
  }

  /** Makes the annotators (users with the annotator role) and a token for each, by name. */
  private Map<String, String> annotators(String admin, int count) throws Exception {
    String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> tokens = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String name = "bench-" + run + "-" + i;
        tokens.add(
            pool.submit(
                () -> {
                  send(
                      "POST",
                      "/api/users",
                      admin,
                      Map.of("username", name, "password", PASSWORD, "role", "annotator"),
                      201);
                  return send(
                          "POST", "/api/tokens", admin, Map.of("name", "bench", "user", name), 201)
                      .get("secret")
                      .asText();
                }));
      }
      Map<String, String> secrets = new java.util.LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        secrets.put("bench-" + run + "-" + i, tokens.get(i).get());
      }
      return secrets;
    } finally {
      pool.shutdown();
    }
  }

  /**
   * A demo campaign over all four systems, every annotator rating, every pair wanted by all (up to
   * the service's limit of votes per pair).
   */
  private String campaign(String admin, List<String> raters) throws Exception {
    return send(
            "POST",
            "/api/campaigns",
            admin,
            Map.of(
                "name",
                "vote ingest " + UUID.randomUUID(),
                "dataset",
                "demo",
                "systems",
                List.of("reference", "monotone", "wrongfacts", "noisy"),
                "dimensions",
                List.of("overall"),
                "raters",
                raters,
                "overlap",
                Math.min(raters.size(), MAX_OVERLAP)),
            201)
        .get("id")
        .asText();
  }

  /**
   * @param acknowledged where each acknowledged vote is written, or null
   * @param report whether to print the counts and latencies (not for the warm-up)
   */
  private void run(
      String campaign, List<String> tokens, int seconds, PrintWriter acknowledged, boolean report)
      throws Exception {
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    ConcurrentLinkedQueue<Long> nextNanos = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> voteNanos = new ConcurrentLinkedQueue<>();
    AtomicInteger created = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicLong firstError = new AtomicLong();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
    List<Future<?>> work = new ArrayList<>();
    for (String token : tokens) {
      work.add(
          pool.submit(
              () -> {
                go.await();
                while (System.nanoTime() < end && !stopRequested()) {
                  try {
                    long t0 = System.nanoTime();
                    PlainHttp.Answer next =
                        call("GET", "/api/campaigns/" + campaign + "/next", token, null);
                    long t1 = System.nanoTime();
                    if (next.statusCode() == 204) {
                      return null;
                    }
                    String assignment = listen(next, token);
                    long t2 = System.nanoTime();
                    String voteId = UUID.randomUUID().toString();
                    PlainHttp.Answer vote = vote(assignment, voteId, token);
                    long t3 = System.nanoTime();
                    expect(vote, 201);
                    if (acknowledged != null) {
                      acknowledged.println(System.currentTimeMillis() + " " + voteId);
                    }
                    if (t3 <= end) {
                      nextNanos.add(t1 - t0);
                      voteNanos.add(t3 - t2);
                      created.incrementAndGet();
                    }
                  } catch (Exception e) {
                    if (errors.getAndIncrement() == 0) {
                      firstError.set(System.nanoTime());
                      System.out.println("first error: " + e.getMessage());
                    }
                    // Service or database down: do not spin, try again shortly.
                    Thread.sleep(ERROR_PAUSE_MS);
                  }
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
    if (!report) {
      return;
    }
    double measured = Math.max(0, Math.min(System.nanoTime(), end) - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "annotators %d: %d new votes in %.0f s = %.1f votes/s; next p50 %.1f ms, p99 %.1f ms;"
            + " vote p50 %.1f ms, p99 %.1f ms; errors %d%n",
        tokens.size(),
        created.get(),
        measured,
        created.get() / measured,
        percentile(nextNanos, 0.50),
        percentile(nextNanos, 0.99),
        percentile(voteNanos, 0.50),
        percentile(voteNanos, 0.99),
        errors.get());
    System.out.printf(Locale.ROOT, "VOTES_PER_SECOND=%.1f%n", created.get() / measured);
    System.out.println(failures.summary());
  }

  /**
   * The item handed out by {@code next}: fetches both responses' audio and reports both played, as
   * a rater's browser does before the vote is allowed.
   *
   * @return the assignment id
   */
  private String listen(PlainHttp.Answer next, String token) throws IOException {
    String assignment = handedOut(next);
    fetchAudio(assignment, token);
    reportPlayed(assignment, token);
    return assignment;
  }

  /** The id of the assignment a {@code next} answer (200) hands out. */
  private static String handedOut(PlainHttp.Answer next) throws IOException {
    expect(next, 200);
    return JSON.readTree(next.body()).get("assignment").asText();
  }

  /** Asks for the next item, adding the call's time to {@code nanos} unless that is null. */
  private PlainHttp.Answer timedNext(
      String campaign, String token, ConcurrentLinkedQueue<Long> nanos) throws IOException {
    long sent = System.nanoTime();
    PlainHttp.Answer next = call("GET", "/api/campaigns/" + campaign + "/next", token, null);
    if (nanos != null) {
      nanos.add(System.nanoTime() - sent);
    }
    return next;
  }

  /** Fetches both responses' audio completely, as the rating page's players do. */
  private void fetchAudio(String assignment, String token) throws IOException {
    for (String side : List.of("a", "b")) {
      PlainHttp.Answer audio =
          call("GET", "/api/assignments/" + assignment + "/audio/" + side, token, null);
      if (audio.statusCode() != 200) {
        throw new IOException("audio " + side + ": " + audio.statusCode());
      }
    }
  }

  /** Reports both responses played to the end. */
  private void reportPlayed(String assignment, String token) throws IOException {
    for (String side : List.of("a", "b")) {
      expect(call("POST", "/api/assignments/" + assignment + "/played/" + side, token, null), 200);
    }
  }

  /** Sleeps until {@link System#nanoTime()} reaches {@code at}. */
  private static void sleepUntil(long at) throws InterruptedException {
    long wait = at - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }

  private PlainHttp.Answer vote(String assignment, String voteId, String token) throws IOException {
    return call(
        "POST",
        "/api/votes",
        token,
        Map.of("id", voteId, "assignment", assignment, "verdicts", Map.of("overall", "tie")));
  }

  /**
   * Hand-outs at crowd scale, as issue #16 states the goal: in each round {@code askers} of the
   * annotators (the next ones in turn, so every annotator asks in time) each ask for an item once,
   * at a moment drawn uniformly within one second (seeded), and the {@code next} calls are timed.
   * Each rater who got an item fetches both responses' audio as soon as it has it, as the rating
   * page does; only after the round's second (listening takes longer: the service refuses a play
   * report before the response's duration has passed, outside this benchmark's profile) does it
   * report both played and vote, so the next round meets a campaign that moved on. Nothing else
   * runs meanwhile.
   */
  private void asks(String campaign, List<String> tokens, int askers, int rounds) throws Exception {
    ConcurrentLinkedQueue<Long> nextNanos = new ConcurrentLinkedQueue<>();
    java.util.Random moments = new java.util.Random(16);
    int turn = 0;
    CpuMeter cpu = new CpuMeter(servicePid, postgresPid);
    int handedOut = 0;
    ExecutorService pool = Executors.newFixedThreadPool(askers);
    try {
      // One uncounted round first, as for the bursts.
      for (int round = 0; round <= rounds; round++) {
        boolean counting = round > 0;
        long start = System.nanoTime() + 50_000_000L;
        List<Future<String>> taken = new ArrayList<>();
        List<String> roundTokens = new ArrayList<>();
        for (int i = 0; i < askers; i++) {
          String token = tokens.get(turn++ % tokens.size());
          long at = start + (long) (moments.nextDouble() * 1e9);
          roundTokens.add(token);
          taken.add(
              pool.submit(
                  () -> {
                    sleepUntil(at);
                    PlainHttp.Answer next = timedNext(campaign, token, counting ? nextNanos : null);
                    if (next.statusCode() == 204) {
                      return null;
                    }
                    String assignment = handedOut(next);
                    fetchAudio(assignment, token);
                    return assignment;
                  }));
        }
        sleepUntil(start);
        CpuMeter.Reading before = cpu.read();
        List<String> assignments = new ArrayList<>();
        for (Future<String> item : taken) {
          assignments.add(item.get());
        }
        if (counting) {
          cpu.add(before, cpu.read());
          handedOut += (int) assignments.stream().filter(java.util.Objects::nonNull).count();
        }
        sleepUntil(start + 1_000_000_000L);
        List<Future<?>> votes = new ArrayList<>();
        for (int i = 0; i < askers; i++) {
          String assignment = assignments.get(i);
          String token = roundTokens.get(i);
          if (assignment != null) {
            votes.add(
                pool.submit(
                    () -> {
                      reportPlayed(assignment, token);
                      expect(vote(assignment, UUID.randomUUID().toString(), token), 201);
                      return null;
                    }));
          }
        }
        for (Future<?> vote : votes) {
          vote.get();
        }
      }
    } finally {
      pool.shutdown();
    }
    System.out.printf(
        Locale.ROOT,
        "hand-outs, %d of %d annotators asking within one second, %d rounds: next p50 %.1f ms,"
            + " p99 %.1f ms, max %.1f ms%n",
        askers,
        tokens.size(),
        rounds,
        percentile(nextNanos, 0.50),
        percentile(nextNanos, 0.99),
        percentile(nextNanos, 1.0));
    System.out.println(cpu.perOperation(handedOut, "hand-out (next and both audio fetches)"));
    System.out.printf(Locale.ROOT, "ASK_NEXT_P99_MS=%.1f%n", percentile(nextNanos, 0.99));
  }

  /** The vote path alone: see the class comment. */
  private void bursts(String campaign, List<String> tokens, int warmupRounds, int rounds)
      throws Exception {
    ConcurrentLinkedQueue<Long> voteNanos = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> nextNanos = new ConcurrentLinkedQueue<>();
    long burstNanos = 0;
    int counted = 0;
    CpuMeter cpu = new CpuMeter(servicePid, postgresPid);
    ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
    try {
      for (int round = 0; round < warmupRounds + rounds; round++) {
        List<Future<String>> taken = new ArrayList<>();
        CountDownLatch ask = new CountDownLatch(1);
        boolean counting = round >= warmupRounds;
        for (String token : tokens) {
          taken.add(
              pool.submit(
                  () -> {
                    ask.await();
                    PlainHttp.Answer next = timedNext(campaign, token, counting ? nextNanos : null);
                    return next.statusCode() == 204 ? null : listen(next, token);
                  }));
        }
        ask.countDown();
        List<Future<Long>> votes = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < tokens.size(); i++) {
          String assignment = taken.get(i).get();
          String token = tokens.get(i);
          if (assignment != null) {
            votes.add(
                pool.submit(
                    () -> {
                      go.await();
                      long sent = System.nanoTime();
                      expect(vote(assignment, UUID.randomUUID().toString(), token), 201);
                      return System.nanoTime() - sent;
                    }));
          }
        }
        if (votes.isEmpty()) {
          System.out.println("bursts: the campaign has no items left");
          break;
        }
        CpuMeter.Reading before = cpu.read();
        long start = System.nanoTime();
        go.countDown();
        List<Long> latencies = new ArrayList<>();
        for (Future<Long> vote : votes) {
          latencies.add(vote.get());
        }
        long took = System.nanoTime() - start;
        if (round >= warmupRounds) {
          cpu.add(before, cpu.read());
          voteNanos.addAll(latencies);
          burstNanos += took;
          counted += votes.size();
        }
      }
    } finally {
      pool.shutdown();
    }
    double seconds = burstNanos / 1e9;
    System.out.printf(
        Locale.ROOT,
        "vote bursts, %d annotators voting at once: %d new votes in %.2f s of bursts = %.1f"
            + " votes/s; vote p50 %.1f ms, p99 %.1f ms; next, all asking at once: p50 %.1f ms,"
            + " p99 %.1f ms%n",
        tokens.size(),
        counted,
        seconds,
        counted / seconds,
        percentile(voteNanos, 0.50),
        percentile(voteNanos, 0.99),
        percentile(nextNanos, 0.50),
        percentile(nextNanos, 0.99));
    System.out.printf(Locale.ROOT, "BURST_VOTES_PER_SECOND=%.1f%n", counted / seconds);
    System.out.println(cpu.perOperation(counted, "new vote"));
  }

  /** Failed requests by kind; the outage proof wants only fast 503s with Retry-After. */
  private static final class Failures {
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger unavailableWithoutRetryAfter = new AtomicInteger();
    private final AtomicInteger otherServerErrors = new AtomicInteger();
    private final AtomicInteger connectionErrors = new AtomicInteger();
    private final AtomicLong slowestUnavailableNanos = new AtomicLong();

    void answered(PlainHttp.Answer response, long nanos) {
      if (response.statusCode() == 503) {
        unavailable.incrementAndGet();
        if (response.header("Retry-After").isEmpty()) {
          unavailableWithoutRetryAfter.incrementAndGet();
        }
        slowestUnavailableNanos.accumulateAndGet(nanos, Math::max);
      } else if (response.statusCode() >= 500) {
        otherServerErrors.incrementAndGet();
      }
    }

    void unanswered() {
      connectionErrors.incrementAndGet();
    }

    String summary() {
      return String.format(
          Locale.ROOT,
          "FAILED_503=%d FAILED_503_WITHOUT_RETRY_AFTER=%d FAILED_OTHER_5XX=%d"
              + " CONNECTION_ERRORS=%d SLOWEST_503_MS=%.0f",
          unavailable.get(),
          unavailableWithoutRetryAfter.get(),
          otherServerErrors.get(),
          connectionErrors.get(),
          slowestUnavailableNanos.get() / 1e6);
    }
  }

  private boolean stopRequested() {
    return stopFile != null && Files.exists(stopFile);
  }

  static double percentile(ConcurrentLinkedQueue<Long> nanos, double p) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    // Nearest rank: the smallest value with at least p of the values at or below it.
    return sorted[(int) Math.ceil(p * sorted.length) - 1] / 1e6;
  }

  private JsonNode send(String method, String path, String token, Object body, int status)
      throws IOException {
    PlainHttp.Answer response = call(method, path, token, body);
    expect(response, status);
    return JSON.readTree(response.body());
  }

  /** Sends the request and counts it in {@link #failures} when it fails. */
  private PlainHttp.Answer call(String method, String path, String token, Object body)
      throws IOException {
    long start = System.nanoTime();
    try {
      PlainHttp.Answer response =
          body == null
              ? http.exchange(method, path, token, null, null)
              : http.exchange(
                  method, path, token, "application/json", JSON.writeValueAsBytes(body));
      failures.answered(response, System.nanoTime() - start);
      return response;
    } catch (IOException e) {
      failures.unanswered();
      throw e;
    }
  }

  private static void expect(PlainHttp.Answer response, int status) throws IOException {
    if (response.statusCode() != status) {
      throw new IOException(
          response.request() + ": " + response.statusCode() + " " + response.body());
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    if (!options.containsKey("--token")) {
      throw new IllegalArgumentException(
          "usage: --base URL --token ADMIN_TOKEN [--annotators 200] [--warmup 3] [--seconds 10]"
              + " [--bursts 0] [--warmup-bursts 3] [--askers 0] [--ask-rounds 10]"
              + " [--acknowledged FILE] [--stop-file FILE] [--service-pid PID]"
              + " [--postgres-pid PID]; "
              + Arrays.toString(args));
    }
    return options;
  }
}
