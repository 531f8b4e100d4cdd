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
        joined.add("AUTH " + String.join(" ", ehlo.authMechanisms()));
      } else {
        joined.add(keyword);
      }
    }
    return joined.length() == 0 ? "none" : joined.toString();
  }

  static String extensionCount(EhloCapabilities ehlo) {
    int count = ehlo.keywords().size();
    return count == 1 ? "1 extension" : count + " extensions";
  }
}
