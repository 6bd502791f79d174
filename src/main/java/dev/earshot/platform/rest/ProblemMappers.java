package dev.earshot.platform.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.earshot.platform.error.DomainException;
import dev.earshot.platform.error.Failure;
import dev.earshot.platform.error.FailureCauses;
import dev.earshot.platform.error.JsonSyntax;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every error of the REST API into RFC 7807 problem JSON. */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  /** When a caller should retry after an outage of the database. */
  public static final int RETRY_AFTER_SECONDS = 5;

  @ServerExceptionMapper
  public Response domain(DomainException e, UriInfo uri) {
    return respond(status(e.failure()), e.title(), e.getMessage(), uri, e.errors());
  }

  /** The one place where a domain failure becomes an HTTP status. */
  static int status(Failure failure) {
    return switch (failure) {
      case INVALID_REQUEST -> 400;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case TOO_LARGE -> 413;
      case RANGE_NOT_SATISFIABLE -> 416;
      case INVALID_VALUE -> 422;
      case TOO_MANY -> 429;
      case UNAVAILABLE -> 503;
      case INSUFFICIENT_STORAGE -> 507;
      case INTERNAL -> 500;
    };
  }

  @ServerExceptionMapper
  public Response validation(ConstraintViolationException e, UriInfo uri) {
    List<Map<String, String>> errors =
        e.getConstraintViolations().stream()
            .map(ProblemMappers::describe)
            .sorted((a, b) -> a.get("field").compareTo(b.get("field")))
            .toList();
    String detail =
        errors.stream()
            .map(v -> v.get("field") + ": " + v.get("message"))
            .reduce((a, b) -> a + "; " + b)
            .orElse("invalid request");
    return respond(400, "Invalid request", detail, uri, errors);
  }

  /** Says where the body failed: line, column and field path (also as the problem's errors). */
  @ServerExceptionMapper
  public Response json(JsonProcessingException e, UriInfo uri) {
    Map<String, Object> where = JsonSyntax.where(e);
    return respond(
        400,
        "Malformed JSON",
        "The request body is not the JSON this endpoint expects: " + JsonSyntax.describe(e),
        uri,
        where.isEmpty() ? null : List.of(where));
  }

  /**
   * More specific than {@link #json}: Quarkus maps this type itself, with an empty body, otherwise.
   */
  @ServerExceptionMapper
  public Response jsonShape(MismatchedInputException e, UriInfo uri) {
    return json(e, uri);
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundException e, UriInfo uri) {
    Problem problem = Problem.notFound(uri.getPath());
    return respond(404, problem.title(), problem.detail(), uri, null);
  }

  @ServerExceptionMapper
  public Response notAllowed(NotAllowedException e, UriInfo uri) {
    Response.ResponseBuilder builder =
        Response.fromResponse(
            respond(
                405,
                "Method not allowed",
                "This method is not allowed on "
                    + uri.getPath()
                    + "; allowed: "
                    + e.getResponse().getAllowedMethods(),
                uri,
                null));
    return builder.allow(e.getResponse().getAllowedMethods()).build();
  }

  @ServerExceptionMapper
  public Response unsupported(NotSupportedException e, UriInfo uri) {
    return respond(
        415,
        "Unsupported media type",
        "This endpoint does not accept the request's Content-Type; see /q/swagger-ui on the management port (9000 by default) for what it takes",
        uri,
        null);
  }

  @ServerExceptionMapper
  public Response notAcceptable(NotAcceptableException e, UriInfo uri) {
    return respond(
        406,
        "Not acceptable",
        "This endpoint cannot produce the media type asked for in Accept",
        uri,
        null);
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e, UriInfo uri) {
    // Quarkus's JSON body reader wraps a syntax or binding error in a bare 400.
    if (e.getCause() instanceof JsonProcessingException json) {
      return json(json, uri);
    }
    int status = e.getResponse().getStatus();
    String title =
        Response.Status.fromStatusCode(status) == null
            ? "Error"
            : Response.Status.fromStatusCode(status).getReasonPhrase();
    return respond(status, title, e.getMessage(), uri, null);
  }

  @ServerExceptionMapper
  public Response unexpected(RuntimeException e, UriInfo uri) {
    Optional<DomainException> known = FailureCauses.classify(e);
    if (known.isPresent()) {
      LOG.warnf("%s on %s: %s", known.get().title(), uri.getPath(), e);
      Response answer = domain(known.get(), uri);
      return known.get().failure() == Failure.UNAVAILABLE
          ? Response.fromResponse(answer).header("Retry-After", RETRY_AFTER_SECONDS).build()
          : answer;
    }
    LOG.errorf(e, "Unexpected error on %s", uri.getPath());
    return respond(
        500,
        "Internal error",
        "The server failed unexpectedly; the error is in its log. Retry, and report it if it persists.",
        uri,
        null);
  }

  private static Map<String, String> describe(ConstraintViolation<?> violation) {
    String path = violation.getPropertyPath().toString();
    // Strip "method.arg0." style prefixes: the caller knows fields, not Java parameter positions.
    int dot = path.indexOf('.');
    String field =
        dot >= 0 && path.indexOf('.', dot + 1) >= 0
            ? path.substring(path.indexOf('.', dot + 1) + 1)
            : path.substring(dot + 1);
    return Map.of("field", field, "message", violation.getMessage());
  }

  public static Response respond(
      int status, String title, String detail, UriInfo uri, List<?> errors) {
    String instance = uri == null ? null : uri.getPath();
    return Response.status(status)
        .type(Problem.MEDIA_TYPE)
        .entity(new Problem("about:blank", title, status, detail, instance, errors))
        .build();
  }
}
