package org.smtpwatch.config;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the agent asks DNS about watched domains (MX, the MTA-STS TXT record and policy host, the MX
 * hosts' addresses).
 *
 * @param servers resolvers to ask, in order; empty means the system's (from /etc/resolv.conf)
 * @param timeout how long one lookup may take, retries included
 * @param minTtl the shortest time between two lookups of a domain, whatever its records' TTL says
 * @param maxTtl the longest time between two lookups of a domain, whatever its records' TTL says
 */
public record DnsSettings(
    List<InetSocketAddress> servers, Duration timeout, Duration minTtl, Duration maxTtl) {

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration DEFAULT_MIN_TTL = Duration.ofSeconds(60);
  static final Duration DEFAULT_MAX_TTL = Duration.ofHours(1);

  /** The system's resolvers and the default bounds. */
  public static final DnsSettings SYSTEM =
      new DnsSettings(List.of(), DEFAULT_TIMEOUT, DEFAULT_MIN_TTL, DEFAULT_MAX_TTL);

  public DnsSettings {
    servers = List.copyOf(servers);
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(minTtl, "minTtl");
    Objects.requireNonNull(maxTtl, "maxTtl");
  }

  /** {@code ttl} clamped to {@code [minTtl, maxTtl]}: when to look again. */
  public Duration refreshAfter(Duration ttl) {
    if (ttl.compareTo(minTtl) < 0) {
      return minTtl;
    }
    return ttl.compareTo(maxTtl) > 0 ? maxTtl : ttl;
  }
}
