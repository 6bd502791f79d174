package dev.earshot.platform.rest;

import dev.earshot.platform.config.EarshotConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A body limit for every endpoint that takes one, enforced before the body is read: a declared
 * {@code Content-Length} above it gets 413 problem JSON at once; a chunked body is counted while it
 * streams and cut off (413 problem JSON, connection closed) when it passes the limit: by {@link
 * ChunkedBodyLimit} where the REST API reads it, by Quarkus itself (a bare 413) for readers outside
 * it (multipart forms, the web UI's servlet). The server-wide limit ({@code
 * quarkus.http.limits.max-body-size}) only has to be above the largest of these.
 */
@ApplicationScoped
public class RequestBodyLimits {

  /** Before authentication, so that an oversized body costs nothing at all. */
  static final int EARLY = Integer.MIN_VALUE + 10;

  /**
   * After Quarkus' own upload-limit route (order -2), which sets the server-wide limit that the
   * REST layer counts chunked bodies against; this route narrows it.
   */
  static final int AFTER_SERVER_LIMIT = -1;

  /** Where Quarkus REST looks for the limit of a chunked body (VertxInputStream). */
  static final String STREAMING_LIMIT_KEY = "io.quarkus.max-request-size";

  /**
   * How far above an API limit Quarkus' own cut of a chunked body sits: the REST layer counts the
   * bytes it reads and answers with problem JSON at the limit; Quarkus counts bytes received, which
   * run a few network buffers ahead, and must not answer first with its bare 413.
   */
  static final long API_STREAMING_SLACK_BYTES = 1024 * 1024;

  /** The routing-context key under which a chunked API request carries its rule. */
  static final String CHUNKED_RULE_KEY = "earshot.chunked-body-rule";

  /** A kind of endpoint and its limit; the first matching rule applies. */
  public record Rule(String name, Pattern path, long maxBytes) {
    boolean matches(String requestPath) {
      return path.matcher(requestPath).matches();
    }
  }

  /** Room for multipart boundaries and part headers around the audio parts. */
  static final long MULTIPART_FRAMING_BYTES = 64 * 1024;

  private final List<Rule> rules;

  public RequestBodyLimits(EarshotConfig config) {
    long audio = config.audio().maxBytes();
    long zip = config.datasets().maxZipBytes();
    this.rules =
        List.of(
            new Rule("audio upload", Pattern.compile("/api/audio/?"), audio),
            new Rule("audio analysis", Pattern.compile("/api/analysis/(prosody|duplex)/?"), audio),
            // Two audio parts plus the multipart framing around them.
            new Rule(
                "resynthesis analysis",
                Pattern.compile("/api/analysis/resynthesis/?"),
                2 * audio + MULTIPART_FRAMING_BYTES),
            new Rule(
                "codec resynthesis upload",
                Pattern.compile("/api/codecs/[^/]+/resyntheses/[^/]+/[^/]+/?"),
                audio + MULTIPART_FRAMING_BYTES),
            new Rule("dataset import", Pattern.compile("/api/datasets/import/?"), zip),
            new Rule(
                "reward request",
                Pattern.compile("/api/reward(/[^/]+)?/?"),
                config.reward().maxItems() * config.reward().maxItemBytes()),
            new Rule(
                "arena battle log",
                Pattern.compile("/api/arenas/[^/]+/battles/?"),
                config.limits().arenaLogBytes()),
            new Rule("JSON request", Pattern.compile("/api(/.*)?"), config.limits().jsonBytes()),
            new Rule(
                "login form",
                Pattern.compile("/j_security_check"),
                config.limits().loginFormBytes()),
            new Rule("web UI upload", Pattern.compile("/VAADIN/dynamic/resource/.*"), zip),
            new Rule("web UI message", Pattern.compile(".*"), config.limits().uiMessageBytes()));
  }

  /** The rule that applies to a request path. */
  public Rule ruleFor(String path) {
    return rules.stream()
        .filter(rule -> rule.matches(path))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the last rule matches every path"));
  }

  void register(@Observes Router router) {
    router.route().order(EARLY).handler(this::checkDeclaredLength);
    router.route().order(AFTER_SERVER_LIMIT).handler(this::limitStreaming);
  }

  private void checkDeclaredLength(RoutingContext context) {
    if (!mayHaveBody(context)) {
      context.next();
      return;
    }
    Rule rule = ruleFor(context.request().path());
    String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    long length;
    try {
      length = declared == null ? -1 : Long.parseLong(declared.strip());
    } catch (NumberFormatException e) {
      RouteProblems.refuse(context, 400, "Bad Content-Length", "Content-Length is not a number");
      return;
    }
    if (length > rule.maxBytes()) {
      RouteProblems.refuse(
          context,
          413,
          "Request too large",
          "A "
              + rule.name()
              + " may have at most "
              + rule.maxBytes()
              + " bytes; this one declares "
              + length);
      return;
    }
    context.next();
  }

  private void limitStreaming(RoutingContext context) {
    if (mayHaveBody(context)) {
      String path = context.request().path();
      Rule rule = ruleFor(path);
      boolean chunkedApiBody =
          path.startsWith("/api")
              && context.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null;
      if (chunkedApiBody) {
        context.put(CHUNKED_RULE_KEY, rule);
      }
      context.put(
          STREAMING_LIMIT_KEY,
          chunkedApiBody ? rule.maxBytes() + API_STREAMING_SLACK_BYTES : rule.maxBytes());
    }
    context.next();
  }

  private static boolean mayHaveBody(RoutingContext context) {
    HttpMethod method = context.request().method();
    return !(method.equals(HttpMethod.GET)
        || method.equals(HttpMethod.HEAD)
        || method.equals(HttpMethod.OPTIONS));
  }
}
