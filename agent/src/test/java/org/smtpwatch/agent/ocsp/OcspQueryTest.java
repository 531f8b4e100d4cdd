package org.smtpwatch.agent.ocsp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.Req;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.testkit.TestCertificateAuthority;
import org.smtpwatch.agent.testkit.TestCertificates;
import org.smtpwatch.agent.testkit.TestOcspResponses;
import org.smtpwatch.agent.tls.issue.CertificateSpec;

/** The direct query against an OCSP responder played by WireMock on loopback. */
class OcspQueryTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final WireMockServer responder =
      new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
  private final TestCertificateAuthority ca = TestCertificates.authority();
  private final OcspQuery query = new OcspQuery(new OcspResponseCheck(Clock.systemUTC()));
  private TestCertificates certs;
  private OcspSubject subject;
  private String url;

  @BeforeEach
  void start() {
    responder.start();
    url = "http://127.0.0.1:" + responder.port() + "/ocsp";
    certs = ca.issue(CertificateSpec.forHosts("mx.example.org").withOcspUrl(url));
    subject = new OcspSubject(certs.leaf(), ca.certificate());
  }

  @AfterEach
  void stop() {
    responder.stop();
  }

  private void answer(int status, byte[] body) {
    responder.stubFor(
        post(urlEqualTo("/ocsp"))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/ocsp-response")
                    .withBody(body)));
  }

  @Test
  void postsAnOcspRequestForTheLeafWithANonce() throws IOException {
    answer(200, TestOcspResponses.about(ca, certs.leaf()).der());

    OcspResult result = query.query(subject, TIMEOUT);

    assertThat(result.status()).isEqualTo(OcspStatus.GOOD);
    assertThat(result.responder()).isEqualTo(url);
    List<LoggedRequest> requests = responder.findAll(postRequestedFor(urlEqualTo("/ocsp")));
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).getHeader("Content-Type")).isEqualTo("application/ocsp-request");
    OCSPReq request = new OCSPReq(requests.get(0).getBody());
    Req[] asked = request.getRequestList();
    assertThat(asked).hasSize(1);
    assertThat(asked[0].getCertID().getSerialNumber()).isEqualTo(certs.leaf().getSerialNumber());
    assertThat(request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce)).isNotNull();
  }

  @Test
  void reportsARevokedCertificate() {
    Instant revokedAt = TestCertificates.now().minus(Duration.ofDays(2));
    answer(
        200,
        TestOcspResponses.about(ca, certs.leaf())
            .revoked(revokedAt, CRLReason.keyCompromise)
            .der());

    OcspResult result = query.query(subject, TIMEOUT);

    assertThat(result.status()).isEqualTo(OcspStatus.REVOKED);
    assertThat(result.revokedAt()).isEqualTo(revokedAt);
  }

  @Test
  void reportsUnknownAndExpiredAnswers() {
    Instant now = TestCertificates.now();
    answer(200, TestOcspResponses.about(ca, certs.leaf()).unknown().der());
    assertThat(query.query(subject, TIMEOUT).status()).isEqualTo(OcspStatus.UNKNOWN);

    answer(
        200,
        TestOcspResponses.about(ca, certs.leaf())
            .updates(now.minus(Duration.ofDays(8)), now.minus(Duration.ofDays(1)))
            .der());
    assertThat(query.query(subject, TIMEOUT).status()).isEqualTo(OcspStatus.EXPIRED);
  }

  @Test
  void aWrongSignerOrGarbageIsNamed() {
    answer(
        200,
        TestOcspResponses.about(ca, certs.leaf()).signedBy(TestCertificates.authority()).der());
    assertThat(query.query(subject, TIMEOUT).status()).isEqualTo(OcspStatus.BAD_SIGNATURE);

    answer(200, "<html>not ocsp</html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThat(query.query(subject, TIMEOUT).status()).isEqualTo(OcspStatus.MALFORMED);
  }

  @Test
  void anHttpErrorOrARedirectLeavesTheAnswerUnavailable() {
    answer(500, new byte[0]);
    assertThat(query.query(subject, TIMEOUT))
        .isEqualTo(
            OcspResult.of(OcspStatus.UNAVAILABLE, "the responder answered HTTP 500").from(url));

    responder.stubFor(
        post(urlEqualTo("/ocsp"))
            .willReturn(aResponse().withStatus(302).withHeader("Location", url + "/elsewhere")));
    assertThat(query.query(subject, TIMEOUT).detail())
        .isEqualTo("the responder answered HTTP 302 (redirects are not followed)");
    assertThat(responder.findAll(postRequestedFor(urlEqualTo("/ocsp/elsewhere")))).isEmpty();
  }

  @Test
  void aSlowResponderIsCutAtTheDeadline() {
    responder.stubFor(
        post(urlEqualTo("/ocsp"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(TestOcspResponses.about(ca, certs.leaf()).der())
                    .withFixedDelay(10_000)));

    OcspResult result = query.query(subject, Duration.ofMillis(300));

    assertThat(result.status()).isEqualTo(OcspStatus.UNAVAILABLE);
    assertThat(result.detail())
        .isIn("no response within 300 ms", "query failed: request timed out");
  }

  @Test
  void anOversizedAnswerIsRefused() {
    answer(200, new byte[OcspQuery.MAX_RESPONSE_BYTES + 1]);

    OcspResult result = query.query(subject, TIMEOUT);

    assertThat(result.status()).isEqualTo(OcspStatus.UNAVAILABLE);
    assertThat(result.detail()).contains("larger than " + OcspQuery.MAX_RESPONSE_BYTES + " bytes");
  }

  @Test
  void aCertificateWithoutResponderIsNotQueried() {
    TestCertificates plain = ca.issue(CertificateSpec.forHosts("mx.example.org"));

    OcspResult result = query.query(new OcspSubject(plain.leaf(), ca.certificate()), TIMEOUT);

    assertThat(result.status()).isEqualTo(OcspStatus.NO_RESPONDER);
    assertThat(responder.getAllServeEvents()).isEmpty();
  }

  @Test
  void noTimeLeftMeansNoQuery() {
    OcspResult result = query.query(subject, Duration.ZERO);

    assertThat(result.status()).isEqualTo(OcspStatus.UNAVAILABLE);
    assertThat(responder.getAllServeEvents()).isEmpty();
  }
}
