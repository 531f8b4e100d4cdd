package org.smtpwatch.exporter.metrics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides, word by word, what of a greeting is stable (product names, versions, host names) and
 * what is a per-connection token (ids, counters) that {@link BannerNormalizer} replaces.
 */
final class TokenClassifier {

  /** Punctuation around a word ({@code [id]}, {@code (Ubuntu)}, {@code id;}) stays as it was. */
  private static final Pattern WORD =
      Pattern.compile("^([\\[\\](){}<>,;:\"'!]*)(.*?)([\\[\\](){}<>,;:\"'!.]*)$");

  private static final Pattern NUMBER = Pattern.compile("\\d+");

  /** {@code 4.96}, {@code 8.15.2/8.15.2}, {@code Haraka/2.8.28}, {@code 2.4.0-rc1}, an IPv4. */
  private static final Pattern VERSION =
      Pattern.compile(
          "(?:[A-Za-z][\\w-]*/)?v?\\d+(?:\\.\\d+)+(?:[-+~_]\\w+)*"
              + "(?:/v?\\d+(?:\\.\\d+)+(?:[-+~_]\\w+)*)*");

  private static final Pattern HOST_NAME = Pattern.compile("(?:[A-Za-z0-9-]+\\.)+[A-Za-z]{2,}");

  String normalizeWord(String word) {
    Matcher parts = WORD.matcher(word);
    if (!parts.matches()) {
      return word;
    }
    return parts.group(1) + normalizeCore(parts.group(2)) + parts.group(3);
  }

  private String normalizeCore(String core) {
    if (core.isEmpty() || VERSION.matcher(core).matches()) {
      return core;
    }
    if (NUMBER.matcher(core).matches()) {
      return "<n>";
    }
    if (HOST_NAME.matcher(core).matches()) {
      // Large providers name the front end that took the connection (BN8NAM12FT052.mail...).
      StringBuilder host = new StringBuilder();
      for (String label : core.split("\\.")) {
        host.append(host.length() == 0 ? "" : ".").append(looksGenerated(label) ? "<id>" : label);
      }
      return host.toString();
    }
    return looksGenerated(core) ? "<id>" : core;
  }

  /**
   * Queue ids, session ids, hex and base64 strings: long enough and with digits mixed in. Words
   * such as {@code ESMTP}, {@code Postfix} or {@code smtp-in2} have too few digits to qualify.
   */
  private static boolean looksGenerated(String text) {
    long digits = text.chars().filter(Character::isDigit).count();
    return (digits >= 2 && text.length() >= 6) || (digits >= 1 && text.length() >= 12);
  }
}
