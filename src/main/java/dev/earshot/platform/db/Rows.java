package dev.earshot.platform.db;

import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Reading native-query rows by column alias, never by position. */
public final class Rows {

  private Rows() {}

  /** The rows of a native query made with {@code Tuple.class}. */
  public static List<Tuple> tuples(Query query) {
    @SuppressWarnings("unchecked")
    List<Tuple> rows = query.getResultList();
    return rows;
  }

  /** A numeric column as a long: the driver returns whichever Number subclass fits its type. */
  public static long longOf(Tuple row, String alias) {
    return row.get(alias, Number.class).longValue();
  }

  /**
   * A timestamp column in UTC, or null: depending on the column type and driver path it arrives as
   * {@link OffsetDateTime}, {@link Instant} or {@link Timestamp}.
   */
  public static OffsetDateTime timeOf(Tuple row, String alias) {
    Object value = row.get(alias);
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime time) {
      return time.withOffsetSameInstant(ZoneOffset.UTC);
    }
    if (value instanceof Instant instant) {
      return instant.atOffset(ZoneOffset.UTC);
    }
    return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
  }
}
