package dev.earshot.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

  @TempDir Path dataDir;

  @Test
  void shouldKeepCommittedDataAcrossRestarts() throws Exception {
    Path pg = dataDir.resolve("pg");
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(pg, false);
        Connection connection = DriverManager.getConnection(server.jdbcUrl());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE vote (id INT PRIMARY KEY)");
      statement.execute("INSERT INTO vote VALUES (42)");
    }
    assertThat(pg.resolve("postmaster.pid")).doesNotExist();

    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(pg, false);
        Connection connection = DriverManager.getConnection(server.jdbcUrl());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id FROM vote")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(42);
    }
  }

  @Test
  void shouldStartEphemeralServerOnFreshDirectory() throws Exception {
    Path pg = dataDir.resolve("pg-ephemeral");
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(pg, true);
        Connection connection = DriverManager.getConnection(server.jdbcUrl());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE leftover (id INT)");
    }
    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(pg, true);
        Connection connection = DriverManager.getConnection(server.jdbcUrl());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT to_regclass('leftover') IS NULL")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getBoolean(1)).isTrue();
    }
    assertThat(Files.exists(pg)).isFalse();
  }
}
