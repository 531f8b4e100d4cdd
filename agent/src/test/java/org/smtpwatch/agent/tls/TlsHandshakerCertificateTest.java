package org.smtpwatch.agent.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.agent.tls.ClientHandshake.handshakeThenDrain;
import static org.smtpwatch.agent.tls.ClientHandshake.reportingOnly;
import static org.smtpwatch.agent.tls.ClientHandshake.run;
import static org.smtpwatch.agent.tls.ClientHandshake.verifying;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.smtpwatch.agent.probe.FailureReason;
import org.smtpwatch.agent.probe.Phase;
import org.smtpwatch.agent.testkit.TestCertificateAuthority;
import org.smtpwatch.agent.testkit.TestCertificates;
import org.smtpwatch.agent.tls.issue.CertificateSpec;
import org.smtpwatch.agent.tls.issue.KeyType;
import org.smtpwatch.config.TlsPolicy;

/** Handshakes against loopback TLS servers presenting good and bad certificates. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TlsHandshakerCertificateTest {

  @TempDir Path dir;

  @Test
  void validRsaCertificateIsDescribedExactly() throws Exception {
    TestCertificates certs = TestCertificates.forLocalhost(KeyType.RSA_2048);
    CompletableFuture<List<String>> sni = new CompletableFuture<>();
    try (LoopbackServer server =
        LoopbackServer.tls(certs.serverContext(), null, handshakeThenDrain(sni))) {
      TlsHandshakeResult result = run(server, verifying(certs.writeCaPem(dir)), "localhost");

      assertThat(result.failure()).isNull();
      assertThat(result.session().version()).isEqualTo("TLSv1.3");
      assertThat(result.session().cipher()).startsWith("TLS_AES_");
      CertificateDetails details = result.certificate();
      assertThat(details.subject()).isEqualTo("CN=localhost,O=smtpwatch");
      assertThat(details.issuer())
          .isEqualTo(certs.trustAnchor().getSubjectX500Principal().getName("RFC2253"));
      assertThat(details.serial()).isEqualTo(certs.leaf().getSerialNumber().toString(16));
      assertThat(details.fingerprintSha256()).isEqualTo(sha256Hex(certs.leaf().getEncoded()));
      assertThat(details.notBefore()).isEqualTo(certs.leaf().getNotBefore().toInstant());
      assertThat(details.notAfter()).isEqualTo(certs.leaf().getNotAfter().toInstant());
      assertThat(details.san()).containsExactly("localhost", "127.0.0.1");
      assertThat(details.keyAlgorithm()).isEqualTo("RSA");
      assertThat(details.keyBits()).isEqualTo(2048);
      assertThat(details.signatureAlgorithm()).isEqualTo("SHA256withECDSA"); // the CA is EC
      assertThat(details.chainLength()).isEqualTo(1);
      assertThat(details.trusted()).isTrue();
      assertThat(details.hostnameMatch()).isTrue();
      assertThat(details.validationError()).isNull();
      assertThat(sni.get(5, TimeUnit.SECONDS)).containsExactly("localhost");
    }
  }

  @Test
  void validEcCertificateWithExactDates() throws Exception {
    Instant notBefore = TestCertificates.now().minus(Duration.ofDays(2));
    Instant notAfter = TestCertificates.now().plus(Duration.ofDays(45));
    TestCertificateAuthority ca = TestCertificates.authority();
    TestCertificates certs =
        ca.issue(CertificateSpec.forHosts("localhost").withValidity(notBefore, notAfter));
    try (LoopbackServer server =
        LoopbackServer.tls(certs.serverContext(), null, handshakeThenDrain())) {
      TlsHandshakeResult result = run(server, verifying(certs.writeCaPem(dir)), "localhost");

      assertThat(result.failure()).isNull();
      CertificateDetails details = result.certificate();
      assertThat(details.keyAlgorithm()).isEqualTo("EC");
      assertThat(details.keyBits()).isEqualTo(256);
      assertThat(details.signatureAlgorithm()).isEqualTo("SHA256withECDSA");
      assertThat(details.notBefore()).isEqualTo(notBefore);
      assertThat(details.notAfter()).isEqualTo(notAfter);
      assertThat(details.chainEarliestNotAfter()).isEqualTo(notAfter);
    }
  }

  @Test
  void ipLiteralMatchesIpSanAndSendsNoSni() throws Exception {
    TestCertificates certs = TestCertificates.forLocalhost();
    CompletableFuture<List<String>> sni = new CompletableFuture<>();
    try (LoopbackServer server =
        LoopbackServer.tls(certs.serverContext(), null, handshakeThenDrain(sni))) {
      TlsHandshakeResult result = run(server, verifying(certs.writeCaPem(dir)), "127.0.0.1");

      assertThat(result.failure()).isNull();
      assertThat(result.certificate().hostnameMatch()).isTrue();
      assertThat(sni.get(5, TimeUnit.SECONDS)).isEmpty();
    }
  }

  @Test
  void expiredLeafIsCertExpiredWithItsDate() throws Exception {
    Instant notAfter = TestCertificates.now().minus(Duration.ofDays(3));
    TestCertificates certs =
        TestCertificates.authority()
            .issue(
                CertificateSpec.forHosts("localhost")
                    .withValidity(notAfter.minus(Duration.ofDays(90)), notAfter));
    try (LoopbackServer server =
        LoopbackServer.tls(certs.serverContext(), null, handshakeThenDrain())) {
      TlsHandshakeResult result = run(server, verifying(certs.writeCaPem(dir)), "localhost");

      assertThat(result.socket()).isNull();
      assertThat(result.failure().phase()).isEqualTo(Phase.TLS_HANDSHAKE);
      assertThat(result.failure().reason()).isEqualTo(FailureReason.CERT_EXPIRED);
      assertThat(result.failure().detail())
          .isEqualTo("certificate CN=localhost,O=smtpwatch expired on " + notAfter);
      assertThat(result.certificate().notAfter()).isEqualTo(notAfter);
      assertThat(result.certificate().trusted()).isFalse();
      assertThat(result.certificate().hostnameMatch()).isTrue();
      // As openssl s_client, the version and cipher agreed before the refusal are reported.
      assertThat(result.session().version()).isEqualTo("TLSv1.3");
      assertThat(result.session().cipher()).startsWith("TLS_AES_");
    }
  }

  @Test
  void notYetValidLeafIsCertExpiredSayingFromWhen() throws Exception {
    Instant notBefore = TestCertificates.now().plus(Duration.ofDays(2));
    TestCertificates certs =
        TestCertificates.authority()
            .issue(
                CertificateSpec.forHosts("localhost")
                    .withValidity(notBefore, notBefore.plus(Duration.ofDays(90))));
    try (LoopbackServer server =
        LoopbackServer.tls(certs.serverContext(), null, handshakeThenDrain())) {
      TlsHandshakeResult result = run(server, verifying(certs.writeCaPem(dir)), "localhost");

      assertThat(result.failure().reason()).isEqualTo(FailureReason.CERT_EXPIRED);
      assertThat(result.failure().detail())
          .isEqualTo("certificate CN=localhost,O=smtpwatch is not valid before " + notBefore);
      assertThat(result.certificate().notBefore()).isEqualTo(notBefore);
    }
  }

  @Test
  void selfSignedCertificateIsUntrusted() throws Exception {
    TestCertificates certs = TestCertificates.selfSigned(CertificateSpec.forHosts("localhost"));
    Path otherCa = TestCertificates.forLocalhost().writeCaPem(dir);
    try (LoopbackServer server =
        LoopbackServer.tls(certs.serverContext(), null, handshakeThenDrain())) {
      TlsHandshakeResult result = run(server, verifying(otherCa), "localhost");

      assertThat(result.failure().reason()).isEqualTo(FailureReason.CERT_UNTRUSTED);
      assertThat(result.failure().detail())
          .startsWith("self-signed certificate CN=localhost,O=smtpwatch is not trusted");
      assertThat(result.certificate().trusted()).isFalse();
      assertThat(result.certificate().validationError()).isEqualTo(result.failure().detail());
    }
  }

  @Test
  void unknownIssuerAgainstJdkTrustStoreIsUntrusted() throws Exception {
    TestCertificates certs = TestCertificates.forLocalhost();
    try (LoopbackServer server =
        LoopbackServer.tls(certs.serverContext(), null, handshakeThenDrain())) {
      TlsHandshakeResult result = run(server, verifying(null), "localhost");

      assertThat(result.failure().reason()).isEqualTo(FailureReason.CERT_UNTRUSTED);
      assertThat(result.failure().detail())
          .startsWith(
              "unknown issuer " + certs.trustAnchor().getSubjectX500Principal().getName("RFC2253"));
    }
  }

  @Test
  void wrongHostnameIsMismatchNamingTheSans() throws Exception {
    TestCertificates certs =
        TestCertificates.authority().issue(CertificateSpec.forHosts("mail.example.org"));
    try (LoopbackServer server =
        LoopbackServer.tls(certs.serverContext(), null, handshakeThenDrain())) {
      TlsHandshakeResult result = run(server, verifying(certs.writeCaPem(dir)), "localhost");

      assertThat(result.failure().reason()).isEqualTo(FailureReason.CERT_HOSTNAME_MISMATCH);
      assertThat(result.failure().detail())
          .isEqualTo("certificate is not valid for localhost (SAN [mail.example.org])");
      assertThat(result.certificate().trusted()).isTrue();
      assertThat(result.certificate().hostnameMatch()).isFalse();
    }
  }

  @Test
  void serverNameFromPolicyIsSentAndMatched() throws Exception {
    TestCertificates certs =
        TestCertificates.authority().issue(CertificateSpec.forHosts("mail.example.org"));
    CompletableFuture<List<String>> sni = new CompletableFuture<>();
    try (LoopbackServer server =
        LoopbackServer.tls(certs.serverContext(), null, handshakeThenDrain(sni))) {
      TlsPolicy policy = new TlsPolicy(true, true, certs.writeCaPem(dir), "mail.example.org", null);
      TlsHandshakeResult result = run(server, policy, "127.0.0.1");

      assertThat(result.failure()).isNull();
      assertThat(sni.get(5, TimeUnit.SECONDS)).containsExactly("mail.example.org");
    }
  }

  @Test
  void intermediateExpiringFirstSetsChainEarliestNotAfter() throws Exception {
    Instant intermediateNotAfter = TestCertificates.now().plus(Duration.ofDays(10));
    Instant leafNotAfter = TestCertificates.now().plus(Duration.ofDays(60));
    TestCertificateAuthority root = TestCertificates.authority();
    TestCertificateAuthority intermediate =
        root.intermediate(
            CertificateSpec.forAuthority(TestCertificates.uniqueName("intermediate"))
                .withNotAfter(intermediateNotAfter));
    TestCertificates certs =
        intermediate.issue(CertificateSpec.forHosts("localhost").withNotAfter(leafNotAfter));
    try (LoopbackServer server =
        LoopbackServer.tls(certs.serverContext(), null, handshakeThenDrain())) {
      TlsHandshakeResult result = run(server, verifying(root.writeCaPem(dir)), "localhost");

      assertThat(result.failure()).isNull();
      assertThat(result.certificate().chainLength()).isEqualTo(2);
      assertThat(result.certificate().notAfter()).isEqualTo(leafNotAfter);
      assertThat(result.certificate().chainEarliestNotAfter()).isEqualTo(intermediateNotAfter);
      assertThat(result.certificate().trusted()).isTrue();
    }
  }

  @Test
  void anExpiredCertificateOutsideTheValidationPathDoesNotMakeTheChainUntrusted() throws Exception {
    // The shape of the old Let's Encrypt chain: leaf, intermediate, and an expired cross-signed
    // root the client does not need. OpenSSL and the JDK's PKIX both accept it.
    Instant crossSignExpired = TestCertificates.now().minus(Duration.ofDays(400));
    TestCertificateAuthority root = TestCertificates.authority();
    TestCertificateAuthority intermediate =
        root.intermediate(CertificateSpec.forAuthority(TestCertificates.uniqueName("R3")));
    TestCertificates issued = intermediate.issue(CertificateSpec.forHosts("localhost"));
    TestCertificates expiredCrossSign =
        TestCertificates.selfSigned(
            CertificateSpec.forAuthority(TestCertificates.uniqueName("DST Root"))
                .withValidity(crossSignExpired.minus(Duration.ofDays(3650)), crossSignExpired));
    List<java.security.cert.X509Certificate> presented = new java.util.ArrayList<>(issued.chain());
    presented.add(expiredCrossSign.leaf());
    try (LoopbackServer server =
        LoopbackServer.tls(
            presentingAsIs(presented, issued.privateKey()), null, handshakeThenDrain())) {
      TlsHandshakeResult result = run(server, verifying(root.writeCaPem(dir)), "localhost");

      assertThat(result.failure()).isNull();
      assertThat(result.certificate().trusted()).isTrue();
      assertThat(result.certificate().chainLength()).isEqualTo(3);
      assertThat(result.certificate().chainEarliestNotAfter()).isEqualTo(crossSignExpired);
    }
  }

  /**
   * A server context presenting {@code chain} exactly as given. PKCS12 refuses to store a chain
   * whose links do not connect; JKS stores it, as a misconfigured server would send it.
   */
  private static javax.net.ssl.SSLContext presentingAsIs(
      List<java.security.cert.X509Certificate> chain, java.security.PrivateKey key)
      throws Exception {
    char[] password = "test-only".toCharArray();
    java.security.KeyStore store = java.security.KeyStore.getInstance("JKS");
    store.load(null, null);
    store.setKeyEntry(
        "server", key, password, chain.toArray(java.security.cert.Certificate[]::new));
    javax.net.ssl.KeyManagerFactory keys =
        javax.net.ssl.KeyManagerFactory.getInstance(
            javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, password);
    javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  @Test
  void reportingOnlyPolicyCompletesOnBadCertificateAndReportsIt() throws Exception {
    Instant notAfter = TestCertificates.now().minus(Duration.ofDays(1));
    TestCertificates certs =
        TestCertificates.selfSigned(
            CertificateSpec.forHosts("other.example")
                .withValidity(notAfter.minus(Duration.ofDays(30)), notAfter));
    try (LoopbackServer server =
        LoopbackServer.tls(certs.serverContext(), null, handshakeThenDrain())) {
      TlsHandshakeResult result = run(server, reportingOnly(null), "localhost");

      assertThat(result.failure()).isNull();
      assertThat(result.socket()).isNotNull();
      assertThat(result.session().version()).isEqualTo("TLSv1.3");
      CertificateDetails details = result.certificate();
      assertThat(details.trusted()).isFalse();
      assertThat(details.hostnameMatch()).isFalse();
      assertThat(details.notAfter()).isEqualTo(notAfter);
      assertThat(details.validationError())
          .isEqualTo("certificate CN=other.example,O=smtpwatch expired on " + notAfter);
      assertThat(details.san()).containsExactly("other.example");
    }
  }

  private static String sha256Hex(byte[] der) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
  }
}
