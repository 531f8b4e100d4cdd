package org.smtpwatch.agent.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpwatch.agent.tls.issue.CertificateSpec;
import org.smtpwatch.agent.tls.issue.KeyType;

/** The test kit itself: what teammates rely on when they build servers from it. */
class TestCertificatesTest {

  @TempDir Path dir;

  @Test
  void localhostLeafHasExactSansAndIsSignedByItsAnchor() throws Exception {
    TestCertificates certs = TestCertificates.forLocalhost(KeyType.RSA_2048);

    assertThat(certs.chain()).hasSize(1);
    assertThat(certs.leaf().getSubjectAlternativeNames())
        .extracting(san -> (Object) san.get(1))
        .containsExactly("localhost", "127.0.0.1");
    assertThat(certs.privateKey().getAlgorithm()).isEqualTo("RSA");
    certs.leaf().verify(certs.trustAnchor().getPublicKey());
  }

  @Test
  void specInstantsAreTruncatedToWholeSecondsLikeTheCertificate() {
    Instant precise = Instant.parse("2031-05-06T07:08:09.987654Z");
    CertificateSpec spec = CertificateSpec.forHosts("localhost").withNotAfter(precise);

    TestCertificates certs = TestCertificates.authority().issue(spec);

    assertThat(spec.notAfter()).isEqualTo(Instant.parse("2031-05-06T07:08:09Z"));
    assertThat(certs.leaf().getNotAfter().toInstant()).isEqualTo(spec.notAfter());
  }

  @Test
  void intermediatesAreInTheChainAndTheRootIsNot() {
    TestCertificateAuthority root = TestCertificates.authority();
    TestCertificateAuthority intermediate =
        root.intermediate(CertificateSpec.forAuthority(TestCertificates.uniqueName("sub")));

    TestCertificates certs = intermediate.issue(CertificateSpec.forHosts("localhost"));

    assertThat(certs.chain()).containsExactly(certs.leaf(), intermediate.certificate());
    assertThat(certs.trustAnchor()).isEqualTo(root.certificate());
  }

  @Test
  void pemFilesAreWritten() throws Exception {
    TestCertificates certs = TestCertificates.forLocalhost();

    assertThat(Files.readString(certs.writeCaPem(dir))).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(Files.readString(certs.writeChainPem(dir))).contains("-----END CERTIFICATE-----");
    assertThat(Files.readString(certs.writePrivateKeyPem(dir)))
        .startsWith("-----BEGIN PRIVATE KEY-----");
  }

  @Test
  void invertedValidityIsRejectedEarly() {
    Instant now = TestCertificates.now();

    assertThatThrownBy(
            () ->
                CertificateSpec.forHosts("localhost")
                    .withValidity(now, now.minus(Duration.ofDays(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be after notBefore");
  }
}
