package dev.earshot.platform.rest;

import dev.earshot.platform.error.DomainException;
import dev.earshot.platform.rest.RequestBodyLimits.Rule;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Counts a chunked API body (one without {@code Content-Length}) while the REST layer reads it and
 * refuses it with 413 problem JSON, closing the connection, as soon as it passes its endpoint's
 * limit: the same answer a declared length above the limit gets from {@link RequestBodyLimits}.
 */
public class ChunkedBodyLimit {

  @ServerRequestFilter
  public void limit(ContainerRequestContext request, RoutingContext routing) {
    Rule rule = routing.get(RequestBodyLimits.CHUNKED_RULE_KEY);
    if (rule != null) {
      request.setEntityStream(new CountingStream(request.getEntityStream(), rule, routing));
    }
  }

  /** Passes the body through and throws once more than the rule's bytes have been read. */
  private static final class CountingStream extends FilterInputStream {
    private final Rule rule;
    private final RoutingContext routing;
    private long read;

    CountingStream(InputStream body, Rule rule, RoutingContext routing) {
      super(body);
      this.rule = rule;
      this.routing = routing;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      count(Math.max(n, 0));
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count(skipped);
      return skipped;
    }

    private void count(long bytes) {
      read += bytes;
      if (read > rule.maxBytes()) {
        // The rest of the body is never read: the connection ends with the answer.
        routing.response().putHeader(HttpHeaders.CONNECTION, "close");
        routing.addEndHandler(ended -> routing.request().connection().close());
        throw DomainException.tooLarge(
            "Request too large",
            "A "
                + rule.name()
                + " may have at most "
                + rule.maxBytes()
                + " bytes; this one sent more");
      }
    }
  }
}
