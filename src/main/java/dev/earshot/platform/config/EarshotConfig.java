package dev.earshot.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/** Earshot's own settings ({@code earshot.*}). */
@ConfigMapping(prefix = "earshot")
public interface EarshotConfig {

  /** Folder for everything the service stores: embedded database ({@code pg/}) and audio. */
  @WithDefault("data")
  Path dataDir();

  /** Limits on uploaded audio. */
  Audio audio();

  /** Dataset import. */
  Datasets datasets();

  /** The demo data set loaded at start-up. */
  Demo demo();

  /** Judges declared as files. */
  Judges judges();

  /** Evaluation runs. */
  Evaluation evaluation();

  /** The speech recogniser behind the {@code transcription} judges. */
  Transcription transcription();

  /** The speech codec whose token ids TRL exports can carry ({@code codecTokens}). */
  CodecEncoder codecEncoder();

  /** Embedded PostgreSQL, used only when no JDBC URL is configured. */
  Database database();

  /**
   * An API token with the admin role for scripts and CI ({@code EARSHOT_BOOTSTRAP_ADMIN_TOKEN}).
   * Without it, the first start with no users creates user {@code admin} and prints its one-time
   * password to the log.
   */
  Optional<String> bootstrapAdminToken();

  /** Who may read what without logging in. */
  Security security();

  /** Human rating campaigns. */
  Rating rating();

  /** Leaderboards. */
  Leaderboard leaderboard();

  interface Leaderboard {
    /**
     * Rows of systems with fewer battles than this are marked {@code fewBattles} (their intervals
     * are too wide to rank them) and can be hidden.
     */
    @WithDefault("30")
    int minBattles();
  }

  /**
   * Largest request bodies, per kind of endpoint. Checked against {@code Content-Length} before
   * anything is read (413) and counted while a chunked body streams in.
   */
  Limits limits();

  interface Limits {
    /** JSON bodies of the REST API (votes, campaigns, users, tokens, profiles, ...). */
    @WithDefault("1048576")
    long jsonBytes();

    /** Arena battle logs ({@code POST /api/arenas/{name}/battles}). */
    @WithDefault("268435456")
    long arenaLogBytes();

    /** Messages of the web UI (Vaadin's own requests; uploads there use the dataset limit). */
    @WithDefault("4194304")
    long uiMessageBytes();

    /** The login form ({@code POST /j_security_check}), which must say how long it is. */
    @WithDefault("4096")
    long loginFormBytes();
  }

  interface Rating {
    /** Most votes one rater may submit per minute; more get 429. */
    @WithDefault("20")
    int maxVotesPerMinute();

    /**
     * How long an assignment nobody has voted on counts as bringing a vote; after that its pair may
     * be given to others again. The rater keeps it and can still vote.
     */
    @WithDefault("PT30M")
    java.time.Duration openAssignmentLease();

    /**
     * Lets play reports and votes come without the listening time having passed, for load
     * benchmarks only: honoured solely while the {@code bench} profile is active ({@code
     * -Dquarkus.profile=bench}); every other profile ignores it.
     */
    @WithDefault("false")
    boolean benchSkipListeningWait();
  }

  interface Security {
    /**
     * Let anyone read the leaderboard, agreement and judge-audit REST endpoints without a login.
     */
    @WithDefault("false")
    boolean publicLeaderboard();

    /**
     * Mark every cookie {@code Secure} even when a request arrives over plain HTTP, for a
     * TLS-terminating proxy that does not forward the scheme. Requests that arrive over HTTPS (or
     * are forwarded as such, with {@code quarkus.http.proxy.proxy-address-forwarding}) always get
     * {@code Secure} cookies.
     */
    @WithDefault("false")
    boolean secureCookies();

    /** Refusing repeated failed logins. */
    Login login();

    interface Login {
      /**
       * Failed logins to one account before it is locked for a while (even to the right password).
       */
      @WithDefault("5")
      int accountFailures();

      /** Failed logins from one address (to any accounts) before it is locked for a while. */
      @WithDefault("20")
      int addressFailures();

      /** First lockout; each further failure doubles it. */
      @WithDefault("PT5S")
      java.time.Duration lockout();

      /** Longest lockout; failures older than this are forgotten. */
      @WithDefault("PT15M")
      java.time.Duration maxLockout();
    }
  }

  /** The online reward endpoint for RL trainers ({@code POST /api/reward}). */
  Reward reward();

  interface Audio {
    /** Largest accepted audio file in bytes; larger uploads get 413. */
    @WithDefault("104857600")
    long maxBytes();

    /** Longest accepted audio duration in seconds; longer files get 413. */
    @WithDefault("1800")
    double maxSeconds();
  }

  interface Datasets {
    /** Largest accepted dataset zip in bytes; larger uploads get 413. */
    @WithDefault("2147483648")
    long maxZipBytes();

    /** Largest total size of the files unpacked from one zip, against zip bombs. */
    @WithDefault("8589934592")
    long maxUnpackedBytes();

    /** Most entries one dataset zip may hold. */
    @WithDefault("200000")
    int maxZipEntries();
  }

  interface Demo {
    /** Load the demo data set at start-up (idempotent: an unchanged demo is skipped). */
    @WithDefault("true")
    boolean load();

    /** Folder of the demo data set. */
    @WithDefault("datasets/demo")
    Path path();

