package dev.earshot.rating.rest;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Campaigns on the demo data for tests, and the passing of listening time. */
public final class Campaigns {

  public static final List<String> DEMO_SYSTEMS =
      List.of("reference", "monotone", "wrongfacts", "noisy");

  private Campaigns() {}

  /** A demo campaign over all four systems; returns its id. */
  public static String create(List<String> raters, List<String> dimensions, int overlap) {
    return create(
        Map.of(
            "name", "test campaign",
            "dataset", "demo",
            "systems", DEMO_SYSTEMS,
            "dimensions", dimensions,
            "raters", raters,
            "overlap", overlap,
            "instructions", "Listen to both. **Prosody** first."));
  }

  public static String create(Map<String, ?> spec) {
    return given()
        .contentType(ContentType.JSON)
        .body(spec)
        .post("/api/campaigns")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /**
   * Moves the assignment's hand-out time back, as if the rater had been listening that long: the
   * server compares play reports and votes with the audio's duration.
   */
  public static void letTimePass(EntityManager em, String assignment, int seconds) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "UPDATE rating_assignment SET issued_at = issued_at - make_interval(secs => ?1)"
                            + " WHERE id = ?2")
                    .setParameter(1, seconds)
                    .setParameter(2, UUID.fromString(assignment))
                    .executeUpdate());
  }
}
