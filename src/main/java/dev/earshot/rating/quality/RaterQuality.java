package dev.earshot.rating.quality;

import dev.earshot.rating.quality.Verdicts.Preference;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How trustworthy each rater of a campaign looks: accuracy on gold pairs (where the better response
 * is known), agreement with the majority of the other raters on the same pair and dimension, and
 * the median time spent per item. Rushing raters and raters who disagree with everyone show here.
 */
public final class RaterQuality {

  /**
   * One verdict of one rater on one pair and dimension, turned to the pair's own order.
   *
   * @param goldAnswer for a gold pair's known dimension, the right answer; empty otherwise
   */
  public record Judgement(
      String rater,
      long pairId,
      String dimension,
      Preference preference,
      Optional<Preference> goldAnswer,
      long elapsedMs) {}

  /**
   * A rater's record.
   *
   * @param goldAccuracy share of gold answers right; null without gold votes
   * @param majorityAgreement share of items with a strict majority among the other raters on which
   *     this rater agrees with it; null when there is no such item
   */
  public record Report(
      String rater,
      int items,
      int goldVotes,
      Double goldAccuracy,
      int comparedWithMajority,
      Double majorityAgreement,
      double medianSecondsPerItem) {}

  private RaterQuality() {}

  public static List<Report> of(List<Judgement> judgements) {
    Map<String, List<Judgement>> byItem = new HashMap<>();
    Map<String, List<Judgement>> byRater = new TreeMap<>();
    for (Judgement j : judgements) {
      if (j.goldAnswer().isEmpty()) {
        byItem.computeIfAbsent(j.pairId() + "/" + j.dimension(), k -> new ArrayList<>()).add(j);
      }
      byRater.computeIfAbsent(j.rater(), k -> new ArrayList<>()).add(j);
    }
    List<Report> reports = new ArrayList<>();
    byRater.forEach(
        (rater, own) -> {
          int gold = 0;
          int goldRight = 0;
          int compared = 0;
          int agreed = 0;
          for (Judgement j : own) {
            if (j.goldAnswer().isPresent()) {
              gold++;
              goldRight += j.goldAnswer().get() == j.preference() ? 1 : 0;
              continue;
            }
            Optional<Preference> majority =
                majorityOfOthers(byItem.get(j.pairId() + "/" + j.dimension()), rater);
            if (majority.isPresent()) {
              compared++;
              agreed += majority.get() == j.preference() ? 1 : 0;
            }
          }
          reports.add(
              new Report(
                  rater,
                  (int) own.stream().map(j -> j.pairId()).distinct().count(),
                  gold,
                  gold == 0 ? null : (double) goldRight / gold,
                  compared,
                  compared == 0 ? null : (double) agreed / compared,
                  medianSeconds(own)));
        });
    return reports;
  }

  /** The strict majority preference of everyone but {@code rater}, if there is one. */
  static Optional<Preference> majorityOfOthers(List<Judgement> item, String rater) {
    Map<Preference, Integer> counts = new EnumMap<>(Preference.class);
    int others = 0;
    for (Judgement j : item) {
      if (!j.rater().equals(rater)) {
        counts.merge(j.preference(), 1, Integer::sum);
        others++;
      }
    }
    int total = others;
    return counts.entrySet().stream()
        .filter(e -> e.getValue() * 2 > total)
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** Each pair counts once, however many dimensions it was rated on. */
  private static double medianSeconds(List<Judgement> own) {
    Map<Long, Long> perPair = new HashMap<>();
    own.forEach(j -> perPair.put(j.pairId(), j.elapsedMs()));
    double[] seconds = perPair.values().stream().mapToDouble(ms -> ms / 1000.0).sorted().toArray();
    int n = seconds.length;
    return n % 2 == 1 ? seconds[n / 2] : (seconds[n / 2 - 1] + seconds[n / 2]) / 2;
  }
}
