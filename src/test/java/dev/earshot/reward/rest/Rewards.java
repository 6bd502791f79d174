package dev.earshot.reward.rest;

import static dev.earshot.testing.ManagementInterface.management;
import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/** Calls of the reward API and readings of its metrics, for the reward tests. */
final class Rewards {

  static final ObjectMapper JSON = new ObjectMapper();

  private Rewards() {}

  static ExtractableResponse<Response> post(String path, Object body) {
    return given().contentType(ContentType.JSON).body(body).when().post(path).then().extract();
  }

  /** The body parsed by Jackson, so numbers are the doubles that were sent. */
  static JsonNode json(ExtractableResponse<Response> response) {
    try {
      return JSON.readTree(response.asByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** A demo response's WAV file, stored by the demo import under its SHA-256. */
  static byte[] demoResponse(String system, String prompt) {
    try {
      return Files.readAllBytes(Path.of("datasets/demo/responses", system, prompt + ".wav"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The value of a Prometheus sample on the management interface whose labels include {@code
   * labels}, 0 when there is none yet.
   */
  static double metric(String name, Map<String, String> labels) {
    String text = management().get("metrics").then().statusCode(200).extract().asString();
    return text.lines()
        .filter(line -> line.startsWith(name + "{"))
        .filter(
            line ->
                labels.entrySet().stream()
                    .allMatch(l -> line.contains(l.getKey() + "=\"" + l.getValue() + "\"")))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }
}
