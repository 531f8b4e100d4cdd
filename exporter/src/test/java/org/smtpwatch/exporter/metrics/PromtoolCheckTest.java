package org.smtpwatch.exporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.exporter.metrics.ProbeSamples.NOW;
import static org.smtpwatch.exporter.metrics.ProbeSamples.endpoint;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.probe.FailureReason;
import org.smtpwatch.agent.probe.Phase;
import org.smtpwatch.config.Mode;

/** Prometheus's own parser and linter on a full scrape. */
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

    Promtool.Verdict result = Promtool.checkMetrics(text);

    // Exit 3 means lint findings only; those may name Micrometer's JVM metrics, never ours.
    assertThat(result.exitCode()).as(result.output()).isIn(0, 3);
    assertThat(result.output()).doesNotContain("error");
    assertThat(result.output().lines()).noneSatisfy(line -> assertThat(line).startsWith("smtp"));
  }
}
