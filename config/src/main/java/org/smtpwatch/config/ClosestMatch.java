package org.smtpwatch.config;

import java.util.Collection;
import java.util.Optional;

/** Finds the known word a typo most likely meant, for "did you mean" hints. */
final class ClosestMatch {

  private ClosestMatch() {}

  /** The candidate within a third of the word's length in edits, if any. */
  static Optional<String> of(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(word, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int allowed = Math.max(1, Math.max(word.length(), 3) / 3);
    return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** Levenshtein distance, ignoring case and treating - as _ (a common slip in snake_case). */
  static int distance(String a, String b) {
    String x = a.toLowerCase(java.util.Locale.ROOT).replace('-', '_');
    String y = b.toLowerCase(java.util.Locale.ROOT).replace('-', '_');
    int[] previous = new int[y.length() + 1];
    int[] current = new int[y.length() + 1];
    for (int j = 0; j <= y.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= y.length(); j++) {
        int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[y.length()];
  }
}
