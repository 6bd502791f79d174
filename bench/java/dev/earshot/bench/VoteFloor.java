package dev.earshot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor under issue #16's vote goal on this machine: the least a vote can be, timed the way
 * {@link VoteIngest} times the service's votes. A bare Vert.x server takes {@code POST /votes} with
 * a vote's JSON, parses it, commits one INSERT (one transaction, with the database server's own
 * fsync setting) from a pool of JDBC connections on worker threads, and answers 201. No
 * authentication, no checks, no second table, no framework; the clients run in the same JVM (one
 * JVM fewer than the real benchmark). Whatever this reaches bounds what the service's vote path can
 * reach on the same machine from above.
 *
 * <p>After {@code --warmup} seconds of uncounted votes, two measurements: {@code --bursts} rounds
 * in which {@code --clients} clients send one vote each at the same moment (as {@link VoteIngest}'s
 * bursts; the first {@code --warmup-bursts} not counted), and {@code --seconds} seconds in which
 * every client sends votes back to back.
 *
 * <pre>
 * ./mvnw -Pbench -DskipTests test-compile exec:exec -Dbench.main=dev.earshot.bench.VoteFloor \
 *   -Dbench.args='--jdbc jdbc:postgresql://127.0.0.1:5432/postgres --user postgres --password …'
 * </pre>
 */
public final class VoteFloor {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String TABLE = "bench_vote_floor";

  private final BlockingQueue<PreparedStatement> inserts;
  private final List<Connection> connections = new ArrayList<>();
  private final AtomicLong failures = new AtomicLong();

  /** The same client as {@link VoteIngest}'s, made once the server's port is known. */
  private PlainHttp http;

  private VoteFloor(String jdbc, String user, String password, int poolSize) throws SQLException {
    inserts = new ArrayBlockingQueue<>(poolSize);
    for (int i = 0; i < poolSize; i++) {
      Connection connection = DriverManager.getConnection(jdbc, user, password);
      connections.add(connection);
      inserts.add(
          connection.prepareStatement(
              "INSERT INTO " + TABLE + " (id, rater, verdicts) VALUES (?, ?, ?::jsonb)"));
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    String jdbc = required(options, "--jdbc");
    String user = required(options, "--user");
    String password = required(options, "--password");
    int clients = Integer.parseInt(options.getOrDefault("--clients", "200"));
    int bursts = Integer.parseInt(options.getOrDefault("--bursts", "20"));
    int warmupBursts = Integer.parseInt(options.getOrDefault("--warmup-bursts", "3"));
    int warmupSeconds = Integer.parseInt(options.getOrDefault("--warmup", "10"));
    int seconds = Integer.parseInt(options.getOrDefault("--seconds", "10"));
    // As many as the service's own pool (quarkus.datasource.jdbc.max-size).
    int poolSize = Integer.parseInt(options.getOrDefault("--connections", "32"));

    try (Connection admin = DriverManager.getConnection(jdbc, user, password);
        Statement ddl = admin.createStatement()) {
      ddl.execute("DROP TABLE IF EXISTS " + TABLE);
      ddl.execute(
          "CREATE TABLE "
              + TABLE
              + " (id uuid PRIMARY KEY, rater text NOT NULL, verdicts jsonb NOT NULL,"
              + " created_at timestamptz NOT NULL DEFAULT now())");
      VoteFloor floor = new VoteFloor(jdbc, user, password, poolSize);
      Vertx vertx = Vertx.vertx(new VertxOptions().setWorkerPoolSize(poolSize));
      try {
        HttpServer server =
            vertx
                .createHttpServer()
                .requestHandler(request -> floor.serve(vertx, request))
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        floor.http =
            new PlainHttp(URI.create("http://127.0.0.1:" + server.actualPort()), 10_000, 60_000);
        floor.measure(clients, bursts, warmupBursts, warmupSeconds, seconds);
      } finally {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        floor.close();
        ddl.execute("DROP TABLE " + TABLE);
      }
    }
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException(
          "usage: VoteFloor --jdbc URL --user USER --password PASSWORD [--clients 200]"
              + " [--bursts 20] [--warmup-bursts 3] [--warmup 10] [--seconds 10]"
              + " [--connections 32]");
    }
    return value;
  }

  private void serve(Vertx vertx, HttpServerRequest request) {
    String rater = request.getHeader("Authorization");
    request.bodyHandler(
        body ->
            vertx
                .executeBlocking(() -> insert(rater, body), false)
                .onComplete(
                    stored -> {
                      if (stored.succeeded()) {
                        request
                            .response()
                            .setStatusCode(201)
                            .putHeader("Content-Type", "application/json")
                            .end("{\"id\":\"" + stored.result() + "\",\"created\":true}");
                      } else {
                        request.response().setStatusCode(500).end(stored.cause().toString());
                      }
                    }));
  }

