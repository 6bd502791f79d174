package dev.earshot.export.repository;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whose judgements an export reads: {@code humans} (people's votes only), {@code simulated}
 * (simulated raters' votes, read only when named), {@code judges} (every judge), {@code judge:<id>}
 * (every version of one judge) or {@code judge:<id>@<version>}.
 *
 * @param judgeId null for humans, simulated and judges
 * @param version null unless one version is meant
 */
public record SourceSelector(String kind, String judgeId, String version) {

  public static final String HUMANS = "humans";
  public static final String SIMULATED = "simulated";
  public static final String JUDGES = "judges";
  private static final Pattern JUDGE = Pattern.compile("judge:([^@]+)(?:@(.+))?");

  /** The selector, or null when the text is none. */
  public static SourceSelector parse(String selector) {
    if (HUMANS.equals(selector) || SIMULATED.equals(selector) || JUDGES.equals(selector)) {
      return new SourceSelector(selector, null, null);
    }
    Matcher match = selector == null ? null : JUDGE.matcher(selector);
    return match != null && match.matches()
        ? new SourceSelector("judge", match.group(1), match.group(2))
        : null;
  }

  public boolean humans() {
    return HUMANS.equals(kind);
  }

  public boolean simulated() {
    return SIMULATED.equals(kind);
  }

  /** Whether the source gives raters' votes (people's or simulated ones), not judges' verdicts. */
  public boolean raters() {
    return humans() || simulated();
  }

  public boolean allJudges() {
    return JUDGES.equals(kind);
  }
}
