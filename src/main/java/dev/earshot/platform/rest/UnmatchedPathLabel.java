package dev.earshot.platform.rest;

import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Keeps raw paths out of the HTTP metrics. Micrometer labels a request with the route template that
 * Quarkus REST puts in the request context ({@code /api/reward/{profileKey}}), and with the raw
 * path when there is none: a reward key, or any junk path a caller invents, would become a label
 * value. Every request starts with one shared label; Quarkus REST replaces it with the template
 * when a resource matches (also when authentication refuses the request).
 */
@ApplicationScoped
class UnmatchedPathLabel {

  /**
   * The label of every request that no REST route template matched (UI pages, unknown paths);
   * Micrometer shows it as {@code /UNMATCHED}.
   */
  static final String UNMATCHED = "UNMATCHED";

  /** The request-context key that Quarkus REST writes and Micrometer reads. */
  private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

  void install(@Observes Router router) {
    // First of all routes: before the body handler and authentication, which can end a request.
    router
        .route()
        .order(Integer.MIN_VALUE)
        .handler(
            context -> {
              ((HttpServerRequestInternal) context.request())
                  .context()
                  .putLocal(URL_PATH_TEMPLATE, UNMATCHED);
              context.next();
            });
  }
}
