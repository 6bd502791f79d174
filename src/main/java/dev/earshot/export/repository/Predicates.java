package dev.earshot.export.repository;

import java.util.ArrayList;
import java.util.List;

/** A conjunction of SQL conditions with their positional parameters, in order. */
record Predicates(String sql, List<Object> params) {

  /** One named filter step; a step that filters nothing is {@code TRUE}. */
  record Step(String name, String sql, List<Object> params) {

    static Step none(String name) {
      return new Step(name, "TRUE", List.of());
    }
  }

  static Predicates all(List<Step> steps) {
    List<String> sql = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    for (Step step : steps) {
      sql.add("(" + step.sql() + ")");
      params.addAll(step.params());
    }
    return new Predicates(String.join(" AND ", sql), params);
  }
}
