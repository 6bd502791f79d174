package dev.earshot.duplex.core;

/**
 * The model taking the turn after a user segment.
 *
 * @param userEnd end of the user's segment, seconds
 * @param modelStart start of the model's answering segment, seconds
 * @param latencySeconds {@code modelStart - userEnd}: positive a gap, negative an overlap (the
 *     model started before the user had finished)
 */
public record Turn(double userEnd, double modelStart, double latencySeconds) {

  static Turn between(Segment user, Segment model) {
    return new Turn(user.end(), model.start(), model.start() - user.end());
  }
}
