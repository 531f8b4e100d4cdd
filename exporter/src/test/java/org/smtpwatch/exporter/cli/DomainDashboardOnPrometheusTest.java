package org.smtpwatch.exporter.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpwatch.agent.testkit.DomainWatchConfig;
import org.smtpwatch.agent.testkit.HttpsPolicyServer;
import org.smtpwatch.agent.testkit.LoopbackNameServer;
import org.smtpwatch.agent.testkit.TestCertificateAuthority;
import org.smtpwatch.agent.tls.issue.CertificateSpec;
import org.smtpwatch.config.Config;
import org.smtpwatch.exporter.grafana.GrafanaFiles;
import org.smtpwatch.exporter.grafana.PanelData;
import org.smtpwatch.exporter.prometheus.PrometheusServer;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The shipped domain dashboards, unchanged, on Debian's real Prometheus scraping the agent that
 * watches three loopback mail domains through a private BIND: {@code mail.test}, healthy (an
 * enforcing MTA-STS policy its one MX satisfies), {@code sts-down.mail.test}, whose policy server
 * presents a certificate for another name, and {@code broken.test}, whose name server answers
 * SERVFAIL. Between them every panel has something to show.
 */
class DomainDashboardOnPrometheusTest {

  private static final Duration STARTUP = Duration.ofSeconds(30);
  private static final String POLICY =
      "version: STSv1\nmode: enforce\nmx: *.mail.test\nmax_age: 604800\n";

  @TempDir static Path dir;

  private static SMTPServer mx;
  private static WireMockServer policyServer;
  private static LoopbackNameServer named;
  private static ScrapedAgent scraped;
  private static PrometheusServer prometheus;

  @BeforeAll
  static void start() throws Exception {
    TestCertificateAuthority ca =
        TestCertificateAuthority.root(CertificateSpec.forAuthority("Domain dashboard test CA"));
    Path caFile = ca.writeCaPem(Files.createDirectory(dir.resolve("ca")));
    mx = startTlsServer(ca);
    // One certificate for mail.test's policy host only: sts-down.mail.test's fetch fails on it.
    policyServer =
        HttpsPolicyServer.start(ca.issue(CertificateSpec.forHosts("mta-sts.mail.test")), dir);
    policyServer.stubFor(
        get(urlEqualTo("/.well-known/mta-sts.txt"))
            .willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody(POLICY)));
    named =
        LoopbackNameServer.start(
            Files.createDirectory(dir.resolve("named")),
            "mail.test",
            "@ MX 10 mx1",
            "mx1 A 127.0.0.1",
            "mta-sts A 127.0.0.1",
            "_mta-sts TXT \"v=STSv1; id=20261128;\"",
            "sts-down MX 10 mx1",
            "mta-sts.sts-down A 127.0.0.1",
            "_mta-sts.sts-down TXT \"v=STSv1; id=20261128;\"");
    String ports = "    ports: [{port: " + mx.getPortAllocated() + ", mode: starttls}]";
    String tls = "    tls: {ca_file: " + caFile + ", required: false, verify: false}";
    String mtaSts =
        "    mta_sts: {port: " + policyServer.httpsPort() + ", ca_file: " + caFile + "}";
    Config config =
        DomainWatchConfig.load(
            dir,
            named,
            "1500ms",
            "  - name: mail.test",
            ports,
            tls,
            mtaSts,
            "  - name: sts-down.mail.test",
            ports,
            tls,
            mtaSts,
            "  - name: broken.test",
            ports);
    scraped =
        ScrapedAgent.start(
            FastDemo.startDomainAgent(config),
            Files.createDirectory(dir.resolve("prometheus")),
            GrafanaFiles.ruleFiles());
    prometheus = scraped.prometheus();
  }

  @AfterAll
  static void stop() throws Exception {
    Closing.all(
        scraped,
        mx == null ? null : mx::stop,
        policyServer == null ? null : policyServer::stop,
        named);
  }

  @Test
  void everyQueryOfEveryDomainDashboardReturnsData() throws Exception {
    // The variables need the domains' series; the panels may need a few more scrapes after them.
    prometheus.awaitQuery(
        "count(smtp_domain_mx_lookup_success)",
        samples -> samples.size() == 1 && samples.get(0).value() == 3,
        STARTUP);
    PanelData panels = new PanelData(prometheus, Map.of());
    assertThat(panels.awaitQueriesWithoutData(GrafanaFiles.domainDashboards(), STARTUP))
        .as("panel queries without data")
        .isEmpty();

    // What the panels show is each domain's own story, not one domain's data everywhere.
    assertThat(labelByDomain("smtp_mta_sts_mx_enforce_ready == 1", "mx"))
        .containsExactly(Map.entry("mail.test", "mx1.mail.test"));
    assertThat(labelByDomain("smtp_mta_sts_fetch_failure_info", "reason"))
        .containsEntry("sts-down.mail.test", "tls")
        .doesNotContainKey("mail.test");
    assertThat(labelByDomain("smtp_domain_mx_lookup_failure_info", "reason"))
        .containsExactly(Map.entry("broken.test", "servfail"));
  }

  /** Label {@code name} of each sample {@code promql} returns, by its domain. */
  private static Map<String, String> labelByDomain(String promql, String name) throws IOException {
    return prometheus.query(promql).stream()
        .collect(
            Collectors.toMap(
                sample -> sample.labels().get("domain"), sample -> sample.labels().get(name)));
  }

  /** A STARTTLS mail server on 127.0.0.1 with a certificate for {@code mx1.mail.test}. */
  private static SMTPServer startTlsServer(TestCertificateAuthority ca) throws Exception {
    SMTPServer server =
        SMTPServer.port(0)
            .bindAddress(InetAddress.getByName("127.0.0.1"))
            .hostName("mx1.mail.test")
            .enableTLS()
            .startTlsSocketFactory(
                ca.issue(CertificateSpec.forHosts("mx1.mail.test")).serverContext())
            .messageHandler((context, from, to, data) -> {})
            .build();
    server.start();
    return server;
  }
}
