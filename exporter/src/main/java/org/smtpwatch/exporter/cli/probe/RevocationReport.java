package org.smtpwatch.exporter.cli.probe;

import static org.smtpwatch.exporter.cli.probe.ReportFormat.FIELD;
import static org.smtpwatch.exporter.cli.probe.ReportFormat.printable;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Formatter;
import java.util.Locale;
import org.smtpwatch.agent.ocsp.OcspReport;
import org.smtpwatch.agent.ocsp.OcspResult;
import org.smtpwatch.agent.ocsp.OcspStatus;

/** The OCSP lines of the human-readable report: the stapled response, then the direct query. */
final class RevocationReport {

  private final Clock clock;

  RevocationReport(Clock clock) {
    this.clock = clock;
  }

  void render(OcspReport ocsp, Formatter out) {
    out.format(FIELD, "ocsp stapled", ocsp.isStapled() ? describe(ocsp.stapled()) : "no");
    if (ocsp.query() != null) {
      OcspResult query = ocsp.query();
      String from = query.responder() != null ? " from " + printable(query.responder()) : "";
      out.format(FIELD, "ocsp query", describe(query) + from);
    }
  }

  private String describe(OcspResult result) {
    String status = result.status().label().toUpperCase(Locale.ROOT);
    if (result.status() == OcspStatus.GOOD) {
      return "good" + updates(result);
    }
    return status + ": " + printable(result.detail()) + updates(result);
  }

  /** When the answer was made and how long it holds: a stapled response must be renewed. */
  private String updates(OcspResult result) {
    StringBuilder text = new StringBuilder();
    if (result.thisUpdate() != null) {
      text.append(", this update ")
          .append(DateTimeFormatter.ISO_INSTANT.format(result.thisUpdate()));
    }
    if (result.nextUpdate() != null) {
      text.append(", next update ")
          .append(CertificateReport.expiry(result.nextUpdate(), clock.instant()));
    }
    return text.toString();
  }
}
