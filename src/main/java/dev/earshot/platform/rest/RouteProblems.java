package dev.earshot.platform.rest;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Problem JSON written by a Vert.x route that refuses a request before any REST resource runs (and
 * before its body is read): the same answer the resources give.
 */
public final class RouteProblems {

  /**
   * How long a refused request's body is still taken (and thrown away) after the answer. Closing at
   * once, with the client still sending, resets the connection: a client whose write fails before
   * it has read the answer reports the reset instead of the answer (the JDK's HttpClient does, now
   * and then). Long enough for a client to read the answer and hang up.
   */
  static final long LINGER_MILLIS = 2_000;

  /** How much of a refused body is thrown away at most before the connection is closed anyway. */
  static final long LINGER_MAX_BYTES = 16L * 1024 * 1024;

  private RouteProblems() {}

  /**
   * Answers with the problem and then closes the connection, so that the body the client may still
   * be sending is never read into memory: once the client has sent the whole body, hung up, sent
   * {@link #LINGER_MAX_BYTES} more, or {@link #LINGER_MILLIS} have passed.
   */
  public static void refuse(RoutingContext context, int status, String title, String detail) {
    HttpServerRequest request = context.request();
    Problem problem = new Problem("about:blank", title, status, detail, request.path(), null);
    context
        .response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(Json.encode(problem))
        .onComplete(answered -> discardBodyThenClose(context, request));
  }

  private static void discardBodyThenClose(RoutingContext context, HttpServerRequest request) {
    if (request.isEnded()) {
      request.connection().close();
      return;
    }
    // Closing a connection the client has already closed does nothing: the timer may just run out.
    long timer = context.vertx().setTimer(LINGER_MILLIS, expired -> request.connection().close());
    Runnable close =
        () -> {
          context.vertx().cancelTimer(timer);
          request.connection().close();
        };
    AtomicLong discarded = new AtomicLong();
    request
        .handler(
            data -> {
              if (discarded.addAndGet(data.length()) > LINGER_MAX_BYTES) {
                close.run();
              }
            })
        .endHandler(ended -> close.run())
        .exceptionHandler(failed -> close.run());
    request.resume();
  }
}
