package org.smtpwatch.exporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.smtpwatch.agent.testkit.TestCertificateAuthority;
import org.smtpwatch.agent.testkit.TestCertificates;
import org.smtpwatch.agent.tls.issue.CertificateSpec;
import org.smtpwatch.config.Config;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.IpPreference;
import org.smtpwatch.config.Mode;
import org.smtpwatch.config.TlsPolicy;
import org.smtpwatch.exporter.demo.DemoListener;
import org.smtpwatch.exporter.demo.DemoSetup;
import org.smtpwatch.exporter.grafana.AlertRule;
import org.smtpwatch.exporter.grafana.GrafanaFiles;
import org.smtpwatch.exporter.grafana.PanelData;
import org.smtpwatch.exporter.prometheus.PrometheusServer;
import org.smtpwatch.exporter.prometheus.PrometheusServer.Sample;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The shipped alert rules and host dashboards (every dashboard but the domain ones, which {@link
 * DomainDashboardOnPrometheusTest} checks), unchanged, on Debian's real Prometheus scraping the
 * agent that probes the demo mail server every {@value #INTERVAL_SECONDS} s (scrapes and rule
 * evaluations every second, set in Prometheus's config, not in the rules). The submission listener
 * sits behind a relay the test stops and restarts; the implicit-TLS listener behind one the test
 * points at a server whose certificate expires in three days and back. A closed port keeps one
 * endpoint failing, so the "failing now" panels have something to show.
 *
 * <p>Takes about the longest {@code for:} of the two alerts (2 minutes) plus a few intervals.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GrafanaOnPrometheusTest {

  private static final int INTERVAL_SECONDS = 3;
  private static final Duration INTERVAL = Duration.ofSeconds(INTERVAL_SECONDS);
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final Duration STARTUP = Duration.ofSeconds(30);

  /**
   * From a change at the server to the alert's state following it: the agent's next probe (two
   * intervals: one may be in flight), Prometheus's next scrape, and the rule evaluation that sees
   * it; a `for` is checked at evaluations too.
   */
  private static final Duration DETECTION =
      INTERVAL
          .multipliedBy(2)
          .plus(PrometheusServer.SCRAPE_AND_EVALUATION_INTERVAL.multipliedBy(3));

  @TempDir static Path dir;

  private static DemoSetup setup;
  private static SMTPServer expiringServer;
  private static LoopbackRelay submission;
  private static LoopbackRelay implicitTls;
  private static ScrapedAgent scraped;
  private static PrometheusServer prometheus;

  @BeforeAll
  static void start() throws Exception {
    setup = DemoSetup.start(Files.createDirectory(dir.resolve("demo")));
    TestCertificateAuthority authority = TestCertificates.authority();
    expiringServer = expiringServer(authority);
    submission = LoopbackRelay.to(listener(587).port());
    implicitTls = LoopbackRelay.to(listener(465).port());
    Path trusted = trustBoth(authority);
    scraped =
        ScrapedAgent.start(
            FastDemo.startAgent(config(trusted)),
            Files.createDirectory(dir.resolve("prometheus")),
            GrafanaFiles.ruleFiles());
    prometheus = scraped.prometheus();
    prometheus.awaitQuery("count(smtp_probe_success == 1)", value(4), STARTUP);
    prometheus.awaitQuery("smtp_probe_success{shaped_like=\"closed\"} == 0", value(0), STARTUP);
  }

  @AfterAll
  static void stop() throws Exception {
    Closing.all(
        scraped,
        submission,
        implicitTls,
        expiringServer == null ? null : expiringServer::stop,
        setup == null ? null : setup.server());
  }

  @Test
  @Order(1)
  void submissionDownAndExpiringCertificateFireWithinTheirForAndResolve() throws Exception {
    AlertRule down = AlertRule.named("SmtpSubmissionDown");
    AlertRule expiring = AlertRule.named("SmtpCertificateExpiring");
    String downAlert = alert(down, submission.port());
    String expiringAlert = alert(expiring, implicitTls.port());
    assertThat(prometheus.query(downAlert)).isEmpty();
    assertThat(prometheus.query(expiringAlert)).isEmpty();

    Instant broken = Instant.now();
    submission.stopListening();
    implicitTls.retarget(expiringServer.getPortAllocated());

    // Pending first: the `for` holds the alert back.
    awaitState(downAlert, "pending", broken.plus(DETECTION));
    assertThat(prometheus.query(state(downAlert, "firing"))).isEmpty();
    awaitState(expiringAlert, "pending", broken.plus(DETECTION));
    assertThat(prometheus.query(state(expiringAlert, "firing"))).isEmpty();

    List<Sample> firing =
        awaitState(downAlert, "firing", broken.plus(down.forDuration()).plus(DETECTION));
    assertThat(firing.get(0).labels())
        .containsEntry("severity", "critical")
        .containsEntry("host", "localhost")
        .containsEntry("shaped_like", "587");
    awaitState(expiringAlert, "firing", broken.plus(expiring.forDuration()).plus(DETECTION));

    Instant repaired = Instant.now();
    submission.listenAgain();
    implicitTls.retarget(listener(465).port());

    awaitGone(downAlert, repaired.plus(DETECTION));
    awaitGone(expiringAlert, repaired.plus(DETECTION));
  }

  @Test
  @Order(2)
  void everyQueryOfEveryHostDashboardReturnsData() throws Exception {
    // Single-value variables on the submission endpoint the alert test stopped and restarted: it
    // has a certificate, a plaintext channel, a login and a failure history.
    PanelData panels =
        new PanelData(
            prometheus, Map.of("host", "localhost", "port", String.valueOf(submission.port())));
    assertThat(panels.awaitQueriesWithoutData(GrafanaFiles.hostDashboards(), STARTUP))
        .as("panel queries without data")
        .isEmpty();
  }

  private static String alert(AlertRule rule, int port) {
    return "ALERTS{alertname=\"" + rule.name() + "\",port=\"" + port + "\"}";
  }

  private static String state(String alert, String state) {
    return alert.replace("}", ",alertstate=\"" + state + "\"}");
  }

  private static List<Sample> awaitState(String alert, String state, Instant deadline)
      throws IOException {
    return prometheus.awaitQuery(
        state(alert, state), samples -> samples.size() == 1, until(deadline));
  }

  private static void awaitGone(String alert, Instant deadline) throws IOException {
    prometheus.awaitQuery(alert, List::isEmpty, until(deadline));
  }

  private static Duration until(Instant deadline) {
    Duration left = Duration.between(Instant.now(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static java.util.function.Predicate<List<Sample>> value(double expected) {
    return samples -> samples.size() == 1 && samples.get(0).value() == expected;
  }

  /** The demo's endpoints, 587 and 465 behind the relays, and one on a closed port. */
  private static Config config(Path trusted) throws IOException {
    Config demo = setup.config();
    List<Endpoint> endpoints = new ArrayList<>();
    for (Endpoint endpoint : demo.endpoints()) {
      String shape = endpoint.labels().get("shaped_like");
      TlsPolicy tls = endpoint.tls();
      int port = endpoint.port();
      if (shape.equals("587")) {
        port = submission.port();
      } else if (shape.equals("465")) {
        port = implicitTls.port();
        tls = new TlsPolicy(tls.required(), tls.verify(), trusted, tls.serverName(), null);
      }
      endpoints.add(FastDemo.endpoint(endpoint, port, tls, INTERVAL, TIMEOUT));
    }
    endpoints.add(
        new Endpoint(
            "localhost",
            closedPort(),
            Mode.PLAIN,
            new TlsPolicy(false, false, null, null, null),
            null,
            Map.of("shaped_like", "closed"),
            INTERVAL,
            TIMEOUT,
            demo.ehloName(),
            IpPreference.IPV4));
    return FastDemo.of(demo, endpoints, INTERVAL, TIMEOUT);
  }

  /** An implicit-TLS mail server whose certificate, from {@code authority}, expires in 3 days. */
  private static SMTPServer expiringServer(TestCertificateAuthority authority) {
    TestCertificates certificates =
        authority.issue(
            CertificateSpec.forHosts("localhost", "127.0.0.1")
                .withNotAfter(Instant.now().plus(Duration.ofDays(3))));
    SMTPServer server =
        SMTPServer.port(0)
            .bindAddress(InetAddress.getLoopbackAddress())
            .hostName("localhost")
            .softwareName("smtpwatch test, certificate expiring")
            .serverSocketFactory(certificates.serverContext())
            .messageHandler((context, from, to, data) -> {})
            .build();
    server.start();
    return server;
  }

  /** A CA file trusting both the demo's authority and {@code authority}. */
  private static Path trustBoth(TestCertificateAuthority authority) throws IOException {
    Path demoCa = setup.config().endpoints().get(0).tls().caFile();
    Path testCa = authority.writeCaPem(Files.createDirectory(dir.resolve("test-ca")));
    return Files.writeString(
        dir.resolve("trusted.pem"), Files.readString(demoCa) + Files.readString(testCa));
  }

  /** A loopback port nothing listens on (free a moment ago). */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  private static DemoListener listener(int shapedLike) {
    return FastDemo.listener(setup, shapedLike);
  }
}
