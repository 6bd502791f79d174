package dev.earshot.judge.scoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code parameters} object of a judge file: values by name, as Jackson reads JSON (numbers,
 * strings, lists, maps). A judge reads the ones it knows through a {@link Reader} and falls back to
 * its own defaults for the others.
 *
 * @param judgeId the judge they belong to, for error messages
 * @param values the parameters by name, in file order
 */
public record JudgeParameters(String judgeId, Map<String, Object> values) {

  public JudgeParameters {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** No parameters: the judge uses its defaults throughout. */
  public static JudgeParameters none(String judgeId) {
    return new JudgeParameters(judgeId, Map.of());
  }

  /**
   * Starts reading; the reader remembers what was read so that a misspelt name fails instead of
   * being ignored.
   */
  public Reader reader() {
    return new Reader();
  }

  /** Reads parameters by name and reports the ones nobody asked for. */
  public final class Reader {

    private final Set<String> read = new LinkedHashSet<>();

    private Reader() {}

    /**
     * The number named {@code name}, or {@code defaultValue} when the file does not set it.
     *
     * @throws IllegalArgumentException when the value is not a finite number
     */
    public double number(String name, double defaultValue) {
      read.add(name);
      Object value = values.get(name);
      if (value == null) {
        return defaultValue;
      }
      if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
        return number.doubleValue();
      }
      throw new IllegalArgumentException(
          "judge '" + judgeId + "': parameter '" + name + "' must be a number, got " + value);
    }

    /** Like {@link #number}, but the value must be above 0 (a scale, a spread, a tolerance). */
    public double positiveNumber(String name, double defaultValue) {
      double value = number(name, defaultValue);
      if (value <= 0) {
        throw new IllegalArgumentException(
            "judge '" + judgeId + "': parameter '" + name + "' must be above 0, got " + value);
      }
      return value;
    }

    /** Like {@link #number}, but the value must not be below 0 (a weight, a ratio). */
    public double nonNegativeNumber(String name, double defaultValue) {
      double value = number(name, defaultValue);
      if (value < 0) {
        throw new IllegalArgumentException(
            "judge '" + judgeId + "': parameter '" + name + "' must not be below 0, got " + value);
      }
      return value;
    }

    /**
     * Fails when the file sets a parameter that was never read: a misspelt threshold would
     * otherwise leave the judge silently on its default.
     *
     * @throws IllegalArgumentException naming the unknown and the known parameters
     */
    public void requireAllRead() {
      Set<String> unknown = new TreeSet<>(values.keySet());
      unknown.removeAll(read);
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException(
            "judge '"
                + judgeId
                + "': unknown parameters "
                + unknown
                + "; known parameters are "
                + new TreeSet<>(read));
      }
    }
  }
}
