package org.smtpwatch.agent.probe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.CRLReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpwatch.agent.ocsp.OcspReport;
import org.smtpwatch.agent.ocsp.OcspStatus;
import org.smtpwatch.agent.testkit.StaplingTlsServer;
import org.smtpwatch.agent.testkit.TestCertificateAuthority;
import org.smtpwatch.agent.testkit.TestCertificates;
import org.smtpwatch.agent.testkit.TestEndpoints;
import org.smtpwatch.agent.testkit.TestOcspResponses;
import org.smtpwatch.agent.tls.issue.CertificateSpec;
import org.smtpwatch.config.Mode;
import org.smtpwatch.config.TlsPolicy;

/**
 * Whole probes with revocation: a server stapling through {@code openssl s_server}, and the direct
 * query to a responder played by WireMock, whose URL the certificate names.
 */
class OcspProbeTest {

  private static final String HOST = "mx.smtpwatch.test";
  private static final String SMTP_SCRIPT =
      "220 mx.smtpwatch.test ESMTP\r\n250-mx.smtpwatch.test\r\n250 SIZE 1000\r\n221 bye\r\n";

  @TempDir Path dir;

  private final WireMockServer responder =
      new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
  private final SmtpProber prober =
      new SmtpProber(host -> List.of(InetAddress.getLoopbackAddress()));
  private final TestCertificateAuthority ca = TestCertificates.authority();
  private final Transcript transcript = Transcript.recording();
  private TestCertificates certs;
  private String url;

  @BeforeEach
  void start() {
    responder.start();
    url = "http://127.0.0.1:" + responder.port() + "/ocsp";
    certs = ca.issue(CertificateSpec.forHosts(HOST).withOcspUrl(url));
  }

  @AfterEach
  void stop() {
    responder.stop();
  }

  private ProbeResult probe(byte[] staple, boolean query, Duration timeout) throws Exception {
    TlsPolicy policy = new TlsPolicy(true, true, ca.writeCaPem(dir), null, null, query);
    try (StaplingTlsServer server =
        StaplingTlsServer.start(dir, certs, staple, null, SMTP_SCRIPT)) {
      return prober.probe(
          TestEndpoints.endpoint(HOST, server.port(), Mode.TLS, policy, timeout), transcript);
    }
  }

  private void answer(ResponseDefinitionBuilder response) {
    responder.stubFor(post(urlEqualTo("/ocsp")).willReturn(response));
  }

  @Test
  void reportsTheStapledAndTheQueriedStatusSeparately() throws Exception {
    Instant revokedAt = TestCertificates.now().minus(Duration.ofHours(5));
    answer(
        aResponse()
            .withStatus(200)
            .withBody(
                TestOcspResponses.about(ca, certs.leaf())
                    .revoked(revokedAt, CRLReason.keyCompromise)
                    .der()));

    ProbeResult result =
        probe(TestOcspResponses.about(ca, certs.leaf()).der(), true, Duration.ofSeconds(5));

    assertThat(result.failure()).isNull();
    OcspReport ocsp = result.ocsp();
    assertThat(ocsp.stapled().status()).isEqualTo(OcspStatus.GOOD);
    assertThat(ocsp.stapled().responder()).isNull();
    assertThat(ocsp.query().status()).isEqualTo(OcspStatus.REVOKED);
    assertThat(ocsp.query().responder()).isEqualTo(url);
    assertThat(transcript.lines())
        .anySatisfy(
            line ->
                assertThat(line.text())
                    .isEqualTo(
                        "OCSP query to "
                            + url
                            + ": revoked (revoked at "
                            + revokedAt
                            + " (keyCompromise))"));
  }

  @Test
  void withoutQueryTheResponderIsNotContacted() throws Exception {
    ProbeResult result = probe(null, false, Duration.ofSeconds(5));

    assertThat(result.failure()).isNull();
    assertThat(result.ocsp()).isEqualTo(new OcspReport(null, null));
    assertThat(responder.getAllServeEvents()).isEmpty();
  }

  @Test
  void aSlowResponderIsCutAtTheProbesDeadlineAndTheProbeStillSucceeds() throws Exception {
    answer(
        aResponse()
            .withStatus(200)
            .withBody(TestOcspResponses.about(ca, certs.leaf()).der())
            .withFixedDelay(30_000));

    ProbeResult result = probe(null, true, Duration.ofSeconds(3));

    assertThat(result.failure()).isNull();
    assertThat(result.ocsp().query().status()).isEqualTo(OcspStatus.UNAVAILABLE);
    assertThat(result.ocsp().query().detail()).startsWith("no response within ");
  }

  @Test
  void aPlainProbeHasNoRevocationReport() throws Exception {
    ProbeResult result =
        prober.probe(
            TestEndpoints.endpoint(
                HOST, 9, Mode.PLAIN, TestEndpoints.noTls(), Duration.ofSeconds(2)),
            transcript);

    assertThat(result.ocsp()).isNull();
  }
}
