package org.smtpwatch.exporter.cli.probe;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations the way the config file writes them: a whole number and a unit, {@code 500ms},
 * {@code 10s}, {@code 1m}, {@code 1h}. A bare number is refused because nobody can tell whether
 * {@code 10} means seconds or milliseconds.
 */
public final class Durations {

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");
  private static final Pattern BARE_NUMBER = Pattern.compile("\\d+");

  private Durations() {}

  /**
   * @throws IllegalArgumentException with a message naming the text and how to write it, when the
   *     text is not a duration or is zero
   */
  public static Duration parse(String text) {
    Matcher matcher = DURATION.matcher(text);
    if (!matcher.matches()) {
      if (BARE_NUMBER.matcher(text).matches()) {
        throw new IllegalArgumentException(
            "\"" + text + "\" has no unit; write " + text + "s or " + text + "ms");
      }
      throw new IllegalArgumentException(
          "\"" + text + "\" is not a duration; write it like 500ms, 10s or 1m");
    }
    long amount = Long.parseLong(matcher.group(1));
    Duration duration =
        switch (matcher.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofHours(amount);
        };
    if (duration.isZero()) {
      throw new IllegalArgumentException("\"" + text + "\" is zero; give a positive duration");
    }
    return duration;
  }
}
