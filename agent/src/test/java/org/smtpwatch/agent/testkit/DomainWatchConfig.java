package org.smtpwatch.agent.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.smtpwatch.config.Config;
import org.smtpwatch.config.ConfigLoadResult;
import org.smtpwatch.config.ConfigLoader;

/**
 * A config file for domain-watch tests, loaded the way {@code run} loads it: quick intervals, and a
 * resolver that is the test's {@link LoopbackNameServer} with 1-second TTL bounds.
 */
public final class DomainWatchConfig {

  private DomainWatchConfig() {}

  /**
   * Writes and loads {@code smtpwatch.yml} in {@code dir}.
   *
   * @param domainsLines the lines under {@code domains:}, indented as list items
   * @throws AssertionError when the file does not load
   */
  public static Config load(
      Path dir, LoopbackNameServer named, String timeout, String... domainsLines)
      throws IOException {
    List<String> lines =
        new ArrayList<>(
            List.of(
                "ehlo_name: probe.test",
                "interval: 2s",
                "timeout: " + timeout,
                "dns:",
                "  servers: [\"127.0.0.1:" + named.address().getPort() + "\"]",
                "  timeout: 1s",
                "  min_ttl: 1s",
                "  max_ttl: 1s",
                "domains:"));
    lines.addAll(List.of(domainsLines));
    Path file = dir.resolve("smtpwatch.yml");
    Files.writeString(file, String.join("\n", lines) + "\n");
    ConfigLoadResult loaded = new ConfigLoader().load(file);
    if (loaded instanceof ConfigLoadResult.Invalid invalid) {
      throw new AssertionError("test config does not load: " + invalid.errors());
    }
    return ((ConfigLoadResult.Loaded) loaded).config();
  }
}
