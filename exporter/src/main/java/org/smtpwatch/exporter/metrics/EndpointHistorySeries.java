package org.smtpwatch.exporter.metrics;

import static org.smtpwatch.exporter.metrics.SmtpFamilies.FAILURES;
import static org.smtpwatch.exporter.metrics.SmtpFamilies.HANDSHAKE_DURATION;
import static org.smtpwatch.exporter.metrics.SmtpFamilies.LAST_RUN;
import static org.smtpwatch.exporter.metrics.SmtpFamilies.LAST_SUCCESS;
import static org.smtpwatch.exporter.metrics.SmtpFamilies.PROBES;

import org.smtpwatch.agent.probe.FailureReason;
import org.smtpwatch.agent.schedule.EndpointSnapshot;

/**
 * What the store counted over an endpoint's life: probes and failures, when it last ran and last
 * succeeded, and the durations histogram. Only meaningful for scheduled probes, so {@code /probe}
 * does not show these.
 */
final class EndpointHistorySeries {

  void write(EndpointSnapshot snapshot, EndpointLabels labels, FamilySnapshots out) {
    // Present from registration on (0 before the first probe), so rate() sees the first probe.
    out.counter(PROBES, labels.plain(), snapshot.probesTotal());
    if (snapshot.latest() == null) {
      return;
    }
    snapshot
        .failuresTotal()
        .forEach(
            (FailureReason reason, Long count) ->
                out.counter(FAILURES, labels.with("reason", reason.label()), count));
    out.gauge(LAST_RUN, labels.plain(), UnixSeconds.of(snapshot.lastRunAt()));
    if (snapshot.lastSuccessAt() != null) {
      out.gauge(LAST_SUCCESS, labels.plain(), UnixSeconds.of(snapshot.lastSuccessAt()));
    }
    out.histogram(HANDSHAKE_DURATION, labels.plain(), snapshot.durations());
  }
}
