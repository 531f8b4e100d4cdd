package org.smtpwatch.exporter.http;

/**
 * Request text fit to echo in an error message: control characters replaced and cut short, so a
 * crafted request cannot forge lines in a reply or a log.
 */
final class Printable {

  private static final int MAX = 100;

  private Printable() {}

  static String of(String text) {
    StringBuilder clean = new StringBuilder();
    text.codePoints()
        .limit(MAX)
        .forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return text.codePointCount(0, text.length()) > MAX ? clean + "..." : clean.toString();
  }
}
