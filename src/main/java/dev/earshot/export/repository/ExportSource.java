package dev.earshot.export.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Opens {@link ExportSnapshot}s on a connection of their own. */
@ApplicationScoped
public class ExportSource {

  private final DataSource dataSource;

  public ExportSource(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public ExportSnapshot open() throws SQLException {
    Connection connection = dataSource.getConnection();
    try {
      return new ExportSnapshot(connection);
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }
}
