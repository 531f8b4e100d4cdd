package org.smtpwatch.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A validated configuration: the global settings and every endpoint with its defaults applied.
 *
 * @param source the file it was loaded from, or {@code null} for a built-in config (demo)
 * @param listen HTTP listen address, {@code host:port} or {@code :port}
 * @param maxConcurrentProbes how many probes may run at the same time
 * @param web TLS and basic auth of the HTTP server; {@link WebConfig#NONE} when not configured
 * @param probe which unconfigured hosts {@code /probe} may reach; none by default
 * @param domains mail domains whose MX hosts are discovered and probed at run time
 * @param dns the resolver used for the domains and their MX hosts
 */
public record Config(
    Path source,
    String listen,
    Duration interval,
    Duration timeout,
    String ehloName,
    int maxConcurrentProbes,
    List<Endpoint> endpoints,
    WebConfig web,
    ProbeAccess probe,
    List<DomainSpec> domains,
    DnsSettings dns) {

  public Config {
    endpoints = List.copyOf(endpoints);
    Objects.requireNonNull(web, "web");
    Objects.requireNonNull(probe, "probe");
    domains = List.copyOf(domains);
    Objects.requireNonNull(dns, "dns");
  }

  /** Without domains: configs built in code (the demo, tests) that only probe fixed endpoints. */
  public Config(
      Path source,
      String listen,
      Duration interval,
      Duration timeout,
      String ehloName,
      int maxConcurrentProbes,
      List<Endpoint> endpoints,
      WebConfig web,
      ProbeAccess probe) {
    this(
        source,
        listen,
        interval,
        timeout,
        ehloName,
        maxConcurrentProbes,
        endpoints,
        web,
        probe,
        List.of(),
        DnsSettings.SYSTEM);
  }
}
