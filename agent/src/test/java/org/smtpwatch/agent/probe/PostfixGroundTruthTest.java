package org.smtpwatch.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smtpwatch.agent.testkit.TestCertificates;
import org.smtpwatch.agent.testkit.TestEndpoints;
import org.smtpwatch.agent.testkit.postfix.OpenSslClient;
import org.smtpwatch.agent.testkit.postfix.OpenSslMadeCertificate;
import org.smtpwatch.agent.testkit.postfix.OpenSslSession;
import org.smtpwatch.agent.testkit.postfix.PostfixExtension;
import org.smtpwatch.agent.testkit.postfix.PostfixInstance;
import org.smtpwatch.agent.testkit.postfix.PostfixListener;
import org.smtpwatch.agent.testkit.postfix.PostfixOverrides;
import org.smtpwatch.agent.testkit.postfix.Swaks;
import org.smtpwatch.agent.testkit.postfix.SwaksTranscript;
import org.smtpwatch.agent.tls.CertificateDetails;
import org.smtpwatch.agent.tls.issue.CertificateSpec;
import org.smtpwatch.config.Mode;
import org.smtpwatch.config.TlsPolicy;

/**
 * smtpwatch against a real Postfix, each fact compared with what independent clients see on the
 * same listener: {@code openssl s_client} (and {@code openssl x509}) for TLS and the certificate,
 * {@code swaks} for the plaintext dialogue, and Postfix's configuration for what it must offer.
 */
class PostfixGroundTruthTest {

  @RegisterExtension static final PostfixExtension POSTFIX = new PostfixExtension();

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** {@code message_size_limit}'s default, announced as SIZE. */
  private static final long POSTFIX_DEFAULT_SIZE_LIMIT = 10_240_000;

  @ParameterizedTest
  @EnumSource(PostfixListener.class)
  void tlsAndCertificateAgreeWithOpenSsl(PostfixListener listener) {
    PostfixInstance postfix = POSTFIX.instance();
    ProbeResult result = probe(listener, postfix.caFile(), null);
    OpenSslSession openssl = openssl(listener, postfix.hostName(), postfix.caFile());

    assertThat(result.failure()).as("%s\n%s", result, postfix.log()).isNull();
    assertThat(result.tls().version()).isEqualTo(openssl.protocol()).isEqualTo("TLSv1.3");
    assertThat(result.tls().cipher()).isEqualTo(openssl.cipher());
    assertThat(result.tls().openSslCipher()).isEqualTo(openssl.opensslCipher());
    assertSameCertificate(result, openssl);
    assertThat(result.certificate().notAfter())
        .isEqualTo(postfix.certificates().leaf().getNotAfter().toInstant());
  }

  @ParameterizedTest
  @EnumSource(PostfixListener.class)
  void dialogueAgreesWithSwaksAndTheConfiguration(PostfixListener listener) {
    PostfixInstance postfix = POSTFIX.instance();
    ProbeResult result = probe(listener, postfix.caFile(), null);
    SwaksTranscript swaks =
        Swaks.ehlo(postfix.address(), postfix.port(listener), listener.mode(), "probe.test");
    OpenSslSession openssl = openssl(listener, postfix.hostName(), postfix.caFile());

    assertThat(swaks.succeeded()).as("%s", swaks).isTrue();
    assertThat(result.greetingCode()).isEqualTo(220);
    assertThat(result.banner())
        .isEqualTo(swaks.banner())
        .isEqualTo(PostfixInstance.HOST_NAME + " ESMTP Postfix");
    // After TLS, three clients see the same keywords, in the same order.
    assertThat(result.ehlo().keywords())
        .isEqualTo(swaks.tlsEhloKeywords())
        .isEqualTo(openssl.ehloKeywords());
    assertThat(result.ehlo().keywords()).isEqualTo(configuredKeywordsOverTls(listener));
    assertThat(result.ehlo().sizeLimit()).hasValue(POSTFIX_DEFAULT_SIZE_LIMIT);
    if (listener.mode() == Mode.TLS) {
      assertThat(result.plaintextEhloCompleted()).isFalse();
      assertThat(openssl.banner()).isEqualTo(result.banner());
      assertThat(swaks.plaintextEhloKeywords()).isEmpty();
    } else {
      assertThat(result.plaintextEhloCompleted()).isTrue();
      assertThat(result.startTlsOffered())
          .isEqualTo(swaks.plaintextEhloKeywords().contains("STARTTLS"))
          .isTrue();
      // smtpd_tls_auth_only=yes on the submission listeners, and no SASL at all on 25.
      assertThat(result.authBeforeTls())
          .isEqualTo(swaks.plaintextEhloKeywords().contains("AUTH"))
          .isFalse();
    }
  }

