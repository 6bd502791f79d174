package dev.earshot.judge.scoring;

import dev.earshot.text.wer.ErrorUnit;
import dev.earshot.text.wer.TextNormalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches English words across inflection, so that "someone knocked" names the sound {@code
 * knocking}. A small documented rule set rather than a stemmer library: every word gets a set of
 * candidate base forms, and two words match when their sets share one.
 *
 * <p>Candidates of a (lower-case, {@link TextNormalizer}-normalised) word: the word itself; for
 * {@code -'s} the word without it; for an irregular form in {@link #IRREGULAR} its base (rang, rung
 * → ring; sang, sung → sing; blew → blow; geese → goose; ...); and the stems left by stripping one
 * suffix:
 *
 * <ul>
 *   <li>{@code -ies}, {@code -ied} → {@code -y} (cries, cried → cry);
 *   <li>{@code -es} → nothing (buzzes → buzz), and {@code -s} → nothing (bells → bell), except
 *       after {@code ss}, {@code us}, {@code is} (glass, chorus) and in words of three letters or
 *       fewer (gas);
 *   <li>{@code -ed} → nothing (knocked → knock) or {@code -d} → nothing (whistled → whistle), not
 *       after {@code e} (speed);
 *   <li>{@code -ing} → nothing (knocking → knock);
 * </ul>
 *
 * A stem must contain a vowel (a, e, i, o, u or y), so ring, bring and string keep their {@code
 * -ing}. After {@code -ed} and {@code -ing} a doubled final consonant other than l, s, z also gives
 * its single form (clapped, clapping → clap; hissing stays hiss, never "his") and a stem also gives
 * its form with a silent {@code e} put back (sneezing → sneeze).
 *
 * <p>Words are whole words: {@code ring} does not match "bring", "during" or "string", {@code bell}
 * does not match "belly", and {@code knock} does not match "knockout" (a compound is another word).
 * Known leaks of any rule stemmer remain: hoping and hopping both give "hop"; -er and -ly
 * derivations (barker, loudly) are not handled; only English is covered, other languages match
 * exactly.
 */
public final class EnglishWordForms {

  /** Irregular verb forms and plurals likely to name sounds, mapped to their base form. */
  static final Map<String, String> IRREGULAR =
      Map.ofEntries(
          Map.entry("rang", "ring"),
          Map.entry("rung", "ring"),
          Map.entry("sang", "sing"),
          Map.entry("sung", "sing"),
          Map.entry("blew", "blow"),
          Map.entry("blown", "blow"),
          Map.entry("broke", "break"),
          Map.entry("broken", "break"),
          Map.entry("fell", "fall"),
          Map.entry("fallen", "fall"),
          Map.entry("shook", "shake"),
          Map.entry("shaken", "shake"),
          Map.entry("struck", "strike"),
          Map.entry("froze", "freeze"),
          Map.entry("frozen", "freeze"),
          Map.entry("flew", "fly"),
          Map.entry("flown", "fly"),
          Map.entry("threw", "throw"),
          Map.entry("thrown", "throw"),
          Map.entry("tore", "tear"),
          Map.entry("torn", "tear"),
          Map.entry("swung", "swing"),
          Map.entry("stung", "sting"),
          Map.entry("slid", "slide"),
          Map.entry("dug", "dig"),
          Map.entry("shot", "shoot"),
          Map.entry("ran", "run"),
          Map.entry("spoke", "speak"),
          Map.entry("spoken", "speak"),
          Map.entry("woke", "wake"),
          Map.entry("drove", "drive"),
          Map.entry("rode", "ride"),
          Map.entry("beaten", "beat"),
          Map.entry("geese", "goose"),
          Map.entry("mice", "mouse"),
          Map.entry("children", "child"),
          Map.entry("teeth", "tooth"),
          Map.entry("feet", "foot"),
          Map.entry("wolves", "wolf"),
          Map.entry("calves", "calf"),
          Map.entry("knives", "knife"),
          Map.entry("women", "woman"),
          Map.entry("men", "man"));

  private EnglishWordForms() {}

  /** Whether {@code phrase}'s words occur consecutively in {@code text}, word by word matching. */
  public static boolean containsPhrase(String text, String phrase) {
    List<String> words = TextNormalizer.tokens(text, ErrorUnit.WORD);
    List<String> wanted = TextNormalizer.tokens(phrase, ErrorUnit.WORD);
    if (wanted.isEmpty()) {
      return false;
    }
    for (int start = 0; start + wanted.size() <= words.size(); start++) {
      boolean all = true;
      for (int k = 0; k < wanted.size() && all; k++) {
        all = matches(words.get(start + k), wanted.get(k));
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /** Whether two normalised words share a candidate base form. */
  public static boolean matches(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    Set<String> formsOfA = forms(a);
    return forms(b).stream().anyMatch(formsOfA::contains);
  }

  /** The candidate base forms of a normalised word, the word itself first. */
  static Set<String> forms(String word) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(word);
    String w = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
    forms.add(w);
    String irregular = IRREGULAR.get(w);
    if (irregular != null) {
      forms.add(irregular);
      return forms;
    }
    if (w.length() > 4 && (w.endsWith("ies") || w.endsWith("ied"))) {
      forms.add(w.substring(0, w.length() - 3) + "y");
    }
    if (w.length() > 3
        && w.endsWith("s")
        && !w.endsWith("ss")
        && !w.endsWith("us")
        && !w.endsWith("is")) {
      addStem(forms, w.substring(0, w.length() - 1), false);
      if (w.endsWith("es")) {
        addStem(forms, w.substring(0, w.length() - 2), false);
      }
    }
    if (w.endsWith("ed") && !w.endsWith("eed")) {
      addStem(forms, w.substring(0, w.length() - 2), true);
      addStem(forms, w.substring(0, w.length() - 1), false);
    }
    if (w.endsWith("ing")) {
      addStem(forms, w.substring(0, w.length() - 3), true);
    }
    return forms;
  }

  /** Adds a stem if it has a vowel; after -ed/-ing also its undoubled and its silent-e forms. */
  private static void addStem(Set<String> forms, String stem, boolean afterVerbSuffix) {
    if (stem.length() < 2 || !hasVowel(stem)) {
      return;
    }
    forms.add(stem);
    if (!afterVerbSuffix) {
      return;
    }
    int n = stem.length();
    char last = stem.charAt(n - 1);
    if (n >= 3 && last == stem.charAt(n - 2) && !isVowel(last) && "lsz".indexOf(last) < 0) {
      forms.add(stem.substring(0, n - 1));
    }
    if (!isVowel(last)) {
      forms.add(stem + "e");
    }
  }

  private static boolean hasVowel(String s) {
    return s.chars().anyMatch(c -> isVowel((char) c));
  }

  private static boolean isVowel(char c) {
    return "aeiouy".indexOf(c) >= 0;
  }
}
