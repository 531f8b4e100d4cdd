package org.smtpwatch.exporter.metrics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpwatch.agent.dns.CurrentDns;
import org.smtpwatch.agent.probe.SmtpProber;
import org.smtpwatch.agent.schedule.Agent;
import org.smtpwatch.agent.testkit.DomainWatchConfig;
import org.smtpwatch.agent.testkit.HttpsPolicyServer;
import org.smtpwatch.agent.testkit.LoopbackNameServer;
import org.smtpwatch.agent.testkit.TestCertificateAuthority;
import org.smtpwatch.agent.tls.issue.CertificateSpec;
import org.smtpwatch.config.Config;
import org.smtpwatch.config.ConfigLoader;
import org.smtpwatch.exporter.BuildInfo;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A whole loopback mail domain: a BIND zone with two MX hosts, real STARTTLS servers on
 * 127.0.0.31/.32 (one with a certificate for its name, one for another name), an enforcing MTA-STS
 * policy from WireMock over HTTPS; the agent's metrics say which MX an enforcing sender would
 * refuse.
 */
class DomainWatchMetricsTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;
  private LoopbackNameServer named;
  private WireMockServer policyServer;
  private SMTPServer mx1;
  private SMTPServer mx2;
  private ExporterMetrics metrics;
  private Agent agent;

  @AfterEach
  void stop() throws Exception {
    if (agent != null) {
      agent.close();
    }
    if (metrics != null) {
      metrics.close();
    }
    mx1.stop();
    mx2.stop();
    policyServer.stop();
    named.close();
  }

  @Test
  void anEnforcedPolicyFlagsTheMxWhoseCertificateWouldFail() throws Exception {
    TestCertificateAuthority ca =
        TestCertificateAuthority.root(CertificateSpec.forAuthority("Domain test CA"));
    Path caFile = ca.writeCaPem(dir);
    mx1 =
        startTls(
            "127.0.0.31", 0, ca.issue(CertificateSpec.forHosts("mx1.mail.test")).serverContext());
    int port = mx1.getPortAllocated();
    mx2 =
        startTls(
            "127.0.0.32",
            port,
            ca.issue(CertificateSpec.forHosts("other.mail.test")).serverContext());
    policyServer =
        HttpsPolicyServer.start(ca.issue(CertificateSpec.forHosts("mta-sts.mail.test")), dir);
    policyServer.stubFor(
        get(urlEqualTo("/.well-known/mta-sts.txt"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/plain")
                    .withBody(
                        "version: STSv1\nmode: enforce\nmx: *.mail.test\nmax_age: 604800\n")));
    named =
        LoopbackNameServer.start(
            dir,
            "mail.test",
            "@ MX 10 mx1",
            "@ MX 20 mx2",
            "mx1 A 127.0.0.31",
            "mx2 A 127.0.0.32",
            "mta-sts A 127.0.0.1",
            "_mta-sts TXT \"v=STSv1; id=20261128;\"");
    startAgent(port, caFile);

    String mx1Ready =
        "smtp_mta_sts_mx_enforce_ready{domain=\"mail.test\",mx=\"mx1.mail.test\"} 1.0";
    String mx2Refused =
        "smtp_mta_sts_mx_enforce_ready{domain=\"mail.test\",mx=\"mx2.mail.test\"} 0.0";
    List<String> lines = awaitLines(mx1Ready, mx2Refused);

    assertThat(lines)
        .contains(
            "smtp_mta_sts_mode_info{domain=\"mail.test\",mode=\"enforce\"} 1",
            "smtp_mta_sts_policy_info{domain=\"mail.test\",id=\"20261128\"} 1",
            "smtp_mta_sts_fetch_success{domain=\"mail.test\"} 1.0",
            "smtp_mta_sts_mx_cert_valid{domain=\"mail.test\",mx=\"mx2.mail.test\"} 0.0",
            "smtp_mta_sts_mx_pattern_match{domain=\"mail.test\",mx=\"mx2.mail.test\"} 1.0",
            "smtp_domain_mx_info{domain=\"mail.test\",mx=\"mx1.mail.test\",preference=\"10\"} 1",
            "smtp_domain_mx_info{domain=\"mail.test\",mx=\"mx2.mail.test\",preference=\"20\"} 1",
            "smtp_cert_hostname_match{domain=\"mail.test\",host=\"mx2.mail.test\",mode=\"starttls\",port=\""
                + port
                + "\"} 0.0");
  }

  private void startAgent(int port, Path caFile) throws Exception {
    Config config =
        DomainWatchConfig.load(
            dir,
            named,
            "1500ms",
            "  - name: mail.test",
            "    ports: [{port: " + port + ", mode: starttls}]",
            "    tls: {ca_file: " + caFile + ", required: false, verify: false}",
            "    mta_sts: {port: " + policyServer.httpsPort() + ", ca_file: " + caFile + "}");
    CurrentDns dns = new CurrentDns();
    metrics = new ExporterMetrics(new BuildInfo("0.1.0", "17"), Clock.systemUTC());
    agent =
        Agent.start(
            config,
            new SmtpProber(dns),
            new ConfigLoader()::load,
            metrics.scheduleLagObserver(),
            dns,
            Clock.systemUTC());
    metrics.watch(agent);
  }

  private List<String> awaitLines(String... expected) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      List<String> lines = Exposition.smtpSamples(Exposition.text(metrics.registry()));
      if (lines.containsAll(List.of(expected))) {
        return lines;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not within " + WAIT + ": " + List.of(expected) + " in " + lines);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
  }

  private static SMTPServer startTls(String address, int port, SSLContext context)
      throws Exception {
    SMTPServer server =
        SMTPServer.port(port)
            .bindAddress(InetAddress.getByName(address))
            .hostName("mx.mail.test")
            .enableTLS()
            .startTlsSocketFactory(context)
            .messageHandler((c, from, to, data) -> {})
            .build();
    server.start();
    return server;
  }
}
