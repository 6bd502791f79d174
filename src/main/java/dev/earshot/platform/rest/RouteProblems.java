package dev.earshot.platform.rest;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem JSON written by a Vert.x route that refuses a request before any REST resource runs (and
 * before its body is read): the same answer the resources give.
 */
public final class RouteProblems {

  private RouteProblems() {}

  /**
   * Answers with the problem and closes the connection afterwards, so that the body the client may
   * still be sending is never read.
   */
  public static void refuse(RoutingContext context, int status, String title, String detail) {
    Problem problem =
        new Problem("about:blank", title, status, detail, context.request().path(), null);
    HttpServerResponse response = context.response();
    response
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .putHeader(HttpHeaders.CONNECTION, "close")
        .endHandler(ended -> context.request().connection().close())
        .end(Json.encode(problem));
  }
}
