package org.smtpwatch.config;

import java.util.List;

/**
 * Which hosts {@code /probe} may be asked about besides the configured endpoints. Empty by default:
 * a monitoring agent that probes any host:port it is handed is an open proxy for port scans.
 *
 * @param allowUnconfigured patterns of hosts that may be probed without being configured
 */
public record ProbeAccess(List<HostPattern> allowUnconfigured) {

  /** Only configured endpoints: what a config without {@code probe:} gets. */
  public static final ProbeAccess CONFIGURED_ONLY = new ProbeAccess(List.of());

  public ProbeAccess {
    allowUnconfigured = List.copyOf(allowUnconfigured);
  }

  /**
   * Whether an unconfigured {@code host} (a name or an IP literal, as the request wrote it) may be
   * probed.
   */
  public boolean allowsUnconfigured(String host) {
    return allowUnconfigured.stream().anyMatch(pattern -> pattern.matches(host));
  }
}
