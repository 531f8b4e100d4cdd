package org.smtpwatch.exporter.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.smtpwatch.config.Config;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.IpPreference;
import org.smtpwatch.config.Mode;
import org.smtpwatch.config.PortDefaults;
import org.smtpwatch.config.TlsPolicy;

/**
 * Decides which endpoint a {@code /probe} request may probe: a configured one (same host and port,
 * and mode when asked), or, only when {@code probe.allow_unconfigured} covers the host, one built
 * from the port's defaults. Anything else is refused: smtpwatch must not be a port scanner for
 * whoever can reach its HTTP port.
 */
final class ProbeTargets {

  private ProbeTargets() {}

  static Endpoint resolve(ProbeQuery query, Config running) throws RequestRejected {
    List<Endpoint> configured =
        running.endpoints().stream()
            .filter(e -> e.host().equals(query.host()) && e.port() == query.port())
            .filter(e -> query.mode() == null || e.mode() == query.mode())
            .toList();
    if (configured.size() == 1) {
      return configured.get(0);
    }
    if (configured.size() > 1) {
      String modes =
          configured.stream().map(e -> e.mode().configName()).collect(Collectors.joining(", "));
      throw new RequestRejected(
          400, query.target() + " is configured in several modes (" + modes + "); add &mode=");
    }
    if (!running.probe().allowsUnconfigured(query.host())) {
      throw new RequestRejected(
          403,
          query.target()
              + (query.mode() == null ? "" : " in mode " + query.mode().configName())
              + " is not a configured endpoint, and probe.allow_unconfigured does not allow its"
              + " host");
    }
    return unconfigured(query, running);
  }

  /** An allowed host the config does not list: the port's defaults, the global settings. */
  private static Endpoint unconfigured(ProbeQuery query, Config running) throws RequestRejected {
    Mode mode = query.mode();
    if (mode == null) {
      mode =
          PortDefaults.forPort(query.port())
              .map(PortDefaults::mode)
              .orElseThrow(
                  () ->
                      new RequestRejected(
                          400,
                          "port "
                              + query.port()
                              + " has no default mode; add &mode=plain, starttls or tls"));
    }
    Mode chosen = mode;
    PortDefaults defaults =
        PortDefaults.forPort(query.port())
            .filter(portDefaults -> portDefaults.mode() == chosen)
            .orElseGet(() -> PortDefaults.forMode(chosen));
    Duration timeout = running.timeout();
    return new Endpoint(
        query.host(),
        query.port(),
        mode,
        new TlsPolicy(defaults.tlsRequired(), defaults.tlsVerify(), null, null, null),
        null,
        Map.of(),
        // Not scheduled; the interval only has to exceed the timeout.
        timeout.multipliedBy(2),
        timeout,
        running.ehloName(),
        IpPreference.ANY);
  }

  /** {@code endpoint} with a shorter deadline, when the scrape allows less than its timeout. */
  static Endpoint withTimeout(Endpoint endpoint, Duration timeout) {
    if (timeout.compareTo(endpoint.timeout()) >= 0) {
      return endpoint;
    }
    return new Endpoint(
        endpoint.host(),
        endpoint.port(),
        endpoint.mode(),
        endpoint.tls(),
        endpoint.auth(),
        endpoint.labels(),
        endpoint.interval(),
        timeout,
        endpoint.ehloName(),
        endpoint.ipPreference());
  }
}
