package dev.earshot.stats;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Directed "scored against" graph of a comparison data set: an edge i → j when i won or tied at
 * least once against j. The Bradley–Terry maximum likelihood is finite and unique exactly when this
 * graph is strongly connected (Zermelo 1929, Ford 1957); otherwise some group of systems never
 * loses (or never wins) against the rest and its relative strength runs off to infinity.
 */
final class ComparisonGraph {

  private final List<List<Integer>> forward = new ArrayList<>();
  private final List<List<Integer>> backward = new ArrayList<>();

  private ComparisonGraph(int systemCount) {
    for (int system = 0; system < systemCount; system++) {
      forward.add(new ArrayList<>());
      backward.add(new ArrayList<>());
    }
  }

  static ComparisonGraph of(PairwiseCounts counts) {
    ComparisonGraph graph = new ComparisonGraph(counts.systemCount());
    for (int pair = 0; pair < counts.pairCount(); pair++) {
      graph.addPair(
          counts.first(pair),
          counts.second(pair),
          counts.winsFirst(pair) + counts.modelTies(pair) > 0,
          counts.winsSecond(pair) + counts.modelTies(pair) > 0);
    }
    return graph;
  }

  private void addPair(int first, int second, boolean firstScored, boolean secondScored) {
    if (firstScored) {
      addEdge(first, second);
    }
    if (secondScored) {
      addEdge(second, first);
    }
  }

  private void addEdge(int from, int to) {
    forward.get(from).add(to);
    backward.get(to).add(from);
  }

  /**
   * Strongly connected components (Kosaraju), each sorted by system index, in order of first
   * system.
   */
  List<List<Integer>> stronglyConnectedGroups() {
    int n = forward.size();
    List<Integer> finishOrder = new ArrayList<>(n);
    boolean[] visited = new boolean[n];
    for (int start = 0; start < n; start++) {
      if (!visited[start]) {
        postOrder(start, visited, finishOrder);
      }
    }
    int[] component = new int[n];
    Arrays.fill(component, -1);
    List<List<Integer>> groups = new ArrayList<>();
    for (int k = n - 1; k >= 0; k--) {
      int root = finishOrder.get(k);
      if (component[root] >= 0) {
        continue;
      }
      List<Integer> group = new ArrayList<>();
      Deque<Integer> stack = new ArrayDeque<>();
      stack.push(root);
      component[root] = groups.size();
      while (!stack.isEmpty()) {
        int node = stack.pop();
        group.add(node);
        for (int previous : backward.get(node)) {
          if (component[previous] < 0) {
            component[previous] = groups.size();
            stack.push(previous);
          }
        }
      }
      group.sort(null);
      groups.add(group);
    }
    groups.sort((a, b) -> Integer.compare(a.get(0), b.get(0)));
    return groups;
  }

  boolean isStronglyConnected() {
    return stronglyConnectedGroups().size() <= 1;
  }

  /**
   * @throws NonIdentifiableRatingsException naming the groups and how each one is cut off from the
   *     rest
   */
  void requireStronglyConnected(List<String> systems) {
    List<List<Integer>> groups = stronglyConnectedGroups();
    if (groups.size() <= 1) {
      return;
    }
    List<List<String>> named =
        groups.stream().map(group -> group.stream().map(systems::get).toList()).toList();
    StringBuilder message =
        new StringBuilder(
            "Ratings are not identifiable (maximum likelihood at infinity); the systems split into groups");
    for (int g = 0; g < groups.size(); g++) {
      boolean scores = scoresOutside(groups.get(g));
      boolean concedes = concedesOutside(groups.get(g));
      String relation =
          scores && concedes
              ? "wins and loses against other groups"
              : scores
                  ? "never lost or tied against the other systems"
                  : concedes
                      ? "never won or tied against the other systems"
                      : "was never compared with the other systems";
      message.append(g == 0 ? ": " : "; ").append(named.get(g)).append(' ').append(relation);
    }
    throw new NonIdentifiableRatingsException(message.toString(), named);
  }

  /** True when some system of {@code group} scored against a system outside it. */
  boolean scoresOutside(List<Integer> group) {
    return crossesOut(group, forward);
  }

  /** True when some system outside {@code group} scored against a system in it. */
  boolean concedesOutside(List<Integer> group) {
    return crossesOut(group, backward);
  }

  private static boolean crossesOut(List<Integer> group, List<List<Integer>> edges) {
    for (int node : group) {
      for (int neighbour : edges.get(node)) {
        if (!group.contains(neighbour)) {
          return true;
        }
      }
    }
    return false;
  }

  private void postOrder(int start, boolean[] visited, List<Integer> finishOrder) {
    Deque<int[]> stack = new ArrayDeque<>();
    visited[start] = true;
    stack.push(new int[] {start, 0});
    while (!stack.isEmpty()) {
      int[] frame = stack.peek();
      List<Integer> next = forward.get(frame[0]);
      if (frame[1] < next.size()) {
        int neighbour = next.get(frame[1]++);
        if (!visited[neighbour]) {
          visited[neighbour] = true;
          stack.push(new int[] {neighbour, 0});
        }
      } else {
        finishOrder.add(frame[0]);
        stack.pop();
      }
    }
  }
}
