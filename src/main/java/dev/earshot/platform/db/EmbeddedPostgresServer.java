package dev.earshot.platform.db;

import dev.earshot.platform.config.SecretFiles;
import dev.earshot.platform.io.DataFolderLock;
import dev.earshot.platform.io.Folders;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Runs PostgreSQL from the zonky binaries when no JDBC URL is configured, so that one command
 * starts the whole service. The data directory is persistent; the server runs with durability
 * settings (fsync, synchronous commit) because zonky's test defaults would lose acknowledged
 * writes.
 *
 * <p>Every connection needs a password (SCRAM), also over the Unix socket, and the server listens
 * on 127.0.0.1 only. The superuser {@code postgres} is for maintenance; the service connects as
 * {@link #SERVICE_ROLE}, which owns the schema but has no superuser powers. Both passwords are
 * random, made on first start and kept in {@code <data-dir>/secrets/}. A folder set up by an
 * earlier version (with {@code trust}) is upgraded on its next start.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  /** The role the service (and Flyway) connects as. */
  public static final String SERVICE_ROLE = "earshot";

  /** The maintenance superuser. */
  public static final String SUPERUSER = "postgres";

  /** Password files in {@code <data-dir>/secrets/}. */
  public static final String SUPERUSER_PASSWORD_FILE = "postgres-superuser.password";

  public static final String SERVICE_PASSWORD_FILE = "postgres-earshot.password";

  /** Both logins in the password-file format of libpq and the JDBC driver ({@code PGPASSFILE}). */
  public static final String PGPASS_FILE = "pgpass";

  private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);
  private static final String DATABASE = "postgres";
  private static final String SCRAM = "scram-sha-256";
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
  private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);
  private static final Duration RELOAD_WAIT = Duration.ofSeconds(10);

  /** How long a dead postmaster stays down before the supervisor starts it again, by default. */
  public static final Duration DEFAULT_RESTART_DELAY = Duration.ofSeconds(1);

  /**
   * How a connection without a password is refused: pgjdbc's "server requested a password" (08004)
   * or the server's authentication failures.
   */
  private static final Set<String> PASSWORD_REQUIRED = Set.of("08004", "28000", "28P01");

  private static final Pattern TRUST_LINE =
      Pattern.compile("^\\s*(local|host\\w*)\\s.*\\btrust\\b.*$", Pattern.MULTILINE);

  private static final String PG_HBA =
      """
      # Written by Earshot on every start: every connection needs a password.
      # The passwords are in <data-dir>/secrets/ (see the README, "Database maintenance").
      local all all scram-sha-256
      host  all all 127.0.0.1/32 scram-sha-256
      """;

  /**
   * Makes {@link #SERVICE_ROLE} exist and own the schema and everything in it, including what an
   * earlier version created as {@code postgres}. Sequences that belong to a table follow it.
   */
  private static final String SERVICE_ROLE_OWNS_SCHEMA =
      """
      DO $$
      DECLARE
        relation record;
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'earshot') THEN
          CREATE ROLE earshot LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
        END IF;
        ALTER SCHEMA public OWNER TO earshot;
        REVOKE CREATE ON SCHEMA public FROM PUBLIC;
        FOR relation IN
          SELECT c.oid::regclass AS name, c.relkind AS kind FROM pg_class c
           WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')
             AND c.relowner <> 'earshot'::regrole
        LOOP
          EXECUTE format('ALTER %s %s OWNER TO earshot',
              CASE relation.kind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                 ELSE 'TABLE' END,
              relation.name);
        END LOOP;
        FOR relation IN
          SELECT c.oid::regclass AS name FROM pg_class c
           WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S'
             AND c.relowner <> 'earshot'::regrole
        LOOP
          EXECUTE format('ALTER SEQUENCE %s OWNER TO earshot', relation.name);
        END LOOP;
      END $$
      """;

  /** A role and its password. */
  public record Login(String user, String password) {
    @Override
    public String toString() {
      return "Login[" + user + "]";
    }
  }

  private final EmbeddedPostgres postgres;
  private final Path pgDirectory;
  private final Login superuser;
  private final Login service;
  private final Path passwordFile;
  private final PostmasterSupervisor supervisor;

  private EmbeddedPostgresServer(
      EmbeddedPostgres postgres,
      PostmasterSupervisor supervisor,
      Path pgDirectory,
      Login superuser,
      Login service,
      Path passwordFile) {
    this.postgres = postgres;
    this.supervisor = supervisor;
    this.passwordFile = passwordFile;
    this.pgDirectory = pgDirectory;
    this.superuser = superuser;
    this.service = service;
  }

  /**
   * Starts a server on {@code <dataDir>/pg}; initialises it on first use and keeps it afterwards.
   * Takes the data folder's lock first ({@link DataFolderLock}): a folder in use by another process
   * is refused before anything in it is touched.
   *
   * @param ephemeral when true the database is deleted on close (fresh database per test run)
   */
  public static EmbeddedPostgresServer start(Path dataDir, boolean ephemeral) {
    return start(dataDir, ephemeral, DEFAULT_RESTART_DELAY);
  }

  /**
   * Like {@link #start(Path, boolean)}; a postmaster that dies later is started again (see {@link
   * PostmasterSupervisor}) after {@code restartDelay}.
   */
  public static EmbeddedPostgresServer start(
      Path dataDir, boolean ephemeral, Duration restartDelay) {
    DataFolderLock.acquire(dataDir);
    Path pgDirectory = dataDir.resolve("pg");
    Path superuserPasswordFile =
        SecretFiles.path(dataDir, SUPERUSER_PASSWORD_FILE).toAbsolutePath();
    Login superuser = new Login(SUPERUSER, SecretFiles.readOrCreate(superuserPasswordFile));
    Login service =
        new Login(
            SERVICE_ROLE,
            SecretFiles.readOrCreate(SecretFiles.path(dataDir, SERVICE_PASSWORD_FILE)));
    try {
      // Safe only because this process holds the folder's lock: no live Earshot owns it.
      stopOrphanedPostmaster(pgDirectory);
      if (ephemeral) {
        Folders.deleteRecursively(pgDirectory);
      }
      Files.createDirectories(pgDirectory);
      boolean trusting = trustsAnyone(pgDirectory);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(pgDirectory)
              .setCleanDataDirectory(ephemeral)
              .setPGStartupWait(STARTUP_WAIT)
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("password_encryption", SCRAM)
              .setServerConfig("fsync", ephemeral ? "off" : "on")
              .setServerConfig("synchronous_commit", ephemeral ? "off" : "on")
              .setServerConfig("full_page_writes", ephemeral ? "off" : "on")
              .setServerConfig("max_connections", "100")
              // A kept database is stopped by the service after its workers (see
              // EmbeddedPostgresHolder); zonky's own hook would stop it while they still run,
              // and for an ephemeral one without stopping the supervisor first (below).
              .setRegisterShutdownHook(false)
              // initdb options (zonky appends its "locale" options after its own "-A trust", so
              // these win): password authentication from the first start on.
              .setLocaleConfig("auth", SCRAM)
              .setLocaleConfig("pwfile", superuserPasswordFile.toString())
              .setConnectConfig("password", superuser.password())
              // An old trusting folder keeps its rules until the passwords are set (upgrade).
              .setDataDirectoryCustomizer(
                  folder -> {
                    if (!trusting) {
                      writePasswordOnlyRules(folder.toPath());
                    }
                  })
              .start();
      Path passwordFile = SecretFiles.path(dataDir, PGPASS_FILE);
      SecretFiles.write(
          passwordFile,
          "127.0.0.1:*:*:%s:%s%n127.0.0.1:*:*:%s:%s%n"
              .formatted(SERVICE_ROLE, service.password(), SUPERUSER, superuser.password()));
      EmbeddedPostgresServer server =
          new EmbeddedPostgresServer(
              postgres,
              new PostmasterSupervisor(pgDirectory, restartDelay),
              pgDirectory,
              superuser,
              service,
              passwordFile);
      try {
        server.provision(trusting);
      } catch (SQLException | IOException | RuntimeException e) {
        server.close();
        throw e;
      }
      if (ephemeral) {
        Runtime.getRuntime()
            .addShutdownHook(new Thread(server::close, "earshot-ephemeral-postgres-stop"));
      }
      LOG.infof(
          "Embedded PostgreSQL started on 127.0.0.1:%d with data in %s",
          postgres.getPort(), pgDirectory);
      return server;
    } catch (IOException | SQLException e) {
      throw new IllegalStateException(
          "Could not start the embedded PostgreSQL in "
              + pgDirectory
              + "; check that the folder is writable and that "
              + superuserPasswordFile
              + " is the password it was set up with, or configure quarkus.datasource.jdbc.url",
          e);
    }
  }

  /** Whether the folder's pg_hba.conf lets anyone in without a password (an earlier version). */
  private static boolean trustsAnyone(Path pgDirectory) throws IOException {
    Path rules = pgDirectory.resolve("pg_hba.conf");
    return Files.isRegularFile(rules)
        && TRUST_LINE.matcher(Files.readString(rules, StandardCharsets.UTF_8)).find();
  }

  private static void writePasswordOnlyRules(Path pgDirectory) {
    try {
      Files.writeString(pgDirectory.resolve("pg_hba.conf"), PG_HBA, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + pgDirectory.resolve("pg_hba.conf"), e);
    }
  }

  /**
   * Sets up the service role (every start: cheap, and it heals a lost password file) and, for a
   * folder that trusted everyone, sets the superuser's password and turns password checks on.
   * Passwords are hashed here (SCRAM) before they are sent, so no statement holds one.
   */
  private void provision(boolean trusting) throws SQLException, IOException {
    try (Connection connection = connect(superuser);
        Statement statement = connection.createStatement()) {
      PGConnection pg = connection.unwrap(PGConnection.class);
      if (trusting) {
        pg.alterUserPassword(SUPERUSER, superuser.password().toCharArray(), SCRAM);
      }
      statement.execute(SERVICE_ROLE_OWNS_SCHEMA);
      pg.alterUserPassword(SERVICE_ROLE, service.password().toCharArray(), SCRAM);
      if (trusting) {
        writePasswordOnlyRules(pgDirectory);
        statement.execute("SELECT pg_reload_conf()");
        awaitPasswordCheck();
        LOG.info("Embedded PostgreSQL upgraded: every connection now needs a password");
      }
    }
  }

  /** The reload is asynchronous: wait until a connection without a password is refused. */
  private void awaitPasswordCheck() throws SQLException {
    long deadline = System.nanoTime() + RELOAD_WAIT.toNanos();
    while (acceptsWithoutPassword()) {
      if (System.nanoTime() > deadline) {
        throw new SQLException("PostgreSQL still accepts connections without a password");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("Interrupted while PostgreSQL reloads its rules", e);
      }
    }
  }

  private boolean acceptsWithoutPassword() throws SQLException {
    try {
      DriverManager.getConnection(jdbcUrl(), SUPERUSER, null).close();
      return true;
    } catch (SQLException e) {
      if (PASSWORD_REQUIRED.contains(e.getSQLState())) {
        return false;
      }
      throw e;
    }
  }

  /**
   * A service killed with SIGKILL leaves its postmaster running on the data directory, and a new
   * one would refuse to start. Stop it first: the caller holds the data folder's lock, so no live
   * Earshot uses that postmaster.
   */
  private static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      return;
    }
    Optional<ProcessHandle> postmaster =
        ProcessHandle.of(pid)
            .filter(ProcessHandle::isAlive)
            .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    if (postmaster.isEmpty()) {
      return;
    }
    LOG.warnf("Stopping orphaned embedded PostgreSQL (pid %d) left by an earlier run", pid);
    ProcessHandle process = postmaster.get();
    process.destroy();
    try {
      process.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IOException(
          "Orphaned PostgreSQL (pid " + pid + ") did not stop; stop it by hand", e);
    }
  }

  /** JDBC URL of the {@code postgres} database, without credentials. */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
  }

  /** The role and password the service connects with. */
  public Login serviceLogin() {
    return service;
  }

  /** The password file ({@code PGPASSFILE}) holding both logins, for the driver and psql. */
  public Path passwordFile() {
    return passwordFile;
  }

  /** The superuser and its password, for maintenance. */
  public Login superuserLogin() {
    return superuser;
  }

  /** A new connection as {@code login}. */
  public Connection connect(Login login) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), login.user(), login.password());
  }

  /** The process id of the running postmaster (it changes when the supervisor restarts it). */
  public long postmasterPid() {
    return supervisor.postmasterPid();
  }

  @Override
  public void close() {
    // First, so that the server stopped below is not started again.
    supervisor.close();
    try {
      postgres.close();
      LOG.info("Embedded PostgreSQL stopped");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
    }
  }
}