  @Test
  void withoutTheTestCaBothSeeAnUntrustedCertificate() {
    PostfixInstance postfix = POSTFIX.instance();
    // Port 25 reports certificate facts without failing on them; the JDK's store lacks the test CA.
    ProbeResult result = probe(PostfixListener.SMTP_25, null, null);
    OpenSslSession openssl = openssl(PostfixListener.SMTP_25, postfix.hostName(), null);

    assertThat(result.failure()).isNull();
    assertThat(openssl.verifyCode()).as(openssl.verifyMessage()).isNotZero();
    assertThat(result.certificate().trusted()).isFalse();
    assertThat(result.certificate().notAfter()).isEqualTo(openssl.certificate().notAfter());
  }

  @Test
  void aNameTheCertificateDoesNotCarryIsAMismatchForBoth() {
    PostfixInstance postfix = POSTFIX.instance();
    String otherName = "other.test.example";
    ProbeResult result = probe(PostfixListener.SMTP_25, postfix.caFile(), otherName);
    OpenSslSession openssl = openssl(PostfixListener.SMTP_25, otherName, postfix.caFile());

    assertThat(openssl.verifyCode()).as(openssl.verifyMessage()).isEqualTo(62);
    assertThat(result.certificate().hostnameMatch()).isFalse();
    assertThat(result.certificate().trusted()).isTrue();
  }

  @Test
  void anIntermediateExpiringFirstIsTheChainsEarliestExpiryForBoth() throws Exception {
    PostfixInstance postfix = POSTFIX.instance();
    TestCertificates original = postfix.certificates();
    Instant intermediateExpiry = TestCertificates.now().plus(Duration.ofDays(20));
    TestCertificates chained =
        postfix
            .authority()
            .intermediate(
                CertificateSpec.forAuthority(TestCertificates.uniqueName("intermediate"))
                    .withNotAfter(intermediateExpiry))
            .issue(postfix.certificateSpec());
    try {
      postfix.replaceCertificate(chained);
      ProbeResult result = probe(PostfixListener.SUBMISSIONS_465, postfix.caFile(), null);
      OpenSslSession openssl =
          openssl(PostfixListener.SUBMISSIONS_465, postfix.hostName(), postfix.caFile());

      assertThat(result.failure()).isNull();
      assertSameCertificate(result, openssl);
      assertThat(openssl.chain()).hasSize(2);
      assertThat(result.certificate().chainLength()).isEqualTo(openssl.chain().size());
      assertThat(result.certificate().chainEarliestNotAfter())
          .isEqualTo(openssl.chain().get(1).notAfter())
          .isEqualTo(intermediateExpiry)
          .isBefore(result.certificate().notAfter());
      assertThat(result.certificate().issuer()).isEqualTo(openssl.chain().get(1).subject());
    } finally {
      postfix.replaceCertificate(original);
    }
  }

