package org.smtpwatch.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Prometheus and Go write them: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h},
 * and combinations from largest to smallest unit such as {@code 1m30s}. A bare number is refused:
 * "30" could mean seconds or milliseconds, and guessing wrong makes a probe storm.
 */
final class DurationParser {

  private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|h|m|s))+");
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");

  private DurationParser() {}

  /** The duration, or empty when {@code text} is not one; see {@link #problem}. */
  static Optional<Duration> parse(String text) {
    if (!WHOLE.matcher(text).matches()) {
      return Optional.empty();
    }
    Duration total = Duration.ZERO;
    int lastUnit = -1;
    Matcher part = PART.matcher(text);
    while (part.find()) {
      int rank = rank(part.group(2));
      if (rank <= lastUnit || part.group(1).length() > 9) {
        return Optional.empty();
      }
      lastUnit = rank;
      total = total.plus(unitOf(part.group(2)).multipliedBy(Long.parseLong(part.group(1))));
    }
    return Optional.of(total);
  }

  /** Why {@code text} is not a duration, with the fix when one is obvious. */
  static String problem(String text) {
    if (text.matches("\\d+")) {
      return "\"" + text + "\" is not a duration (use " + text + "s)";
    }
    return "\"" + text + "\" is not a duration (use e.g. 500ms, 30s, 5m, 1h or 1m30s)";
  }

  private static int rank(String unit) {
    return switch (unit) {
      case "h" -> 0;
      case "m" -> 1;
      case "s" -> 2;
      default -> 3;
    };
  }

  private static Duration unitOf(String unit) {
    return switch (unit) {
      case "h" -> Duration.ofHours(1);
      case "m" -> Duration.ofMinutes(1);
      case "s" -> Duration.ofSeconds(1);
      default -> Duration.ofMillis(1);
    };
  }
}
