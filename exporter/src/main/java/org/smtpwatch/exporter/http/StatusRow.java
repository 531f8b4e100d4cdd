package org.smtpwatch.exporter.http;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.smtpwatch.agent.probe.PhaseTiming;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.schedule.EndpointSnapshot;
import org.smtpwatch.config.Endpoint;

/**
 * One endpoint as the status page shows it. Strings are raw (not yet escaped).
 *
 * @param state {@code down}, {@code pending} (not probed yet) or {@code up}
 * @param reason the failure reason, or empty
 * @param detail the failure detail, or the greeting when up
 * @param lastProbe start of the latest probe, or {@code null}
 * @param tlsVersion negotiated TLS version, or {@code null}
 * @param certNotAfter leaf certificate expiry, or {@code null}
 */
record StatusRow(
    Endpoint endpoint,
    String state,
    String reason,
    String detail,
    Instant lastProbe,
    Duration duration,
    List<PhaseTiming> phases,
    String tlsVersion,
    Instant certNotAfter) {

  /** Worst first: down, then not probed yet, then up; within each, the soonest expiry first. */
  static final Comparator<StatusRow> WORST_FIRST =
      Comparator.comparingInt(StatusRow::severity)
          .thenComparing(StatusRow::certNotAfter, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(row -> row.endpoint().target())
          .thenComparing(row -> row.endpoint().mode());

  static StatusRow of(EndpointSnapshot snapshot) {
    ProbeResult latest = snapshot.latest();
    if (latest == null) {
      return new StatusRow(
          snapshot.endpoint(), "pending", "", "not probed yet", null, null, List.of(), null, null);
    }
    boolean up = latest.success();
    String detail =
        up
            ? (latest.greetingCode() == null ? "" : latest.greetingCode() + " ")
                + (latest.banner() == null ? "" : latest.banner())
            : latest.failure().detail();
    return new StatusRow(
        snapshot.endpoint(),
        up ? "up" : "down",
        up ? "" : latest.failure().reason().label(),
        detail,
        latest.startedAt(),
        latest.duration(),
        latest.phases(),
        latest.tls() == null ? null : latest.tls().version(),
        latest.certificate() == null ? null : latest.certificate().notAfter());
  }

  Map<String, String> labels() {
    return endpoint.labels();
  }

  private int severity() {
    return switch (state) {
      case "down" -> 0;
      case "pending" -> 1;
      default -> 2;
    };
  }
}
