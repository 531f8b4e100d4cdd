package org.smtpwatch.exporter.metrics;

import java.time.Duration;
import java.util.List;
import org.smtpwatch.agent.testkit.ExternalCommand;

/**
 * Prometheus's own parser and linter: {@code promtool check metrics} from the Debian package {@code
 * prometheus}, which CI installs. A missing promtool fails the test rather than skipping it, so CI
 * cannot pass without this check.
 */
final class Promtool {

  /** What promtool said about one exposition. */
  record Verdict(int exitCode, String output) {}

  private Promtool() {}

  static Verdict checkMetrics(String exposition) {
    ExternalCommand.Outcome outcome =
        ExternalCommand.run(
            List.of(ExternalCommand.locate("promtool", "prometheus"), "check", "metrics"),
            exposition,
            Duration.ofSeconds(30));
    return new Verdict(outcome.exitCode(), outcome.stdout() + outcome.stderr());
  }
}
