package dev.earshot.stats;

/** How ties (including both-bad votes) enter the Bradley–Terry likelihood. */
public enum TieModel {
  /**
   * A tie counts as half a win for each side (Chatbot Arena convention, the same as fitting {@code
   * BradleyTerry2::BTm} on scores wins + ½ ties).
   */
  HALF_WIN,
  /**
   * Davidson (1970): P(i beats j) = π_i / D, P(tie) = ν·√(π_i π_j) / D with D = π_i + π_j + ν·√(π_i
   * π_j); the tie parameter ν is fitted jointly with the strengths.
   */
  DAVIDSON
}
