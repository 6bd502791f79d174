package dev.earshot.platform.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the error answers every API operation shares, so resources declare only what is their
 * own: each 4xx/5xx response carries {@link Problem} JSON, and every operation under {@code /api}
 * lists 500, 401 and 403 when it is guarded, 404 when its path names something, and 400 when it
 * takes parameters or a body.
 *
 * <p>Runs per request of {@code /q/openapi} (80-125 ms each), not once at start-up: with no filter
 * at start-up, Quarkus does not write the whole document as JSON and as YAML on every start,
 * 0.2-0.3 s of a 3.9-4.4 s restart (BENCHMARKS.md, "Service start-up"). The document served is the
 * same.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class ProblemResponsesFilter implements OASFilter {

  private static final String PROBLEM = "Problem";
  private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

  private static final Map<String, String> DESCRIPTIONS =
      Map.ofEntries(
          Map.entry("400", "Malformed request: a parameter or the body is not what it should be"),
          Map.entry("401", "No credentials, or a wrong, expired or revoked token"),
          Map.entry("403", "The caller's role does not allow this"),
          Map.entry("404", "Nothing with that id or name"),
          Map.entry("409", "Conflicts with the current state"),
          Map.entry("413", "Too large"),
          Map.entry("415", "Unsupported content type"),
          Map.entry("416", "Range not satisfiable"),
          Map.entry("422", "Well-formed, but a value breaks a rule; errors lists each"),
          Map.entry("429", "Too many requests; slow down"),
          Map.entry("500", "Unexpected failure; the server's log has the error"),
          Map.entry("503", "Cannot be served now; retry later or fix the configuration"));

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    addProblemSchema(openAPI);
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    openAPI
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) -> {
              if (path.startsWith("/api") && item.getOperations() != null) {
                item.getOperations().values().forEach(operation -> document(path, operation));
              }
            });
  }

  private static void document(String path, Operation operation) {
    if (operation.getResponses() == null) {
      operation.setResponses(OASFactory.createAPIResponses());
    }
    APIResponses responses = operation.getResponses();
    addIfAbsent(responses, "500");
    if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
      addIfAbsent(responses, "401");
      addIfAbsent(responses, "403");
    }
    if (path.contains("{")) {
      addIfAbsent(responses, "404");
    }
    boolean takesInput =
        operation.getRequestBody() != null
            || (operation.getParameters() != null && !operation.getParameters().isEmpty());
    if (takesInput) {
      addIfAbsent(responses, "400");
    }
    responses.getAPIResponses().forEach(ProblemResponsesFilter::describeError);
  }

  private static void addIfAbsent(APIResponses responses, String status) {
    if (!responses.hasAPIResponse(status)) {
      responses.addAPIResponse(status, OASFactory.createAPIResponse());
    }
  }

  /** An error response without a body of its own gets problem JSON and, if it has none, a text. */
  private static void describeError(String status, APIResponse response) {
    if (!status.startsWith("4") && !status.startsWith("5")) {
      return;
    }
    if (response.getDescription() == null || response.getDescription().isBlank()) {
      response.setDescription(DESCRIPTIONS.getOrDefault(status, "Error"));
    }
    if (response.getContent() == null || response.getContent().getMediaTypes().isEmpty()) {
      Content problem =
          OASFactory.createContent()
              .addMediaType(
                  Problem.MEDIA_TYPE,
                  OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
      response.setContent(problem);
    }
  }

  /** The problem schema, described here since no resource annotation names the record any more. */
  private static void addProblemSchema(OpenAPI openAPI) {
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    Components components = openAPI.getComponents();
    if (components.getSchemas() != null && components.getSchemas().containsKey(PROBLEM)) {
      return;
    }
    Schema problem =
        OASFactory.createSchema()
            .addType(Schema.SchemaType.OBJECT)
            .description("RFC 7807 problem details, the body of every error answer")
            .addProperty("type", text("a URI for the problem type; about:blank here"))
            .addProperty("title", text("short summary of the problem type"))
            .addProperty(
                "status",
                OASFactory.createSchema()
                    .addType(Schema.SchemaType.INTEGER)
                    .description("the HTTP status"))
            .addProperty("detail", text("what was wrong and what to do"))
            .addProperty("instance", text("the request path"))
            .addProperty(
                "errors",
                OASFactory.createSchema()
                    .addType(Schema.SchemaType.ARRAY)
                    .items(OASFactory.createSchema())
                    .description("one entry per bad field, line or item, when there are several"))
            .required(List.of("title", "status"));
    components.addSchema(PROBLEM, problem);
  }

  private static Schema text(String description) {
    return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
  }
}
