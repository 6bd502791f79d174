package dev.earshot.export.selection;

/**
 * The current group of a stream sorted by two keys; rejects a row that sorts before its group, so a
 * wrong query order fails loudly instead of writing a file out of order.
 */
final class GroupOrder {

  private String first;
  private String second;

  /** Whether the row with these keys starts a new group. */
  boolean startsNewGroup(String rowFirst, String rowSecond) {
    if (first != null) {
      int order = first.compareTo(rowFirst);
      if (order == 0) {
        order = second.compareTo(rowSecond);
      }
      if (order == 0) {
        return false;
      }
      if (order > 0) {
        throw new IllegalArgumentException(
            "rows must arrive sorted: ("
                + rowFirst
                + ", "
                + rowSecond
                + ") came after ("
                + first
                + ", "
                + second
                + ")");
      }
    }
    first = rowFirst;
    second = rowSecond;
    return true;
  }
}