    /**
     * Also build and load the synthetic duplex demo ({@code demo-duplex}: two-channel dialogues of
     * known timing) at start-up when it is missing.
     */
    @WithDefault("true")
    boolean duplex();

    /**
     * Also build and load the codec demo ({@code demo-codecs}: demo prompts and four SIMULATED
     * codecs of known degradation) at start-up when it is missing.
     */
    @WithDefault("true")
    boolean codecs();

    /**
     * Run every runnable judge on the demo once, in the background, when it has never been
     * evaluated, so that a first start shows scores and judge leaderboards.
     */
    @WithDefault("true")
    boolean evaluate();
  }

  interface Judges {
    /** Folder of the judge files ({@code <id>.json}); read at start-up. */
    @WithDefault("judges")
    Path dir();

    /** The language model behind the {@code llm} judges; they run only when it is configured. */
    Llm llm();

    interface Llm {
      /**
       * API root that {@code /chat/completions} is appended to, e.g. {@code http://host:8000/v1}.
       */
      Optional<URI> baseUrl();

      /** Model name sent with every request; part of every llm judge's version. */
      Optional<String> model();

      /** Bearer token for the endpoint; never logged. */
      Optional<String> apiKey();

      /** Limit for one request, from sending to the complete answer. */
      @WithDefault("PT120S")
      java.time.Duration requestTimeout();

      /** Requests in flight at once, over all llm judges of this instance. */
      @WithDefault("4")
      int maxConcurrency();

      /** Attempts per request for transport failures and, separately, for unusable answers. */
      @WithDefault("4")
      int maxAttempts();

      /** Send {@code response_format: json_object}; only for servers that support it. */
      @WithDefault("false")
      boolean jsonMode();
    }
  }

  interface Transcription {
    /**
     * API root that {@code /audio/transcriptions} is appended to, e.g. {@code
     * http://127.0.0.1:8178/v1} ({@code EARSHOT_TRANSCRIPTION_URL}); the transcription judges run
     * only when it is set.
     */
    Optional<URI> url();

    /** Model name sent with every request; part of every transcription judge's version. */
    @WithDefault("whisper-1")
    String model();

    /** Bearer token for the endpoint; never logged. */
    Optional<String> apiKey();

    /** Limit for one request, from sending to the complete answer. */
    @WithDefault("PT60S")
    java.time.Duration requestTimeout();

    /** Requests in flight at once, over all transcription judges of this instance. */
    @WithDefault("2")
    int maxConcurrency();

    /** Attempts per request for transport failures (408, 429, 5xx, timeouts, I/O errors). */
    @WithDefault("4")
    int maxAttempts();
  }

  interface CodecEncoder {
    /**
     * The encoder's ONNX file ({@code EARSHOT_CODEC_ENCODER_PATH}): input float waveform {@code [1,
     * samples]} at {@code sample-rate}, output int64 token ids {@code [codebooks, frames]}. Unset,
     * or the file absent: "not configured".
     */
    Optional<Path> path();

    /** The sample rate the encoder takes; audio is resampled to it. */
    @WithDefault("24000")
    int sampleRate();

    /**
     * Token frames per second; the waveform is zero-padded to a whole number of frames of {@code
     * sample-rate / frame-rate} samples (which must be a whole number).
     */
    @WithDefault("75")
    double frameRate();
  }

  interface Evaluation {
    /** Worker threads of this instance that run evaluation jobs (0: this instance only queues). */
    @WithDefault("2")
    int workers();

    /**
     * How long a claimed job stays with its worker unless renewed; the worker renews it every third
     * of this while its judge works, so only a worker that stopped answering loses its job.
     */
    @WithDefault("PT30S")
    java.time.Duration lease();

    /**
     * On shutdown, how long running jobs may take to finish; jobs still running after it go back to
     * the queue without counting an attempt.
     */
    @WithDefault("PT10S")
    java.time.Duration shutdownGrace();

    /** How often an idle worker looks for new jobs. */
    @WithDefault("PT0.5S")
    java.time.Duration pollInterval();

    /**
     * Attempts before a job is marked failed (its last error is kept); a lease that ran out counts
     * as an attempt, a job given back on shutdown does not.
     */
    @WithDefault("3")
    int maxAttempts();
  }

  interface Reward {
    /** Threads that score the items of a batched request in parallel; unset: one per CPU core. */
    OptionalInt threads();

    /** Items whose judge scores are kept in memory; the least recently used are dropped first. */
    @WithDefault("10000")
    int cacheSize();

    /** Most queries one request may hold. */
    @WithDefault("512")
    int maxItems();

    /**
     * Largest share of a reward request per query (base64 audio and text): a request may be up to
     * {@code max-items} times this.
     */
    @WithDefault("3145728")
    long maxItemBytes();

    /**
     * Create the profile {@code demo} (prosody, quality and content judges, equal weights) at
     * start-up when it is missing, so the endpoint answers out of the box.
     */
    @WithDefault("true")
    boolean demoProfile();
  }

  interface Database {
    /** Embedded PostgreSQL settings. */
    Embedded embedded();

    interface Embedded {
      /** Delete the embedded database on every start (tests: one fresh database per run). */
      @WithDefault("false")
      boolean ephemeral();

      /**
       * How long a postmaster that died stays down before the service starts it again (same folder,
       * port and credentials). Read at start-up, before this mapping exists; declared here so the
       * key is known and documented.
       */
      @WithDefault("1s")
      java.time.Duration restartDelay();
    }
  }
}
