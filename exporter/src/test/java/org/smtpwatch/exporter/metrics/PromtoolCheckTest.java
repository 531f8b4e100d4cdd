package org.smtpwatch.exporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.exporter.metrics.ProbeSamples.NOW;
import static org.smtpwatch.exporter.metrics.ProbeSamples.endpoint;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.probe.FailureReason;
import org.smtpwatch.agent.probe.Phase;
import org.smtpwatch.config.Mode;
import org.smtpwatch.exporter.prometheus.Binaries;

/**
 * Prometheus's own parser and linter on a full scrape: {@code promtool check metrics} from the
 * Debian package {@code prometheus}, which CI installs. Missing promtool fails the test rather than
 * skipping it, so CI cannot pass without this check.
 */
class PromtoolCheckTest {

  @Test
  void promtoolAcceptsAFullScrape() throws Exception {
    String text;
    try (StoreFixture fixture = new StoreFixture()) {
      fixture.record(ProbeSamples.starttlsSuccess(ProbeSamples.submission(), NOW));
      fixture.record(
          ProbeSamples.expiredCertificate(
              endpoint("old.example.com", 465, Mode.TLS, Map.of()), NOW));
      fixture.record(
          ProbeSamples.failure(
              endpoint("down.example.com", 587, Mode.STARTTLS, Map.of("site", "b")),
              NOW,
              Phase.CONNECT,
              FailureReason.CONNECT_TIMEOUT));
      fixture.record(HostileInputTest.hostileResult());
      fixture.metrics.scheduleLagObserver().observe(java.time.Duration.ofMillis(12));
      text = fixture.text();
    }

    PromtoolResult result = promtoolCheckMetrics(text);

    // Exit 3 means lint findings only; those may name Micrometer's JVM metrics, never ours.
    assertThat(result.exitCode()).as(result.output()).isIn(0, 3);
    assertThat(result.output()).doesNotContain("error");
    assertThat(result.output().lines()).noneSatisfy(line -> assertThat(line).startsWith("smtp"));
  }

  private record PromtoolResult(int exitCode, String output) {}

  private static PromtoolResult promtoolCheckMetrics(String exposition) throws Exception {
    Process process =
        new ProcessBuilder(Binaries.find("promtool"), "check", "metrics")
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
    return new PromtoolResult(process.exitValue(), output);
  }
}
