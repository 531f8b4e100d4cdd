package org.smtpwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smtpwatch.bench.fleet.FleetCertificates;
import org.smtpwatch.bench.fleet.FleetEndpoint;

/** The smtpwatch config for a fleet: one target per address, its ports with their modes. */
final class AgentConfig {

  static final String EHLO_NAME = "probe.smtpwatch.test";

  private AgentConfig() {}

  static Path write(
      Path file,
      int httpPort,
      Duration interval,
      Duration timeout,
      List<FleetEndpoint> fleet,
      Path caFile)
      throws IOException {
    Map<String, StringBuilder> ports = new LinkedHashMap<>();
    for (FleetEndpoint endpoint : fleet) {
      ports
          .computeIfAbsent(endpoint.address(), a -> new StringBuilder())
          .append("      - {port: ")
          .append(endpoint.port())
          .append(", mode: ")
          .append(endpoint.mode().configName())
          .append("}\n");
    }
    StringBuilder yaml = new StringBuilder();
    yaml.append("listen: \"127.0.0.1:").append(httpPort).append("\"\n");
    yaml.append("interval: ").append(interval.toSeconds()).append("s\n");
    yaml.append("timeout: ").append(timeout.toSeconds()).append("s\n");
    yaml.append("ehlo_name: ").append(EHLO_NAME).append("\n");
    yaml.append("targets:\n");
    ports.forEach(
        (address, list) ->
            yaml.append("  - host: ")
                .append(address)
                .append("\n    tls: {ca_file: \"")
                .append(caFile)
                .append("\", server_name: ")
                .append(FleetCertificates.serverName())
                .append("}\n    ports:\n")
                .append(list));
    return Files.writeString(file, yaml);
  }
}
