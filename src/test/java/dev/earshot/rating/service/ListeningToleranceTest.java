package dev.earshot.rating.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListeningToleranceTest {

  @Test
  void shouldKeepTheListeningWaitInEveryProfileButBench() {
    for (String profile : List.of("prod", "test", "dev")) {
      assertThat(RatingService.listeningTolerance(List.of(profile), true))
          .as(profile)
          .isEqualTo(RatingService.LISTENING_TOLERANCE);
    }
  }

  @Test
  void shouldDropTheWaitOnlyWhenTheBenchProfileAsks() {
    assertThat(RatingService.listeningTolerance(List.of("bench"), true)).isZero();
    assertThat(RatingService.listeningTolerance(List.of("bench"), false))
        .isEqualTo(RatingService.LISTENING_TOLERANCE);
    assertThat(RatingService.listeningTolerance(List.of("prod", "bench"), true)).isZero();
  }
}
