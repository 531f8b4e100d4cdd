package org.smtpwatch.exporter.cli.probe;

import java.util.List;
import java.util.Locale;
import org.smtpwatch.agent.probe.Transcript;

/**
 * The recorded SMTP dialogue, one line per command, reply line or note, each with the time since
 * the probe started: {@code 12.3 ms S: 220 mail.example.com ESMTP}.
 */
public final class TranscriptReport {

  public String render(List<Transcript.Line> lines) {
    StringBuilder text = new StringBuilder();
    for (Transcript.Line line : lines) {
      text.append(
              String.format(
                  Locale.ROOT,
                  "%9.1f ms  %s %s",
                  line.elapsedNanos() / 1_000_000.0,
                  prefix(line.direction()),
                  ReportFormat.printable(line.text())))
          .append(System.lineSeparator());
    }
    return text.toString();
  }

  private static String prefix(Transcript.Direction direction) {
    return switch (direction) {
      case CLIENT -> "C:";
      case SERVER -> "S:";
      case NOTE -> "* ";
    };
  }
}
