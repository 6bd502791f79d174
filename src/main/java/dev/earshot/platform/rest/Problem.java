package dev.earshot.platform.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 7807 problem details, the body of every error answer ({@code application/problem+json}).
 *
 * @param errors optional list of individual problems (e.g. every bad line of a dataset manifest)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 7807 problem details")
public record Problem(
    String type, String title, int status, String detail, String instance, List<?> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** The answer for a path no resource serves. */
  public static Problem notFound(String path) {
    return new Problem(
        "about:blank",
        "Not found",
        404,
        "No resource at "
            + path
            + "; see the API documentation (/q/swagger-ui on the management port, 9000 by default)",
        path,
        null);
  }
}
