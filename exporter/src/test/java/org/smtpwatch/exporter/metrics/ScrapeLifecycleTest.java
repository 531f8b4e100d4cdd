package org.smtpwatch.exporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.exporter.metrics.ProbeSamples.NOW;
import static org.smtpwatch.exporter.metrics.ProbeSamples.endpoint;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.probe.FailureReason;
import org.smtpwatch.agent.probe.Phase;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.Mode;

/** How series come and go across scrapes as the store changes. */
class ScrapeLifecycleTest {

  private final StoreFixture fixture = new StoreFixture();
  private final Endpoint relay = endpoint("relay.example.com", 25, Mode.STARTTLS, Map.of());
  private final Endpoint other = endpoint("mx.example.net", 25, Mode.STARTTLS, Map.of());

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void aRemovedEndpointDisappearsFromTheNextScrape() {
    fixture.record(ProbeSamples.noTls(relay, NOW)).record(ProbeSamples.noTls(other, NOW));
    assertThat(fixture.smtpLines())
        .anySatisfy(line -> assertThat(line).contains("host=\"relay.example.com\""));

    fixture.store.remove(relay.key());

    assertThat(fixture.smtpLines())
        .isNotEmpty()
        .noneSatisfy(line -> assertThat(line).contains("host=\"relay.example.com\""));
  }

  @Test
  void aChangedBannerReplacesTheOldSeries() {
    fixture.record(ProbeSamples.greeting(relay, NOW, 220, "relay.example.com ESMTP Postfix"));
    fixture.record(
        ProbeSamples.greeting(
            relay, NOW.plusSeconds(60), 220, "relay.example.com ESMTP Exim 4.96"));

    assertThat(Exposition.samples(fixture.text(), "smtp_banner_info"))
        .containsExactly(
            "smtp_banner_info{banner=\"relay.example.com ESMTP Exim 4.96\","
                + "host=\"relay.example.com\",mode=\"starttls\",port=\"25\"} 1");
  }

  @Test
  void perConnectionTokensDoNotAddSeries() {
    fixture.record(ProbeSamples.greeting(relay, NOW, 220, "mx ESMTP a640c23a62f3a-abc123.456"));
    fixture.record(
        ProbeSamples.greeting(
            relay, NOW.plusSeconds(60), 220, "mx ESMTP 9f1e2d3c4b5a6-zzz987.654"));

    assertThat(Exposition.samples(fixture.text(), "smtp_banner_info")).hasSize(1);
  }

  @Test
  void failureInfoExistsOnlyWhileFailing() {
    fixture.record(ProbeSamples.noTls(relay, NOW));
    assertThat(Exposition.samples(fixture.text(), "smtp_probe_failure_info")).isEmpty();

    fixture.record(
        ProbeSamples.failure(relay, NOW.plusSeconds(60), Phase.CONNECT, FailureReason.TIMEOUT));
    assertThat(Exposition.samples(fixture.text(), "smtp_probe_failure_info"))
        .containsExactly(
            "smtp_probe_failure_info{host=\"relay.example.com\",mode=\"starttls\",phase=\"connect\","
                + "port=\"25\",reason=\"timeout\"} 1");

    fixture.record(ProbeSamples.noTls(relay, NOW.plusSeconds(120)));
    String text = fixture.text();
    assertThat(Exposition.samples(text, "smtp_probe_failure_info")).isEmpty();
    assertThat(Exposition.samples(text, "smtp_probe_failures_total"))
        .containsExactly(
            "smtp_probe_failures_total{host=\"relay.example.com\",mode=\"starttls\",port=\"25\","
                + "reason=\"timeout\"} 1.0");
    assertThat(Exposition.samples(text, "smtp_probes_total"))
        .containsExactly(
            "smtp_probes_total{host=\"relay.example.com\",mode=\"starttls\",port=\"25\"} 3.0");
    assertThat(Exposition.samples(text, "smtp_handshake_duration_seconds_count"))
        .containsExactly(
            "smtp_handshake_duration_seconds_count{host=\"relay.example.com\",mode=\"starttls\","
                + "port=\"25\"} 3");
  }

  @Test
  void aReloadThatChangesAnEndpointsLabelsRelabelsItsSeries() {
    fixture.record(ProbeSamples.noTls(relay, NOW));

    fixture.store.register(endpoint("relay.example.com", 25, Mode.STARTTLS, Map.of("site", "b")));

    assertThat(Exposition.samples(fixture.text(), "smtp_probes_total"))
        .containsExactly(
            "smtp_probes_total{host=\"relay.example.com\",mode=\"starttls\",port=\"25\",site=\"b\"}"
                + " 1.0");
  }
}
