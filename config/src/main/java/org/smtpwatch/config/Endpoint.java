package org.smtpwatch.config;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One host and port to probe, with every default already applied.
 *
 * @param auth credentials, or {@code null} when the endpoint is probed without logging in
 * @param labels extra labels for this endpoint's series, sorted by name
 * @param timeout whole-probe deadline; always below {@code interval}
 * @param bannerPattern which part of the greeting to export as the banner, or {@code null} for the
 *     built-in normalisation
 */
public record Endpoint(
    String host,
    int port,
    Mode mode,
    TlsPolicy tls,
    AuthSpec auth,
    Map<String, String> labels,
    Duration interval,
    Duration timeout,
    String ehloName,
    IpPreference ipPreference,
    BannerPattern bannerPattern) {

  public Endpoint {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(ehloName, "ehloName");
    Objects.requireNonNull(ipPreference, "ipPreference");
    labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
  }

  /**
   * Without a banner pattern: endpoints built in code (the {@code probe} command, the demo, tests)
   * use the built-in normalisation.
   */
  public Endpoint(
      String host,
      int port,
      Mode mode,
      TlsPolicy tls,
      AuthSpec auth,
      Map<String, String> labels,
      Duration interval,
      Duration timeout,
      String ehloName,
      IpPreference ipPreference) {
    this(host, port, mode, tls, auth, labels, interval, timeout, ehloName, ipPreference, null);
  }

  /**
   * {@code host:port}, with IPv6 literals in brackets; the endpoint's identity in logs and URLs.
   */
  public String target() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  /** Identity for scheduling and the result store: host, port and mode. */
  public EndpointKey key() {
    return new EndpointKey(host, port, mode);
  }
}
