package org.smtpwatch.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smtpwatch.agent.testkit.TestCertificates;
import org.smtpwatch.agent.testkit.TestEndpoints;
import org.smtpwatch.agent.testkit.postfix.OpenSslClient;
import org.smtpwatch.agent.testkit.postfix.OpenSslSession;
import org.smtpwatch.agent.testkit.postfix.PostfixExtension;
import org.smtpwatch.agent.testkit.postfix.PostfixInstance;
import org.smtpwatch.agent.testkit.postfix.PostfixListener;
import org.smtpwatch.agent.testkit.postfix.PostfixOverrides;
import org.smtpwatch.agent.testkit.postfix.Swaks;
import org.smtpwatch.agent.testkit.postfix.SwaksTranscript;
import org.smtpwatch.config.TlsPolicy;

/**
 * What mail administrators do to a running Postfix, and what the next probe says about it: a
 * renewed certificate, a stopped submission service, TLS 1.3 switched off, AUTH let out before TLS.
 * Each test puts the instance back as it found it.
 */
class PostfixScenarioTest {

  @RegisterExtension static final PostfixExtension POSTFIX = new PostfixExtension();

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @AfterEach
  void restore() throws Exception {
    PostfixInstance postfix = POSTFIX.instance();
    for (PostfixListener listener : PostfixListener.values()) {
      postfix.restoreListener(listener);
    }
  }

  @Test
  void aCertificateReplacedByOneExpiringInThreeDaysShowsOnTheNextProbe() throws Exception {
    PostfixInstance postfix = POSTFIX.instance();
    TestCertificates original = postfix.certificates();
    assertThat(probe(PostfixListener.SUBMISSIONS_465).certificate().notAfter())
        .isEqualTo(original.leaf().getNotAfter().toInstant());

    Instant inThreeDays = TestCertificates.now().plus(Duration.ofDays(3));
    TestCertificates expiring =
        postfix.authority().issue(postfix.certificateSpec().withNotAfter(inThreeDays));
    try {
      postfix.replaceCertificate(expiring);

      for (PostfixListener listener : PostfixListener.values()) {
        ProbeResult result = probe(listener);
        OpenSslSession openssl = openssl(listener);
        assertThat(result.failure()).as("%s", listener).isNull();
        assertThat(result.certificate().notAfter())
            .as("%s", listener)
            .isEqualTo(inThreeDays)
            .isEqualTo(openssl.certificate().notAfter());
        assertThat(result.certificate().fingerprintSha256())
            .isEqualTo(openssl.certificate().fingerprintSha256());
      }
    } finally {
      postfix.replaceCertificate(original);
    }
  }

  @Test
  void aStoppedSubmissionListenerIsRefusedAndComesBackWhenRestarted() {
    PostfixInstance postfix = POSTFIX.instance();
    assertThat(probe(PostfixListener.SUBMISSION_587).success()).isTrue();

    postfix.stopListener(PostfixListener.SUBMISSION_587);
    ProbeResult down = probe(PostfixListener.SUBMISSION_587);

    assertThat(down.failure().phase()).isEqualTo(Phase.CONNECT);
    assertThat(down.failure().reason()).isEqualTo(FailureReason.CONNECT_REFUSED);
    assertThat(probe(PostfixListener.SUBMISSIONS_465).success()).as("the others stay up").isTrue();

    postfix.startListener(PostfixListener.SUBMISSION_587);
    ProbeResult up = probe(PostfixListener.SUBMISSION_587);
    assertThat(up.failure()).as("%s\n%s", up, postfix.log()).isNull();
  }

  @Test
  void tls13DisabledOnOneListenerNegotiatesTls12There() {
    PostfixInstance postfix = POSTFIX.instance();

    postfix.override(PostfixListener.SUBMISSION_2525, PostfixOverrides.tls12Only());
    ProbeResult result = probe(PostfixListener.SUBMISSION_2525);
    OpenSslSession openssl = openssl(PostfixListener.SUBMISSION_2525);

    assertThat(result.failure()).isNull();
    assertThat(result.tls().version()).isEqualTo(openssl.protocol()).isEqualTo("TLSv1.2");
    assertThat(result.tls().cipher()).isEqualTo(openssl.cipher()).startsWith("TLS_ECDHE_ECDSA_");
    assertThat(probe(PostfixListener.SUBMISSION_587).tls().version()).isEqualTo("TLSv1.3");
  }

  @Test
  void authOfferedBeforeTlsIsFlagged() {
    PostfixInstance postfix = POSTFIX.instance();

    postfix.override(PostfixListener.SUBMISSION_2525, PostfixOverrides.authBeforeTls());
    ProbeResult result = probe(PostfixListener.SUBMISSION_2525);
    SwaksTranscript swaks = ehlo(PostfixListener.SUBMISSION_2525);

    assertThat(result.failure()).isNull();
    assertThat(swaks.plaintextEhloKeywords()).contains("AUTH", "STARTTLS");
    assertThat(result.authBeforeTls()).isTrue();
    assertThat(result.startTlsOffered()).isTrue();
    assertThat(probe(PostfixListener.SUBMISSION_587).authBeforeTls()).isFalse();
  }

  @Test
  void authOnlyNoAloneKeepsAuthHiddenWhereTlsIsRequired() {
    PostfixInstance postfix = POSTFIX.instance();

    // With smtpd_tls_security_level=encrypt Postfix never offers AUTH in plaintext.
    postfix.override(PostfixListener.SUBMISSION_587, Map.of("smtpd_tls_auth_only", "no"));
    ProbeResult result = probe(PostfixListener.SUBMISSION_587);

    assertThat(ehlo(PostfixListener.SUBMISSION_587).plaintextEhloKeywords())
        .contains("STARTTLS")
        .doesNotContain("AUTH");
    assertThat(result.authBeforeTls()).isFalse();
    assertThat(result.ehlo().offersAuth()).as("AUTH after TLS").isTrue();
  }

  private static ProbeResult probe(PostfixListener listener) {
    PostfixInstance postfix = POSTFIX.instance();
    return new SmtpProber(postfix.resolver())
        .probe(
            TestEndpoints.endpoint(
                postfix.hostName(),
                postfix.port(listener),
                listener.mode(),
                new TlsPolicy(true, true, postfix.caFile(), null, null),
                TIMEOUT));
  }

  private static OpenSslSession openssl(PostfixListener listener) {
    PostfixInstance postfix = POSTFIX.instance();
    return OpenSslClient.connect(
        postfix.address(),
        postfix.port(listener),
        listener.mode(),
        postfix.hostName(),
        postfix.caFile());
  }

  private static SwaksTranscript ehlo(PostfixListener listener) {
    PostfixInstance postfix = POSTFIX.instance();
    return Swaks.ehlo(postfix.address(), postfix.port(listener), listener.mode(), "probe.test");
  }
}
