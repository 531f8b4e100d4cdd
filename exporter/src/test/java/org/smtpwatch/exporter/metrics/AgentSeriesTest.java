package org.smtpwatch.exporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.exporter.metrics.ProbeSamples.NOW;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.schedule.ReloadStatus;
import org.smtpwatch.exporter.BuildInfo;

/** The agent's own series, the JVM's, and their exact names in both exposition formats. */
class AgentSeriesTest {

  private final StoreFixture fixture = new StoreFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void buildInfoReloadStatusAndEndpointCount() {
    fixture.register(ProbeSamples.submission());
    fixture.reloadStatus = new ReloadStatus(false, NOW.plusSeconds(30), NOW);

    String text = fixture.text();

    assertThat(text.lines())
        .contains(
            "smtpwatch_build_info{java_version=\"17.0.15\",version=\"0.1.0\"} 1",
            "smtpwatch_config_last_reload_successful 0.0",
            "smtpwatch_config_last_reload_success_timestamp_seconds 1.7958672E9",
            "smtpwatch_endpoints 1.0");
  }

  @Test
  void probesInFlightAgainstTheConcurrencyLimit() {
    fixture.probesInFlight = 3;
    fixture.maxConcurrentProbes = 16;

    assertThat(fixture.text().lines())
        .contains("smtpwatch_probes_in_flight 3.0", "smtpwatch_max_concurrent_probes 16.0");

    fixture.probesInFlight = 0;
    assertThat(fixture.text().lines()).contains("smtpwatch_probes_in_flight 0.0");
  }

  @Test
  void scheduleLagIsAHistogramInSeconds() {
    fixture.metrics.scheduleLagObserver().observe(Duration.ofMillis(30));
    fixture.metrics.scheduleLagObserver().observe(Duration.ofSeconds(3));

    String text = fixture.text();

    assertThat(text)
        .contains("# TYPE smtpwatch_probe_schedule_lag_seconds histogram\n")
        .contains("smtpwatch_probe_schedule_lag_seconds_bucket{le=\"0.05\"} 1\n")
        .contains("smtpwatch_probe_schedule_lag_seconds_bucket{le=\"5.0\"} 2\n")
        .contains("smtpwatch_probe_schedule_lag_seconds_bucket{le=\"+Inf\"} 2\n")
        .contains("smtpwatch_probe_schedule_lag_seconds_count 2\n")
        .contains("smtpwatch_probe_schedule_lag_seconds_sum 3.03\n");
  }

  @Test
  void openMetricsNamesCountersAndInfoMetricsAsTheTextFormatDoes() {
    fixture.record(ProbeSamples.starttlsSuccess(ProbeSamples.submission(), NOW));

    String openMetrics = fixture.openMetrics();

    assertThat(openMetrics)
        .contains("# TYPE smtp_probes counter\n")
        .contains("\nsmtp_probes_total{group=\"prod\",")
        .contains("# TYPE smtp_banner info\n")
        .contains("\nsmtp_banner_info{banner=")
        .contains("# TYPE smtpwatch_build info\n")
        .contains("\nsmtpwatch_build_info{java_version=")
        .contains("\nsmtp_handshake_duration_seconds_bucket{")
        .contains("\nsmtpwatch_probe_schedule_lag_seconds_count ")
        .endsWith("# EOF\n");
  }

  @Test
  void theJvmAndProcessMetricsAreThere() {
    assertThat(fixture.text())
        .contains("\njvm_memory_used_bytes{")
        .contains("\njvm_classes_loaded_classes ")
        .contains("\njvm_threads_live_threads ")
        .contains("\nprocess_uptime_seconds ")
        .contains("\nsystem_cpu_count ");
  }

  @Test
  void beforeAnAgentIsWatchedThereAreNoEndpointSeries() {
    try (ExporterMetrics metrics =
        new ExporterMetrics(new BuildInfo("0.1.0", "17"), Clock.fixed(NOW, ZoneOffset.UTC))) {
      String text = Exposition.text(metrics.registry());

      TextFormatGrammar.parse(text);
      assertThat(Exposition.smtpSamples(text)).isEmpty();
      assertThat(text).contains("smtpwatch_endpoints NaN");
      // Bound with the agent, after its start: the binders would delay the first probe.
      assertThat(text).doesNotContain("\njvm_", "\nprocess_");
    }
  }

  @Test
  void eachInstanceHasItsOwnRegistry() {
    try (StoreFixture second = new StoreFixture()) {
      second.record(ProbeSamples.starttlsSuccess(ProbeSamples.submission(), NOW));

      assertThat(fixture.smtpLines()).isEmpty();
      assertThat(second.smtpLines()).isNotEmpty();
    }
  }
}
