package org.smtpwatch.exporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.smtpwatch.config.Config;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.exporter.demo.DemoListener;
import org.smtpwatch.exporter.demo.DemoSetup;
import org.smtpwatch.exporter.prometheus.PrometheusServer;
import org.smtpwatch.exporter.prometheus.PrometheusServer.Sample;

/**
 * What a user sees through a real Prometheus server: the demo mail server (four listeners, a fresh
 * certificate) probed every second by the agent wired as {@code run} and {@code demo} wire it,
 * Debian's {@code prometheus} scraping {@code /metrics} every second, and the PromQL queries a user
 * would type answered with the expected values. Lives in the {@code cli} package to start the
 * exporter through {@link RunningExporter}, the same wiring as the commands.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusScrapeTest {

  private static final Duration INTERVAL = Duration.ofSeconds(1);
  private static final Duration TIMEOUT = Duration.ofMillis(800);

  /** Prometheus's first scrape comes within a second of its start, the agent's every second. */
  private static final Duration WAIT = Duration.ofSeconds(15);

  private static final Set<String> SHAPES = Set.of("25", "465", "587", "2525");

  @TempDir static Path dir;

  private static DemoSetup setup;
  private static LoopbackRelay relay;
  private static ScrapedAgent scraped;
  private static PrometheusServer prometheus;

  @BeforeAll
  static void start() throws Exception {
    setup = DemoSetup.start(Files.createDirectory(dir.resolve("demo")));
    relay = LoopbackRelay.to(listener(2525).port());
    scraped =
        ScrapedAgent.start(
            FastDemo.startAgent(fastConfig(setup.config(), relay.port())),
            Files.createDirectory(dir.resolve("prometheus")),
            List.of());
    prometheus = scraped.prometheus();
    prometheus.awaitQuery("up{job=\"" + PrometheusServer.JOB + "\"}", singleValue(1.0), WAIT);
    prometheus.awaitQuery(
        "smtp_probe_success == 1", samples -> shapes(samples).equals(SHAPES), WAIT);
  }

  @AfterAll
  static void stop() throws Exception {
    Closing.all(scraped, relay, setup == null ? null : setup.server());
  }

  @Test
  @Order(1)
  void theUsersSubmissionQueryAnswersOne() throws Exception {
    assertThat(single(prometheus.query("smtp_probe_success{shaped_like=\"587\"}"))).isEqualTo(1.0);
    // The literal query of the issue: by the port label, here the port the 587-like listener got.
    List<Sample> byPort =
        prometheus.query("smtp_probe_success{port=\"" + listener(587).port() + "\"}");
    assertThat(single(byPort)).isEqualTo(1.0);
    assertThat(byPort.get(0).labels())
        .containsEntry("job", PrometheusServer.JOB)
        .containsEntry("instance", "127.0.0.1:" + scraped.http().port())
        .containsEntry("host", "localhost")
        .containsEntry("mode", "starttls")
        .containsEntry("shaped_like", "587");
  }

  @Test
  @Order(1)
  void everyListenerIsUpAndCounted() throws Exception {
    for (String shape : SHAPES) {
      assertThat(single(prometheus.query("smtp_probe_success{shaped_like=\"" + shape + "\"}")))
          .as("smtp_probe_success of the %s-like listener", shape)
          .isEqualTo(1.0);
    }
    assertThat(single(prometheus.query("smtpwatch_endpoints"))).isEqualTo(4.0);
    assertThat(single(prometheus.query("smtpwatch_build_info"))).isEqualTo(1.0);
    assertThat(single(prometheus.query("smtpwatch_config_last_reload_successful"))).isEqualTo(1.0);
    assertThat(prometheus.query("smtp_probe_failure_info")).isEmpty();
  }

  @Test
  @Order(1)
  void daysToExpiryOfTheDemoCertificate() throws Exception {
    // The demo certificate is valid from a day before its issue until 90 days after.
    double days =
        single(
            prometheus.query(
                "(smtp_cert_not_after_timestamp_seconds{shaped_like=\"465\"} - time()) / 86400"));
    assertThat(days).isBetween(89.9, 90.0);
    double age =
        single(
            prometheus.query(
                "(time() - smtp_cert_not_before_timestamp_seconds{shaped_like=\"465\"}) / 86400"));
    assertThat(age).isBetween(1.0, 1.1);
    assertThat(prometheus.query("smtp_cert_trusted == 1 and smtp_cert_hostname_match == 1"))
        .hasSize(4);
  }

  @Test
  @Order(1)
  void phaseLatenciesAndTlsVersion() throws Exception {
    List<Sample> handshakes =
        prometheus.query("smtp_probe_phase_duration_seconds{phase=\"tls_handshake\"}");
    assertThat(shapes(handshakes)).isEqualTo(SHAPES);
    assertThat(handshakes).allSatisfy(sample -> assertThat(sample.value()).isPositive());
    assertThat(
            single(
                prometheus.query(
                    "smtp_probe_phase_duration_seconds{phase=\"connect\",shaped_like=\"25\"}")))
        .isPositive();

    List<Sample> versions = prometheus.query("smtp_tls_version_info");
    assertThat(shapes(versions)).isEqualTo(SHAPES);
    assertThat(versions)
        .allSatisfy(
            sample -> {
              assertThat(sample.labels()).containsEntry("version", "TLSv1.3");
              assertThat(sample.value()).isEqualTo(1.0);
            });
  }

  @Test
  @Order(1)
  void handshakeQuantileIsANumber() throws Exception {
    // rate() needs two scrapes in the window with probes between them.
    List<Sample> quantile =
        prometheus.awaitQuery(
            "histogram_quantile(0.9, sum by (le) (rate(smtp_handshake_duration_seconds_bucket[10s])))",
            samples -> samples.size() == 1 && Double.isFinite(samples.get(0).value()),
            WAIT);
    // Every probe ends within the 0.8 s timeout, in a bucket up to 1 s at most; the quantile is
    // interpolated inside its bucket, so it may exceed the timeout but never that bucket's bound.
    assertThat(quantile.get(0).value()).isPositive().isLessThanOrEqualTo(1.0);
  }

  @Test
  @Order(1)
  void probeCounterIncreases() throws Exception {
    String query = "smtp_probes_total{shaped_like=\"587\"}";
    double before = single(prometheus.query(query));
    assertThat(before).isPositive();

    prometheus.awaitQuery(
        query, samples -> samples.size() == 1 && samples.get(0).value() > before, WAIT);
  }

  @Test
  @Order(2)
  void aListenerThatGoesAwayIsReportedAsRefused() throws Exception {
    relay.close();

    prometheus.awaitQuery("smtp_probe_success{shaped_like=\"2525\"}", singleValue(0.0), WAIT);
    // A probe in flight when the relay closed may fail otherwise (connection_closed); the next
    // one finds the port refusing.
    List<Sample> failures =
        prometheus.awaitQuery(
            "smtp_probe_failure_info{shaped_like=\"2525\",reason=\"connect_refused\"}",
            samples -> samples.size() == 1,
            WAIT);
    assertThat(failures.get(0).labels())
        .containsEntry("reason", "connect_refused")
        .containsEntry("phase", "connect");
    assertThat(failures.get(0).value()).isEqualTo(1.0);
    assertThat(
            prometheus.query(
                "smtp_probe_failures_total{shaped_like=\"2525\",reason=\"connect_refused\"}"))
        .singleElement()
        .satisfies(sample -> assertThat(sample.value()).isPositive());
    // The other three keep working.
    prometheus.awaitQuery(
        "smtp_probe_success == 1",
        samples -> shapes(samples).equals(Set.of("25", "465", "587")),
        WAIT);
  }

  private static Config fastConfig(Config demo, int relayPort) {
    List<Endpoint> endpoints =
        demo.endpoints().stream()
            .map(
                e ->
                    FastDemo.endpoint(
                        e,
                        "2525".equals(e.labels().get("shaped_like")) ? relayPort : e.port(),
                        e.tls(),
                        INTERVAL,
                        TIMEOUT))
            .toList();
    return FastDemo.of(demo, endpoints, INTERVAL, TIMEOUT);
  }

  private static DemoListener listener(int shapedLike) {
    return FastDemo.listener(setup, shapedLike);
  }

  /** The value of a result that must hold exactly one sample. */
  private static double single(List<Sample> samples) {
    assertThat(samples).as("samples").hasSize(1);
    return samples.get(0).value();
  }

  private static java.util.function.Predicate<List<Sample>> singleValue(double expected) {
    return samples -> samples.size() == 1 && samples.get(0).value() == expected;
  }

  private static Set<String> shapes(List<Sample> samples) {
    return samples.stream()
        .map(Sample::labels)
        .map((Map<String, String> labels) -> labels.get("shaped_like"))
        .collect(Collectors.toSet());
  }
}
