package org.smtpwatch.exporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.exporter.metrics.ProbeSamples.NOW;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.probe.FailureReason;
import org.smtpwatch.agent.probe.Phase;
import org.smtpwatch.agent.probe.ProbeResult;

class ForProbeTest {

  @Test
  void showsTheSameSeriesAsTheScrapeForTheLatestProbeAndNothingElse() {
    ProbeResult result = ProbeSamples.starttlsSuccess(ProbeSamples.submission(), NOW);
    String probe = Exposition.text(ExporterMetrics.forProbe(result));
    List<String> scraped;
    try (StoreFixture fixture = new StoreFixture()) {
      scraped = fixture.record(result).smtpLines();
    }

    TextFormatGrammar.parse(probe);
    List<String> probeLines = probe.lines().filter(line -> !line.startsWith("#")).toList();
    assertThat(probeLines)
        .isNotEmpty()
        .allSatisfy(line -> assertThat(scraped).contains(line))
        .noneSatisfy(
            line ->
                assertThat(line)
                    .matches(
                        "smtp_probes_total.*|smtp_probe_failures_total.*|smtp_handshake.*"
                            + "|smtp_probe_last_.*|smtpwatch_.*|jvm_.*|process_.*"))
        .contains(
            "smtp_probe_duration_seconds{group=\"prod\",host=\"mail.example.com\",mode=\"starttls\","
                + "port=\"587\"} 0.123");
  }

  @Test
  void aFailedProbeCarriesItsFailureInfo() {
    ProbeResult result =
        ProbeSamples.failure(ProbeSamples.submission(), NOW, Phase.RESOLVE, FailureReason.DNS);

    assertThat(
            Exposition.samples(
                Exposition.text(ExporterMetrics.forProbe(result)), "smtp_probe_failure_info"))
        .containsExactly(
            "smtp_probe_failure_info{group=\"prod\",host=\"mail.example.com\",mode=\"starttls\","
                + "phase=\"resolve\",port=\"587\",reason=\"dns\"} 1");
  }
}
