package dev.earshot.reward.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Counters and timers of the reward endpoint, at {@code /q/metrics}: a trainer that gets no reward
 * goes on training without one, so failures have to show up here and in the log.
 *
 * <ul>
 *   <li>{@code earshot_reward_requests_total{profile,outcome}}: outcome {@code ok}, {@code
 *       rejected} (4xx: bad request, item, profile or key) or {@code failed} (5xx)
 *   <li>{@code earshot_reward_latency_seconds{profile,outcome}}: request latency, with histogram
 *       buckets for percentiles
 *   <li>{@code earshot_reward_items_total{profile,cache}}: items scored, {@code cache="hit"} when
 *       their judge scores came from the cache, {@code "miss"} when the judges ran
 * </ul>
 *
 * A request whose profile or key is unknown counts under {@code profile="unknown"}, so that callers
 * cannot create label values at will.
 */
@ApplicationScoped
public class RewardMetrics {

  public static final String UNKNOWN_PROFILE = "unknown";

  /** How a reward request ended. */
  public enum Outcome {
    OK("ok"),
    REJECTED("rejected"),
    FAILED("failed");

    private final String tag;

    Outcome(String tag) {
      this.tag = tag;
    }
  }

  private final MeterRegistry registry;

  public RewardMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void request(String profile, Outcome outcome, Duration latency) {
    Counter.builder("earshot.reward.requests")
        .description("Reward requests by profile and outcome")
        .tag("profile", profile)
        .tag("outcome", outcome.tag)
        .register(registry)
        .increment();
    Timer.builder("earshot.reward.latency")
        .description("Latency of reward requests")
        .tag("profile", profile)
        .tag("outcome", outcome.tag)
        .publishPercentileHistogram()
        .register(registry)
        .record(latency);
  }

  public void item(String profile, boolean cached) {
    Counter.builder("earshot.reward.items")
        .description("Reward items scored, by whether the cache answered")
        .tag("profile", profile)
        .tag("cache", cached ? "hit" : "miss")
        .register(registry)
        .increment();
  }
}
