package org.smtpwatch.exporter.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.schedule.EndpointSnapshot;

/**
 * A plain-text table of every endpoint's latest result, failing endpoints first: what the demo
 * prints after each round, so the agent's view is visible without Prometheus.
 */
public final class StatusTable {

  private static final String ROW = "%-22s %-9s %-5s %9s %-8s %-10s %s";

  private final Clock clock;

  public StatusTable(Clock clock) {
    this.clock = clock;
  }

  public String render(List<EndpointSnapshot> snapshots) {
    StringBuilder text = new StringBuilder();
    text.append(String.format(ROW, "ENDPOINT", "MODE", "STATE", "TIME", "TLS", "CERT", "DETAIL"))
        .append('\n');
    snapshots.stream()
        .sorted(Comparator.comparingInt(StatusTable::severity))
        .forEach(snapshot -> text.append(row(snapshot).stripTrailing()).append('\n'));
    return text.toString();
  }

  private String row(EndpointSnapshot snapshot) {
    String endpoint = snapshot.endpoint().target();
    String mode = snapshot.endpoint().mode().configName();
    ProbeResult latest = snapshot.latest();
    if (latest == null) {
      return String.format(ROW, endpoint, mode, "-", "-", "-", "-", "not probed yet");
    }
    return String.format(
        ROW,
        endpoint,
        mode,
        latest.success() ? "up" : "DOWN",
        millis(latest.duration()),
        latest.tls() == null ? "-" : latest.tls().version(),
        certificate(latest),
        detail(latest));
  }

  private String certificate(ProbeResult result) {
    if (result.certificate() == null) {
      return "-";
    }
    Instant notAfter = result.certificate().notAfter();
    long days = Duration.between(clock.instant(), notAfter).toDays();
    return days + "d left";
  }

  private static String detail(ProbeResult result) {
    if (result.failure() != null) {
      return result.failure().reason().label() + ": " + result.failure().detail();
    }
    return result.banner() == null ? "" : result.greetingCode() + " " + result.banner();
  }

  private static String millis(Duration duration) {
    return String.format(Locale.ROOT, "%.1f ms", duration.toNanos() / 1e6);
  }

  // Down first, then not yet probed, then up: the rows that need attention are read first.
  private static int severity(EndpointSnapshot snapshot) {
    if (snapshot.latest() == null) {
      return 1;
    }
    return snapshot.latest().success() ? 2 : 0;
  }
}