  @Test
  void aCertificateOpenSslMadeWithARichSubjectReadsTheSameInBoth(@TempDir Path dir)
      throws Exception {
    PostfixInstance postfix = POSTFIX.instance();
    TestCertificates original = postfix.certificates();
    TestCertificates made =
        OpenSslMadeCertificate.selfSigned(
            dir,
            "/C=DE/ST=Berlin/L=Berlin/O=Example GmbH/OU=Mail, Ops/CN="
                + postfix.hostName()
                + "/emailAddress=hostmaster@test.example/serialNumber=HRB 1",
            postfix.hostName(),
            postfix.address(),
            30);
    Path trusted = made.writeCaPem(dir);
    try {
      postfix.replaceCertificate(made);
      // TLS 1.2 on one listener: OpenSSL and the JDK name RSA suites differently there.
      postfix.override(PostfixListener.SUBMISSION_2525, PostfixOverrides.tls12Only());
      for (PostfixListener listener : PostfixListener.values()) {
        ProbeResult result = probe(listener, trusted, null);
        OpenSslSession openssl = openssl(listener, postfix.hostName(), trusted);
        assertThat(result.failure()).as("%s: %s", listener, result).isNull();
        assertSameCertificate(result, openssl);
        assertThat(result.tls().version()).isEqualTo(openssl.protocol());
        assertThat(result.tls().cipher()).isEqualTo(openssl.cipher());
        assertThat(result.tls().openSslCipher()).isEqualTo(openssl.opensslCipher());
        assertThat(result.certificate().subject())
            .isEqualTo(result.certificate().issuer())
            .startsWith("serialNumber=HRB 1,emailAddress=hostmaster@test.example,");
      }
      assertThat(probe(PostfixListener.SUBMISSION_2525, trusted, null).tls().cipher())
          .startsWith("TLS_ECDHE_RSA_");
    } finally {
      postfix.restoreListener(PostfixListener.SUBMISSION_2525);
      postfix.replaceCertificate(original);
    }
  }

  /**
   * What Postfix 3 offers over TLS with its default settings: AUTH only where SASL is enabled, and
   * no STARTTLS once TLS is up.
   */
  private static List<String> configuredKeywordsOverTls(PostfixListener listener) {
    List<String> keywords = new ArrayList<>(List.of("PIPELINING", "SIZE", "VRFY", "ETRN"));
    if (listener.offersAuth()) {
      keywords.add("AUTH");
    }
    keywords.addAll(List.of("ENHANCEDSTATUSCODES", "8BITMIME", "DSN", "SMTPUTF8", "CHUNKING"));
    return keywords;
  }

  /** Every certificate fact, and the verdict on it, as openssl sees them. */
  private static void assertSameCertificate(ProbeResult result, OpenSslSession openssl) {
    CertificateDetails certificate = result.certificate();
    assertThat(certificate.notAfter()).isEqualTo(openssl.certificate().notAfter());
    assertThat(certificate.notBefore()).isEqualTo(openssl.certificate().notBefore());
    assertThat(certificate.subject()).isEqualTo(openssl.certificate().subject());
    assertThat(certificate.issuer()).isEqualTo(openssl.certificate().issuer());
    assertThat(new BigInteger(certificate.serial(), 16)).isEqualTo(openssl.certificate().serial());
    assertThat(certificate.fingerprintSha256())
        .isEqualTo(openssl.certificate().fingerprintSha256());
    assertThat(openssl.verifyCode()).as(openssl.verifyMessage()).isZero();
    assertThat(certificate.trusted()).isTrue();
    assertThat(certificate.hostnameMatch()).isTrue();
  }

  private static ProbeResult probe(PostfixListener listener, Path caFile, String serverName) {
    PostfixInstance postfix = POSTFIX.instance();
    boolean required = listener != PostfixListener.SMTP_25;
    return new SmtpProber(postfix.resolver())
        .probe(
            TestEndpoints.endpoint(
                postfix.hostName(),
                postfix.port(listener),
                listener.mode(),
                new TlsPolicy(required, required, caFile, serverName, null),
                TIMEOUT));
  }

  private static OpenSslSession openssl(PostfixListener listener, String serverName, Path caFile) {
    PostfixInstance postfix = POSTFIX.instance();
    return OpenSslClient.connect(
        postfix.address(), postfix.port(listener), listener.mode(), serverName, caFile);
  }
}
