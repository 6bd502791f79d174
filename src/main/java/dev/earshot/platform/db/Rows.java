package dev.earshot.platform.db;

import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
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
}