  private UUID insert(String rater, Buffer body) throws Exception {
    JsonNode vote = JSON.readTree(body.getBytes());
    UUID id = UUID.fromString(vote.get("id").asText());
    PreparedStatement insert = inserts.take();
    try {
      insert.setObject(1, id);
      insert.setString(2, rater);
      insert.setString(3, JSON.writeValueAsString(vote.get("verdicts")));
      insert.executeUpdate();
      return id;
    } finally {
      inserts.add(insert);
    }
  }

  private void measure(int clients, int bursts, int warmupBursts, int warmupSeconds, int seconds)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      // Uncounted: the JIT compiles the server's and the clients' paths first.
      loop(pool, clients, warmupSeconds, new ConcurrentLinkedQueue<>());
      if (bursts > 0) {
        bursts(pool, clients, bursts, warmupBursts);
      }
      var cpu =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
      long cpuBefore = cpu.getProcessCpuTime();
      loop(pool, clients, seconds, latencies);
      double cpuMillisPerVote = (cpu.getProcessCpuTime() - cpuBefore) / 1e6 / latencies.size();
      double votesPerSecond = latencies.size() / (double) seconds;
      System.out.printf(
          Locale.ROOT,
          "vote floor, %d clients voting back to back for %d s: %.1f votes/s; p50 %.1f ms, p99"
              + " %.1f ms; this JVM (server and clients) %.2f ms of CPU per vote; refused votes"
              + " (all phases) %d%n",
          clients,
          seconds,
          votesPerSecond,
          VoteIngest.percentile(latencies, 0.50),
          VoteIngest.percentile(latencies, 0.99),
          cpuMillisPerVote,
          failures.get());
      System.out.printf(Locale.ROOT, "FLOOR_VOTES_PER_SECOND=%.1f%n", votesPerSecond);
    } finally {
      pool.shutdown();
    }
  }

  /** Every client sends votes back to back for the given time. */
  private void loop(
      ExecutorService pool, int clients, int seconds, ConcurrentLinkedQueue<Long> latencies)
      throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Future<?>> loops = new ArrayList<>();
    for (int client = 0; client < clients; client++) {
      String rater = "rater-" + client;
      loops.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < end) {
                  latencies.add(timedVote(rater));
                }
                return null;
              }));
    }
    for (Future<?> loop : loops) {
      loop.get();
    }
  }

  /** Rounds in which every client sends one vote at the same moment, as VoteIngest's bursts. */
  private void bursts(ExecutorService pool, int clients, int rounds, int warmupRounds)
      throws Exception {
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    long burstNanos = 0;
    for (int round = 0; round < warmupRounds + rounds; round++) {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Long>> sent = new ArrayList<>();
      for (int client = 0; client < clients; client++) {
        String rater = "rater-" + client;
        sent.add(
            pool.submit(
                () -> {
                  go.await();
                  return timedVote(rater);
                }));
      }
      long start = System.nanoTime();
      go.countDown();
      List<Long> roundLatencies = new ArrayList<>();
      for (Future<Long> vote : sent) {
        roundLatencies.add(vote.get());
      }
      if (round >= warmupRounds) {
        burstNanos += System.nanoTime() - start;
        latencies.addAll(roundLatencies);
      }
    }
    double votesPerSecond = latencies.size() / (burstNanos / 1e9);
    System.out.printf(
        Locale.ROOT,
        "vote floor, bursts of %d at once, %d rounds: %.1f votes/s; p50 %.1f ms, p99 %.1f ms%n",
        clients,
        rounds,
        votesPerSecond,
        VoteIngest.percentile(latencies, 0.50),
        VoteIngest.percentile(latencies, 0.99));
    System.out.printf(Locale.ROOT, "FLOOR_BURST_VOTES_PER_SECOND=%.1f%n", votesPerSecond);
  }

  /** One vote, its time from send to answer; a refused vote is counted as a failure. */
  private long timedVote(String rater) throws Exception {
    byte[] body =
        JSON.writeValueAsBytes(
            Map.of(
                "id", UUID.randomUUID().toString(),
                "assignment", UUID.randomUUID().toString(),
                "verdicts", Map.of("overall", "tie")));
    long sent = System.nanoTime();
    PlainHttp.Answer answer = http.exchange("POST", "/votes", rater, "application/json", body);
    long took = System.nanoTime() - sent;
    if (answer.statusCode() != 201) {
      failures.incrementAndGet();
    }
    return took;
  }

  private void close() throws SQLException {
    for (Connection connection : connections) {
      connection.close();
    }
  }
}
