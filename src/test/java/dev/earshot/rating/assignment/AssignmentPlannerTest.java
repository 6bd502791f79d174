package dev.earshot.rating.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssignmentPlannerTest {

  private static final int SYSTEMS = 4;
  private static final int PROMPTS = 24;

  /** A campaign simulated to the end: raters take turns and vote at once. */
  private static final class Campaign {
    final Map<Long, long[]> systemsOfPair = new HashMap<>();
    final Set<Long> goldPairs = new HashSet<>();
    final Map<Long, Integer> votes = new HashMap<>();
    final Map<String, Set<Long>> given = new HashMap<>();
    final Map<String, Integer> goldGiven = new HashMap<>();
    final SideBalance balance = new SideBalance();

    Campaign(int goldPerPrompt) {
      long id = 1;
      for (int prompt = 0; prompt < PROMPTS; prompt++) {
        for (int x = 0; x < SYSTEMS; x++) {
          for (int y = x + 1; y < SYSTEMS; y++) {
            systemsOfPair.put(id++, new long[] {x, y});
          }
        }
        for (int g = 0; g < goldPerPrompt; g++) {
          goldPairs.add(id);
          systemsOfPair.put(id++, new long[] {0, 3});
        }
      }
    }

    Optional<Choice> next(String rater, int overlap, double goldRate) {
      Set<Long> mine = given.computeIfAbsent(rater, r -> new HashSet<>());
      List<CandidatePair> candidates = new ArrayList<>();
      systemsOfPair.forEach(
          (pair, systems) -> {
            if (!mine.contains(pair)) {
              candidates.add(
                  new CandidatePair(
                      pair,
                      systems[0],
                      systems[1],
                      goldPairs.contains(pair),
                      votes.getOrDefault(pair, 0),
                      0));
            }
          });
      Optional<Choice> choice =
          AssignmentPlanner.next(rater, mine.size() + 1, overlap, goldRate, candidates, balance);
      choice.ifPresent(
          c -> {
            assertThat(mine.add(c.pairId())).as("given twice").isTrue();
            votes.merge(c.pairId(), 1, Integer::sum);
            long[] s = systemsOfPair.get(c.pairId());
            if (c.xHeardAsA()) {
              balance.record(s[0], s[1]);
            } else {
              balance.record(s[1], s[0]);
            }
            if (goldPairs.contains(c.pairId())) {
              goldGiven.merge(rater, 1, Integer::sum);
            }
          });
      return choice;
    }

    /** Raters take turns until nobody gets anything more. */
    void runToEnd(List<String> raters, int overlap, double goldRate) {
      boolean progress = true;
      while (progress) {
        progress = false;
        for (String rater : raters) {
          progress |= next(rater, overlap, goldRate).isPresent();
        }
      }
    }
  }

  @Test
  void shouldGiveEveryRegularPairExactlyTheOverlapWithoutRepeats() {
    Campaign campaign = new Campaign(0);
    campaign.runToEnd(List.of("ann", "ben", "cat", "dan", "eve"), 3, 0);
    campaign
        .systemsOfPair
        .keySet()
        .forEach(pair -> assertThat(campaign.votes.get(pair)).as("pair %d", pair).isEqualTo(3));
  }

  @Test
  void shouldGiveThePairThatMostNeedsVotes() {
    List<CandidatePair> candidates =
        List.of(
            new CandidatePair(1, 0, 1, false, 2, 0),
            new CandidatePair(2, 0, 2, false, 0, 1),
            new CandidatePair(3, 1, 2, false, 0, 0),
            new CandidatePair(4, 1, 3, false, 3, 0));
    assertThat(AssignmentPlanner.next("ann", 1, 3, 0, candidates, new SideBalance()))
        .map(Choice::pairId)
        .contains(3L);
  }

  @Test
  void shouldStopWhenEveryPairHasItsVotes() {
    List<CandidatePair> done =
        List.of(new CandidatePair(1, 0, 1, false, 3, 0), new CandidatePair(2, 0, 1, true, 0, 0));
    assertThat(AssignmentPlanner.next("ann", 7, 3, 0.5, done, new SideBalance())).isEmpty();
  }

  @Test
  void shouldHearEverySystemAsAAndAsBEquallyOften() {
    Campaign campaign = new Campaign(0);
    campaign.runToEnd(List.of("ann", "ben", "cat"), 3, 0);
    for (long system = 0; system < SYSTEMS; system++) {
      int a = campaign.balance.heardAsA(system);
      int b = campaign.balance.heardAsB(system);
      assertThat(a + b).isEqualTo(PROMPTS * (SYSTEMS - 1) * 3);
      assertThat(Math.abs(a - b))
          .as("system %d: %d as A, %d as B", system, a, b)
          .isLessThanOrEqualTo(1);
    }
  }

  @Test
  void shouldMixInGoldPairsAtTheChosenRate() {
    Campaign campaign = new Campaign(1);
    List<String> raters = List.of("ann", "ben", "cat", "dan");
    campaign.runToEnd(raters, 2, 0.2);
    for (String rater : raters) {
      int total = campaign.given.get(rater).size();
      int gold = campaign.goldGiven.getOrDefault(rater, 0);
      assertThat((double) gold)
          .as("%s: %d gold of %d", rater, gold, total)
          .isBetween(0.2 * total - 1.5, 0.2 * total + 1.5);
    }
  }

  @Test
  void shouldOrderPairsDifferentlyForDifferentRaters() {
    List<CandidatePair> fresh = new ArrayList<>();
    for (long pair = 1; pair <= 50; pair++) {
      fresh.add(new CandidatePair(pair, 0, 1, false, 0, 0));
    }
    Set<Long> firstPicks = new HashSet<>();
    for (String rater : List.of("ann", "ben", "cat", "dan", "eve", "fay")) {
      firstPicks.add(
          AssignmentPlanner.next(rater, 1, 3, 0, fresh, new SideBalance()).orElseThrow().pairId());
    }
    assertThat(firstPicks).hasSizeGreaterThan(3);
  }

  @Test
  void shouldBeDeterministic() {
    Campaign first = new Campaign(1);
    Campaign second = new Campaign(1);
    first.runToEnd(List.of("ann", "ben"), 2, 0.1);
    second.runToEnd(List.of("ann", "ben"), 2, 0.1);
    assertThat(first.given).isEqualTo(second.given);
  }
}
