package dev.earshot.reward.rest;

import dev.earshot.platform.rest.RouteProblems;
import dev.earshot.reward.service.RewardKeys;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Checks the key of {@code POST /api/reward/{profileKey}} before a byte of the body is read: the
 * key is the only credential of that endpoint, so an unknown or revoked one is refused (404,
 * connection closed) without the request costing memory or time. The input is paused while the key
 * is looked up, so nothing is buffered meanwhile.
 */
@ApplicationScoped
public class RewardKeyGate {

  /** Among the routes before the REST layer, after authentication (like the body limits). */
  private static final int ORDER = -1;

  private final RewardKeys keys;

  public RewardKeyGate(RewardKeys keys) {
    this.keys = keys;
  }

  void register(@Observes Router router) {
    router
        .routeWithRegex(HttpMethod.POST, "/api/reward/[^/]+/?")
        .order(ORDER)
        .handler(this::checkKey);
  }

  private void checkKey(RoutingContext context) {
    String path = context.request().path();
    String profileKey = path.substring("/api/reward/".length()).replace("/", "");
    context.request().pause();
    context
        .vertx()
        .executeBlocking(() -> keys.isActive(profileKey), false)
        .onComplete(
            checked -> {
              if (checked.succeeded() && checked.result()) {
                context.next();
              } else if (checked.succeeded()) {
                RouteProblems.refuse(
                    context,
                    404,
                    "Unknown reward key",
                    "No active reward key matches this URL: it was mistyped or revoked. Create a"
                        + " key with POST /api/reward-profiles/{name}/keys");
              } else {
                context.fail(checked.cause());
              }
            });
  }
}
