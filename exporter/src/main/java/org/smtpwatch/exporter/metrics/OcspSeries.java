package org.smtpwatch.exporter.metrics;

import static org.smtpwatch.exporter.metrics.SmtpFamilies.OCSP_NEXT_UPDATE;
import static org.smtpwatch.exporter.metrics.SmtpFamilies.OCSP_REVOKED;
import static org.smtpwatch.exporter.metrics.SmtpFamilies.OCSP_STAPLED;
import static org.smtpwatch.exporter.metrics.SmtpFamilies.OCSP_STATUS;
import static org.smtpwatch.exporter.metrics.SmtpFamilies.OCSP_THIS_UPDATE;

import java.time.Instant;
import org.smtpwatch.agent.ocsp.OcspReport;
import org.smtpwatch.agent.ocsp.OcspResult;
import org.smtpwatch.agent.probe.ProbeResult;

/**
 * Revocation series: whether the server stapled an OCSP response, and per source ({@code stapled},
 * {@code query}) the status and dates. Absent when the probe saw no certificate; the query's series
 * are absent when the endpoint does not query.
 */
final class OcspSeries {

  void write(ProbeResult result, EndpointLabels labels, FamilySnapshots out) {
    OcspReport ocsp = result.ocsp();
    if (ocsp == null) {
      return;
    }
    out.gauge(OCSP_STAPLED, labels.plain(), ocsp.isStapled() ? 1 : 0);
    writeResult("stapled", ocsp.stapled(), labels, out);
    writeResult("query", ocsp.query(), labels, out);
  }

  private static void writeResult(
      String source, OcspResult result, EndpointLabels labels, FamilySnapshots out) {
    if (result == null) {
      return;
    }
    out.info(OCSP_STATUS, labels.with("source", source, "status", result.status().label()));
    timestamp(OCSP_THIS_UPDATE, source, result.thisUpdate(), labels, out);
    timestamp(OCSP_NEXT_UPDATE, source, result.nextUpdate(), labels, out);
    timestamp(OCSP_REVOKED, source, result.revokedAt(), labels, out);
  }

  private static void timestamp(
      MetricFamily family, String source, Instant at, EndpointLabels labels, FamilySnapshots out) {
    if (at != null) {
      out.gauge(family, labels.with("source", source), UnixSeconds.of(at));
    }
  }
}
