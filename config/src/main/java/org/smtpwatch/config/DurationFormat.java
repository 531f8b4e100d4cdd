package org.smtpwatch.config;

import java.time.Duration;

/**
 * Writes a duration the way the config file reads it ({@code 30s}, {@code 1m30s}, {@code 500ms}),
 * so what {@code check-config} prints can be pasted back into the file.
 */
public final class DurationFormat {

  private DurationFormat() {}

  /** Up to a minute in seconds (intervals are usually thought of as 30s or 60s), else h/m/s. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 1000 != 0) {
      return compound(millis / 1000) + (millis % 1000) + "ms";
    }
    long seconds = millis / 1000;
    if (seconds <= 60) {
      return seconds + "s";
    }
    return compound(seconds);
  }

  private static String compound(long seconds) {
    StringBuilder text = new StringBuilder();
    if (seconds >= 3600) {
      text.append(seconds / 3600).append('h');
    }
    if (seconds % 3600 >= 60) {
      text.append(seconds % 3600 / 60).append('m');
    }
    if (seconds % 60 > 0) {
      text.append(seconds % 60).append('s');
    }
    return text.toString();
  }
}
