package org.smtpwatch.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps error messages readable when the file holds something enormous: a host name of a megabyte
 * is quoted by its beginning and its length, not in full.
 */
final class ErrorText {

  private static final Pattern LONG_QUOTED =
      Pattern.compile("\"([^\"]{" + (ConfigLimits.MAX_QUOTED + 1) + ",})\"");

  private ErrorText() {}

  /** {@code message} with every quoted value longer than the limit cut to its beginning. */
  static String shortenQuoted(String message) {
    if (message.length() <= ConfigLimits.MAX_QUOTED) {
      return message;
    }
    Matcher quoted = LONG_QUOTED.matcher(message);
    StringBuilder out = new StringBuilder();
    while (quoted.find()) {
      quoted.appendReplacement(out, Matcher.quoteReplacement(cut(quoted.group(1))));
    }
    return quoted.appendTail(out).toString();
  }

  /** {@code text} cut to its beginning when it is longer than the limit. */
  static String shorten(String text) {
    return text.length() <= ConfigLimits.MAX_QUOTED * 2
        ? text
        : text.substring(0, ConfigLimits.MAX_QUOTED) + "\u2026";
  }

  private static String cut(String value) {
    return "\""
        + value.substring(0, ConfigLimits.MAX_QUOTED)
        + "\u2026\" ("
        + value.length()
        + " characters)";
  }
}
