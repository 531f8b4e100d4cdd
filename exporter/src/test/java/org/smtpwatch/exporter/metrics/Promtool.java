package org.smtpwatch.exporter.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.smtpwatch.exporter.InstalledPrograms;

/**
 * Prometheus's own parser and linter: {@code promtool check metrics} from the Debian package {@code
 * prometheus}, which CI installs. A missing promtool fails the test rather than skipping it, so CI
 * cannot pass without this check.
 */
final class Promtool {

  /** What promtool said about one exposition. */
  record Verdict(int exitCode, String output) {}

  private Promtool() {}

  static Verdict checkMetrics(String exposition) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(InstalledPrograms.find("promtool", "prometheus"), "check", "metrics")
            .redirectErrorStream(true)
            .start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(exposition.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("promtool did not finish within 30s");
    }
    return new Verdict(process.exitValue(), output);
  }
}
