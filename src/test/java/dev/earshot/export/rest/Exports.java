package dev.earshot.export.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Creates exports through the API, waits for them and unpacks their archives. */
public final class Exports {

  private Exports() {}

  /** Posts the config (expecting 202) and waits until the export is done. */
  public static JsonPath export(Map<String, Object> config) {
    long id =
        given()
            .contentType(ContentType.JSON)
            .body(config)
            .when()
            .post("/api/exports")
            .then()
            .statusCode(202)
            .extract()
            .jsonPath()
            .getLong("id");
    return awaitDone(id);
  }

  public static JsonPath awaitDone(long id) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      JsonPath status =
          given().when().get("/api/exports/" + id).then().statusCode(200).extract().jsonPath();
      String state = status.getString("status");
      if ("done".equals(state)) {
        return status;
      }
      if ("failed".equals(state)) {
        throw new AssertionError("export " + id + " failed: " + status.getString("error"));
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("export " + id + " did not finish in 120 s");
  }

  public static byte[] archive(long id) {
    return given()
        .when()
        .get("/api/exports/" + id + "/archive")
        .then()
        .statusCode(200)
        .contentType("application/gzip")
        .extract()
        .asByteArray();
  }

  /** The regular files of a ustar .tar.gz by path, in archive order. */
  public static Map<String, byte[]> untar(byte[] tarGz) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (InputStream tar = new GZIPInputStream(new ByteArrayInputStream(tarGz))) {
      while (true) {
        byte[] header = tar.readNBytes(512);
        if (header.length < 512 || header[0] == 0) {
          return files;
        }
        String name = field(header, 0, 100);
        String prefix = field(header, 345, 155);
        long size = Long.parseLong(field(header, 124, 12).trim(), 8);
        byte[] content = tar.readNBytes((int) size);
        tar.readNBytes((int) ((512 - size % 512) % 512));
        files.put(prefix.isEmpty() ? name : prefix + "/" + name, content);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(byte[] content) {
    return new String(content, StandardCharsets.UTF_8);
  }

  private static String field(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
  }
}
