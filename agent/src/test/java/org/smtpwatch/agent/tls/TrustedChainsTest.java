package org.smtpwatch.agent.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpwatch.agent.probe.FailureReason;
import org.smtpwatch.agent.testkit.TestCertificateAuthority;
import org.smtpwatch.agent.testkit.TestCertificates;
import org.smtpwatch.agent.tls.issue.CertificateSpec;

/**
 * A chain PKIX trusted is known until its first notAfter (at most an hour), by its bytes and auth
 * type; untrusted chains are validated every time.
 */
class TrustedChainsTest {

  private static final String AUTH = "ECDHE_ECDSA";

  @TempDir Path dir;

  private static X509Certificate[] chain(TestCertificates certificates) {
    return certificates.chain().toArray(X509Certificate[]::new);
  }

  private static TestCertificates issued(Instant notAfter) {
    Instant now = TestCertificates.now();
    return TestCertificates.authority()
        .issue(CertificateSpec.forHosts("localhost").withValidity(now.minusSeconds(60), notAfter));
  }

  @Test
  void knowsATrustedChainByItsBytesAndAuthType() {
    TrustedChains chains = new TrustedChains(16, true);
    Instant now = TestCertificates.now();
    TestCertificateAuthority ca = TestCertificates.authority();
    TestCertificates certificates = ca.issue(CertificateSpec.forHosts("localhost"));
    X509Certificate[] trusted = chain(certificates);
    X509Certificate[] other = chain(ca.issue(CertificateSpec.forHosts("localhost")));
    X509Certificate[] withAnchor = Arrays.copyOf(trusted, trusted.length + 1);
    withAnchor[trusted.length] = certificates.trustAnchor();

    assertThat(chains.isTrusted(trusted, AUTH, now)).isFalse();
    chains.rememberTrusted(trusted, AUTH, now);

    assertThat(chains.isTrusted(trusted.clone(), AUTH, now.plusSeconds(1))).isTrue();
    assertThat(chains.isTrusted(trusted, "RSA", now)).isFalse();
    assertThat(chains.isTrusted(other, AUTH, now)).isFalse();
    assertThat(chains.isTrusted(withAnchor, AUTH, now)).as("a longer chain is another").isFalse();
  }

  @Test
  void forgetsAChainAtItsFirstNotAfter() {
    TrustedChains chains = new TrustedChains(16, true);
    Instant notAfter = TestCertificates.now().plus(Duration.ofMinutes(10));
    X509Certificate[] expiring = chain(issued(notAfter));
    chains.rememberTrusted(expiring, AUTH, TestCertificates.now());

    assertThat(chains.isTrusted(expiring, AUTH, notAfter.minusSeconds(1))).isTrue();
    assertThat(chains.isTrusted(expiring, AUTH, notAfter)).isFalse();
    assertThat(chains.size()).isZero();
  }

  @Test
  void forgetsALongLivedChainAfterAnHour() {
    TrustedChains chains = new TrustedChains(16, true);
    Instant now = TestCertificates.now();
    X509Certificate[] longLived = chain(issued(now.plus(Duration.ofDays(90))));
    chains.rememberTrusted(longLived, AUTH, now);

    assertThat(chains.isTrusted(longLived, AUTH, now.plus(TrustedChains.MAX_AGE).minusSeconds(1)))
        .isTrue();
    assertThat(chains.isTrusted(longLived, AUTH, now.plus(TrustedChains.MAX_AGE))).isFalse();
  }

  @Test
  void keepsAtMostItsCapacity() {
    TrustedChains chains = new TrustedChains(2, true);
    Instant now = TestCertificates.now();
    TestCertificateAuthority ca = TestCertificates.authority();
    X509Certificate[] first = chain(ca.issue(CertificateSpec.forHosts("localhost")));
    chains.rememberTrusted(first, AUTH, now);
    for (int i = 0; i < 2; i++) {
      chains.rememberTrusted(chain(ca.issue(CertificateSpec.forHosts("localhost"))), AUTH, now);
    }

    assertThat(chains.size()).isEqualTo(2);
    assertThat(chains.isTrusted(first, AUTH, now)).isFalse();
  }

  @Test
  void disabledKeepsNothing() {
    TrustedChains chains = new TrustedChains(16, false);
    Instant now = TestCertificates.now();
    X509Certificate[] trusted = chain(TestCertificates.forLocalhost());
    chains.rememberTrusted(trusted, AUTH, now);

    assertThat(chains.isTrusted(trusted, AUTH, now)).isFalse();
    assertThat(chains.size()).isZero();
  }

  @Test
  void theValidatorAsksPkixOnceForATrustedChainAndEveryTimeForAnUntrustedOne() throws Exception {
    TestCertificates certificates = TestCertificates.forLocalhost();
    CountingTrustManager pkix =
        new CountingTrustManager(PkixTrust.fromPemFile(certificates.writeCaPem(dir)));
    ChainValidator validator =
        new ChainValidator(
            pkix, new HostnameMatcher(), Clock.system(ZoneOffset.UTC), new TrustedChains(16, true));
    X509Certificate[] trusted = chain(certificates);
    X509Certificate[] untrusted = chain(TestCertificates.forLocalhost()); // another CA

    for (int i = 0; i < 3; i++) {
      CertificateVerdict verdict = validator.validate(trusted.clone(), AUTH, "localhost");
      assertThat(verdict.trusted()).isTrue();
      assertThat(verdict.problem()).isNull();
      // The name is still checked on every probe.
      CertificateVerdict wrongName = validator.validate(trusted.clone(), AUTH, "mx.example");
      assertThat(wrongName.trusted()).isTrue();
      assertThat(wrongName.problem().reason()).isEqualTo(FailureReason.CERT_HOSTNAME_MISMATCH);
    }
    assertThat(pkix.calls.get()).isEqualTo(1);

    for (int i = 0; i < 3; i++) {
      CertificateVerdict verdict = validator.validate(untrusted.clone(), AUTH, "localhost");
      assertThat(verdict.trusted()).isFalse();
      assertThat(verdict.problem().reason()).isEqualTo(FailureReason.CERT_UNTRUSTED);
    }
    assertThat(pkix.calls.get()).isEqualTo(4);
  }

  /** The real PKIX decision, counted. */
  private static final class CountingTrustManager implements X509TrustManager {
    private final X509TrustManager pkix;
    private final AtomicInteger calls = new AtomicInteger();

    CountingTrustManager(X509TrustManager pkix) {
      this.pkix = pkix;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      calls.incrementAndGet();
      pkix.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      pkix.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return pkix.getAcceptedIssuers();
    }
  }
}
