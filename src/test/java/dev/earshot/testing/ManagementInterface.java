package dev.earshot.testing;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/** Requests to the management interface (metrics, OpenAPI), which has a port of its own. */
public final class ManagementInterface {

  private ManagementInterface() {}

  /** A request whose relative path is resolved against the management root ({@code /q}). */
  public static RequestSpecification management() {
    // Read per call: the port is known only once the application runs.
    return given()
        .baseUri(ConfigProvider.getConfig().getValue("test.management.url", String.class))
        .port(-1);
  }
}
