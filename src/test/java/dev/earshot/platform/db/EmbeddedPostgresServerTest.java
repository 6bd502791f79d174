package dev.earshot.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.platform.config.SecretFiles;
import dev.earshot.platform.db.EmbeddedPostgresServer.Login;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

  @TempDir Path dataDir;

  @Test
  void shouldKeepCommittedDataAcrossRestarts() throws Exception {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, false);
        Connection connection = server.connect(server.serviceLogin());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE vote (id INT PRIMARY KEY)");
      statement.execute("INSERT INTO vote VALUES (42)");
    }
    assertThat(dataDir.resolve("pg/postmaster.pid")).doesNotExist();

    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, false);
        Connection connection = server.connect(server.serviceLogin());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id FROM vote")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(42);
    }
  }

  @Test
  void shouldStartAKilledPostmasterAgainWithItsDataPortAndPasswords() throws Exception {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, false)) {
      try (Connection connection = server.connect(server.serviceLogin());
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE vote (id INT PRIMARY KEY)");
        statement.execute("INSERT INTO vote VALUES (7)");
      }
      long killed = server.postmasterPid();
      ProcessHandle.of(killed).orElseThrow().destroyForcibly();

      try (Connection connection = connectWithin(server, Duration.ofSeconds(90));
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT id FROM vote")) {
        assertThat(server.postmasterPid()).isNotEqualTo(killed);
        assertThat(rows.next()).isTrue();
        assertThat(rows.getInt(1)).isEqualTo(7);
      }
    }
    assertThat(dataDir.resolve("pg/postmaster.pid")).doesNotExist();
  }

  /** Connects as the service, trying again while the server is down (bounded wait). */
  private static Connection connectWithin(EmbeddedPostgresServer server, Duration wait)
      throws Exception {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      try {
        return server.connect(server.serviceLogin());
      } catch (SQLException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }

  @Test
  void shouldStartEphemeralServerOnFreshDirectory() throws Exception {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, true);
        Connection connection = server.connect(server.serviceLogin());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE leftover (id INT)");
    }
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, true);
        Connection connection = server.connect(server.serviceLogin());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT to_regclass('leftover') IS NULL")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getBoolean(1)).isTrue();
    }
    assertThat(Files.exists(dataDir.resolve("pg"))).isFalse();
  }

  @Test
  void shouldRefuseEveryConnectionWithoutThePassword() throws Exception {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, false)) {
      assertRefusesPasswordless(server);
      assertThat(Files.readString(dataDir.resolve("pg/pg_hba.conf"))).doesNotContain("trust");
    }
  }

  @Test
  void shouldConnectTheServiceAsSchemaOwnerWithoutSuperuserPowers() throws Exception {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, false);
        Connection connection = server.connect(server.serviceLogin());
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT rolsuper, pg_get_userbyid(n.nspowner) AS owner FROM pg_roles r,"
                    + " pg_namespace n WHERE r.rolname = current_user AND n.nspname = 'public'")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getBoolean("rolsuper")).isFalse();
      assertThat(rows.getString("owner")).isEqualTo(EmbeddedPostgresServer.SERVICE_ROLE);
      assertThatThrownBy(() -> statement.execute("COPY (SELECT 1) TO PROGRAM 'true'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("must be superuser");
    }
  }

  @Test
  void shouldKeepPasswordsInOwnerOnlyFiles() {
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, false)) {
      for (String name :
          new String[] {
            EmbeddedPostgresServer.SUPERUSER_PASSWORD_FILE,
            EmbeddedPostgresServer.SERVICE_PASSWORD_FILE,
            EmbeddedPostgresServer.PGPASS_FILE
          }) {
        Path file = SecretFiles.path(dataDir, name);
        assertThat(PosixFilePermissions.toString(permissionsOf(file))).isEqualTo("rw-------");
      }
      assertThat(SecretFiles.readOrCreate(SecretFiles.path(dataDir, "postgres-earshot.password")))
          .isEqualTo(server.serviceLogin().password())
          .hasSizeGreaterThanOrEqualTo(40);
    }
  }

  @Test
  void shouldUpgradeAFolderThatTrustedEveryone() throws Exception {
    Path pg = dataDir.resolve("pg");
    // The settings of earlier versions: zonky's defaults, trust for everyone, superuser login.
    try (EmbeddedPostgres old =
            EmbeddedPostgres.builder().setDataDirectory(pg).setCleanDataDirectory(false).start();
        Connection connection =
            DriverManager.getConnection(old.getJdbcUrl("postgres", "postgres"));
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE vote (id BIGINT GENERATED ALWAYS AS IDENTITY, rater TEXT)");
      statement.execute("INSERT INTO vote (rater) VALUES ('ann')");
    }
    assertThat(Files.readString(pg.resolve("pg_hba.conf"))).contains("trust");

    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, false)) {
      assertThat(Files.readString(pg.resolve("pg_hba.conf"))).doesNotContain("trust");
      assertRefusesPasswordless(server);
      try (Connection connection = server.connect(server.serviceLogin());
          Statement statement = connection.createStatement()) {
        statement.execute("INSERT INTO vote (rater) VALUES ('bob')");
        ResultSet rows =
            statement.executeQuery(
                "SELECT count(*) AS votes, pg_get_userbyid(c.relowner) AS owner FROM vote,"
                    + " pg_class c WHERE c.oid = 'vote'::regclass GROUP BY c.relowner");
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong("votes")).isEqualTo(2);
        assertThat(rows.getString("owner")).isEqualTo(EmbeddedPostgresServer.SERVICE_ROLE);
      }
      try (Connection maintenance = server.connect(server.superuserLogin())) {
        assertThat(maintenance.isValid(5)).isTrue();
      }
    }
  }

  private static java.util.Set<java.nio.file.attribute.PosixFilePermission> permissionsOf(
      Path file) {
    try {
      return Files.getPosixFilePermissions(file);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void assertRefusesPasswordless(EmbeddedPostgresServer server) throws Exception {
    for (String user : new String[] {"postgres", "earshot"}) {
      assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), user, null).close())
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("password");
      assertThatThrownBy(() -> server.connect(new Login(user, "not-the-password")).close())
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("password authentication failed");
    }
    assertThat(socketAuthenticationRequest(server)).isEqualTo(SASL_REQUEST);
  }

  /** PostgreSQL's authentication request codes: 0 = in without a password, 10 = SCRAM. */
  private static final int SASL_REQUEST = 10;

  /**
   * Opens the server's Unix socket and sends a startup message for the superuser, as {@code psql}
   * without a password would; returns the server's first authentication request code.
   */
  private static int socketAuthenticationRequest(EmbeddedPostgresServer server) throws Exception {
    String directory;
    int port;
    try (Connection connection = server.connect(server.superuserLogin());
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT split_part(current_setting('unix_socket_directories'), ',', 1) AS dir,"
                    + " current_setting('port')::int AS port")) {
      rows.next();
      directory = rows.getString("dir").strip();
      port = rows.getInt("port");
    }
    Path socket = Path.of(directory, ".s.PGSQL." + port);
    assertThat(socket).exists();
    try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
      byte[] parameters =
          "user\0postgres\0database\0postgres\0\0".getBytes(StandardCharsets.US_ASCII);
      ByteBuffer startup = ByteBuffer.allocate(8 + parameters.length);
      startup.putInt(8 + parameters.length).putInt(196608).put(parameters).flip();
      channel.write(startup);
      ByteBuffer answer = ByteBuffer.allocate(9);
      while (answer.hasRemaining() && channel.read(answer) >= 0) {
        // read the message type, length and request code
      }
      answer.flip();
      assertThat((char) answer.get()).as("an authentication request").isEqualTo('R');
      answer.getInt();
      return answer.getInt();
    }
  }
}
