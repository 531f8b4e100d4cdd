package org.smtpwatch.exporter.cli.probe;

import org.smtpwatch.config.Hostnames;

/**
 * The {@code HOST:PORT} of {@code smtpwatch probe}. IPv6 literals come in brackets, {@code
 * [::1]:25}, because the last colon would otherwise be ambiguous; {@link #host()} holds them
 * without the brackets, as {@link org.smtpwatch.config.Endpoint} expects.
 */
public record TargetAddress(String host, int port) {

  /**
   * @throws UsageException naming the text and the way to write it
   */
  static TargetAddress parse(String text) throws UsageException {
    String host;
    String port;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw new UsageException("\"" + text + "\" has no closing bracket; write [::1]:25");
      }
      host = text.substring(1, close);
      String rest = text.substring(close + 1);
      if (!rest.startsWith(":")) {
        throw new UsageException("\"" + text + "\" has no port; write [" + host + "]:PORT");
      }
      port = rest.substring(1);
    } else {
      int colon = text.lastIndexOf(':');
      if (colon < 0) {
        throw new UsageException("\"" + text + "\" has no port; write " + text + ":587");
      }
      if (text.indexOf(':') != colon) {
        throw new UsageException(
            "\"" + text + "\" looks like an IPv6 address; put it in brackets: [ADDRESS]:PORT");
      }
      host = text.substring(0, colon);
      port = text.substring(colon + 1);
    }
    if (host.isBlank()) {
      throw new UsageException("\"" + text + "\" has no host");
    }
    if (!isOneWord(host)) {
      throw new UsageException("\"" + text + "\": the host must not contain spaces");
    }
    if (!Hostnames.isProbeable(host)) {
      throw new UsageException(
          "\"" + text + "\": \"" + host + "\" is not a valid host name or IP address");
    }
    return new TargetAddress(host, parsePort(text, port));
  }

  /** No whitespace and no control characters: safe to put into an SMTP command or SNI. */
  static boolean isOneWord(String text) {
    return text.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
  }

  private static int parsePort(String text, String port) throws UsageException {
    if (!port.matches("\\d{1,5}")) {
      throw new UsageException("\"" + text + "\": port \"" + port + "\" is not a number");
    }
    int number = Integer.parseInt(port);
    if (number < 1 || number > 65535) {
      throw new UsageException("\"" + text + "\": port " + number + " is not in 1-65535");
    }
    return number;
  }
}
