package org.smtpwatch.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A validated configuration: the global settings and every endpoint with its defaults applied.
 *
 * @param source the file it was loaded from, or {@code null} for a built-in config (demo)
 * @param listen HTTP listen address, {@code host:port} or {@code :port}
 * @param maxConcurrentProbes how many probes may run at the same time
 */
public record Config(
    Path source,
    String listen,
    Duration interval,
    Duration timeout,
    String ehloName,
    int maxConcurrentProbes,
    List<Endpoint> endpoints) {

  public Config {
    endpoints = List.copyOf(endpoints);
  }
}
