package org.smtpwatch.exporter.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.smtpwatch.agent.probe.PhaseTiming;
import org.smtpwatch.agent.schedule.EndpointSnapshot;

/**
 * {@code /}: every endpoint with its state, worst first, as one self-contained HTML page (inline
 * CSS, no scripts, no external assets) that reads on a phone. Everything a server sent is escaped.
 */
final class StatusPage {

  /** Certificates expiring sooner than this are highlighted. */
  private static final long WARN_DAYS = 14;

  private final Supplier<List<EndpointSnapshot>> endpoints;
  private final Clock clock;
  private final String version;

  StatusPage(Supplier<List<EndpointSnapshot>> endpoints, Clock clock, String version) {
    this.endpoints = endpoints;
    this.clock = clock;
    this.version = version;
  }

  String render() {
    Instant now = clock.instant();
    List<StatusRow> rows =
        endpoints.get().stream().map(StatusRow::of).sorted(StatusRow.WORST_FIRST).toList();
    StringBuilder page = new StringBuilder(8192);
    page.append(StatusPageStyle.HEAD)
        .append("<header><h1>smtpwatch</h1><p class=\"summary\">")
        .append(summary(rows))
        .append("</p><nav><a href=\"metrics\">/metrics</a></nav></header>\n<main><table>\n")
        .append(
            "<thead><tr><th>Endpoint</th><th>State</th><th>Reason</th><th>Last probe</th>"
                + "<th>Phases</th><th>TLS</th><th>Certificate</th></tr></thead>\n<tbody>\n");
    rows.forEach(row -> page.append(row(row, now)));
    if (rows.isEmpty()) {
      page.append("<tr><td colspan=\"7\">No endpoints configured.</td></tr>\n");
    }
    return page.append("</tbody></table></main>\n<footer>")
        .append(Html.escape("smtpwatch " + version))
        .append(" &middot; generated ")
        .append(DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS)))
        .append(" &middot; refreshes every 30 s</footer>\n</body>\n</html>\n")
        .toString();
  }

  private static String summary(List<StatusRow> rows) {
    long down = rows.stream().filter(r -> r.state().equals("down")).count();
    long pending = rows.stream().filter(r -> r.state().equals("pending")).count();
    long up = rows.size() - down - pending;
    return "<span class=\"down\">"
        + down
        + " down</span> &middot; <span class=\"up\">"
        + up
        + " up</span>"
        + (pending > 0 ? " &middot; " + pending + " not probed yet" : "");
  }

  private String row(StatusRow row, Instant now) {
    String labels =
        row.labels().entrySet().stream()
            .map(e -> Html.escape(e.getKey() + "=" + e.getValue()))
            .collect(Collectors.joining(" "));
    return "<tr class=\""
        + row.state()
        + "\">"
        + cell(
            "Endpoint",
            "<b>"
                + Html.escape(row.endpoint().target())
                + "</b> <span class=\"mode\">"
                + row.endpoint().mode().configName()
                + "</span>"
                + (labels.isEmpty() ? "" : "<br><small>" + labels + "</small>"))
        + cell("State", "<span class=\"badge\">" + row.state() + "</span>")
        + cell("Reason", reason(row))
        + cell("Last probe", age(row.lastProbe(), now) + duration(row))
        + cell("Phases", phases(row.phases()))
        + cell("TLS", row.tlsVersion() == null ? "&ndash;" : Html.escape(row.tlsVersion()))
        + cell("Certificate", expiry(row.certNotAfter(), now))
        + "</tr>\n";
  }

  private static String cell(String label, String html) {
    // One wrapper per cell: on a phone the cell is a two-column grid (label, value), and loose
    // inline children would each take a grid slot of their own.
    return "<td data-label=\"" + label + "\"><div>" + html + "</div></td>";
  }

  private static String reason(StatusRow row) {
    String detail = "<span class=\"detail\">" + Html.escape(row.detail()) + "</span>";
    return row.reason().isEmpty()
        ? detail
        : "<b>" + Html.escape(row.reason()) + "</b><br>" + detail;
  }

  private static String age(Instant lastProbe, Instant now) {
    if (lastProbe == null) {
      return "never";
    }
    long seconds = Math.max(0, Duration.between(lastProbe, now).getSeconds());
    String text =
        seconds < 120
            ? seconds + " s ago"
            : seconds < 7200 ? seconds / 60 + " min ago" : seconds / 3600 + " h ago";
    return "<time datetime=\"" + lastProbe + "\">" + text + "</time>";
  }

  private static String duration(StatusRow row) {
    return row.duration() == null ? "" : "<br><small>took " + millis(row.duration()) + "</small>";
  }

  private static String phases(List<PhaseTiming> phases) {
    if (phases.isEmpty()) {
      return "&ndash;";
    }
    return "<ul class=\"phases\">"
        + phases.stream()
            .map(
                p -> "<li>" + p.phase().label() + " <span>" + millis(p.duration()) + "</span></li>")
            .collect(Collectors.joining())
        + "</ul>";
  }

  private static String expiry(Instant notAfter, Instant now) {
    if (notAfter == null) {
      return "&ndash;";
    }
    long days = Duration.between(now, notAfter).toDays();
    String css = notAfter.isBefore(now) ? "expired" : days < WARN_DAYS ? "soon" : "ok";
    String text = notAfter.isBefore(now) ? "expired " + -days + " d ago" : days + " d left";
    return "<span class=\"cert "
        + css
        + "\" title=\"not after "
        + notAfter
        + "\">"
        + text
        + "</span>";
  }

  private static String millis(Duration duration) {
    return String.format(Locale.ROOT, "%.1f&nbsp;ms", duration.toNanos() / 1e6);
  }
}
