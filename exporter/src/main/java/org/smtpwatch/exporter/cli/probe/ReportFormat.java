package org.smtpwatch.exporter.cli.probe;

import java.time.Duration;
import java.util.Locale;
import java.util.StringJoiner;
import org.smtpwatch.agent.smtp.EhloCapabilities;

/** Formatting shared by the human-readable report's parts, so columns and units agree. */
final class ReportFormat {

  /** Wide enough for the longest label, {@code hostname match} and {@code starttls offered}. */
  static final String FIELD = "%-18s%s%n";

  private ReportFormat() {}

  /** {@code 12.3 ms}: milliseconds with one decimal, the resolution people read phases at. */
  static String millis(Duration duration) {
    return String.format(Locale.ROOT, "%.1f ms", duration.toNanos() / 1_000_000.0);
  }

  /**
   * Server-controlled text (banner, reply details, certificate names) with control characters
   * escaped as a backslash, {@code u} and four hex digits: a hostile server must not be able to
   * move the cursor, recolour or retitle the terminal of the person probing it, nor forge extra
   * report lines.
   */
  static String printable(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder printable = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            codePoint -> {
              if (Character.isISOControl(codePoint)) {
                printable.append(String.format(Locale.ROOT, "\\u%04x", codePoint));
              } else {
                printable.appendCodePoint(codePoint);
              }
            });
    return printable.toString();
  }

  static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }

  /** {@code PIPELINING, SIZE 10240000, STARTTLS, AUTH PLAIN LOGIN}. */
  static String extensions(EhloCapabilities ehlo) {
    StringJoiner joined = new StringJoiner(", ");
    for (String keyword : ehlo.keywords()) {
      if (keyword.equals("SIZE") && ehlo.sizeLimit().isPresent()) {
        joined.add("SIZE " + ehlo.sizeLimit().getAsLong());
      } else if (keyword.equals("AUTH") && !ehlo.authMechanisms().isEmpty()) {
        joined.add(printable("AUTH " + String.join(" ", ehlo.authMechanisms())));
      } else {
        joined.add(printable(keyword));
      }
    }
    return joined.length() == 0 ? "none" : joined.toString();
  }

  static String extensionCount(EhloCapabilities ehlo) {
    int count = ehlo.keywords().size();
    return count == 1 ? "1 extension" : count + " extensions";
  }
}
