package org.smtpwatch.agent.probe;

import java.util.Locale;

/**
 * What of a client line may appear in a transcript. AUTH carries credentials (base64 is not
 * encryption) in the command itself and in the lines that follow it, so those are replaced.
 */
final class TranscriptRedaction {

  private TranscriptRedaction() {}

  static String command(String line) {
    String upper = line.toUpperCase(Locale.ROOT);
    if (upper.startsWith("AUTH ")) {
      String[] words = line.split(" ", 3);
      return words.length > 2 ? words[0] + " " + words[1] + " [redacted]" : line;
    }
    return line;
  }

  /** A line answering a SASL challenge: never shown. */
  static String saslResponse() {
    return "[redacted]";
  }
}
