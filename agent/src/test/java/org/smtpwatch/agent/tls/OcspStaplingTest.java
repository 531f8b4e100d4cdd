package org.smtpwatch.agent.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.x509.CRLReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpwatch.agent.ocsp.OcspResult;
import org.smtpwatch.agent.ocsp.OcspStatus;
import org.smtpwatch.agent.testkit.StaplingTlsServer;
import org.smtpwatch.agent.testkit.TestCertificateAuthority;
import org.smtpwatch.agent.testkit.TestCertificates;
import org.smtpwatch.agent.testkit.TestOcspResponses;
import org.smtpwatch.agent.tls.issue.CertificateSpec;
import org.smtpwatch.config.TlsPolicy;

/**
 * The probe's TLS client asks for and reads a stapled OCSP response, against {@code openssl
 * s_server -status_file} stapling responses built per test.
 */
class OcspStaplingTest {

  @TempDir Path dir;

  private final TestCertificateAuthority ca = TestCertificates.authority();
  private final TestCertificates certs = ca.issue(CertificateSpec.forHosts("localhost"));

  private TlsHandshakeResult handshake(byte[] staple, String tlsVersion, TlsPolicy policy)
      throws IOException, TlsSetupException, InterruptedException {
    Path serverDir = Files.createDirectories(dir.resolve("server"));
    try (StaplingTlsServer server =
        StaplingTlsServer.start(serverDir, certs, staple, tlsVersion, "")) {
      Socket connected = new Socket(InetAddress.getLoopbackAddress(), server.port());
      TlsHandshakeResult result =
          TlsHandshaker.forPolicy(policy)
              .handshake(connected, "localhost", server.port(), ClientHandshake.TIMEOUT);
      if (result.socket() != null) {
        result.socket().close();
      }
      return result;
    }
  }

  private TlsPolicy verifying() throws IOException {
    return ClientHandshake.verifying(ca.writeCaPem(dir));
  }

  @Test
  void aGoodResponseStapledInTls13IsRead() throws Exception {
    Instant thisUpdate = TestCertificates.now().minus(Duration.ofMinutes(10));
    Instant nextUpdate = thisUpdate.plus(Duration.ofDays(2));
    byte[] staple = TestOcspResponses.about(ca, certs.leaf()).updates(thisUpdate, nextUpdate).der();

    TlsHandshakeResult result = handshake(staple, "-tls1_3", verifying());

    assertThat(result.failure()).isNull();
    assertThat(result.session().version()).isEqualTo("TLSv1.3");
    assertThat(result.stapledOcsp())
        .isEqualTo(
            new OcspResult(OcspStatus.GOOD, thisUpdate, nextUpdate, null, null, null, "good"));
    // The server sent only its leaf; the issuer is the root from ca_file.
    assertThat(result.ocspSubject().issuer()).isEqualTo(ca.certificate());
  }

  @Test
  void aRevokedResponseStapledInTls12IsRead() throws Exception {
    Instant revokedAt = TestCertificates.now().minus(Duration.ofDays(3));
    byte[] staple =
        TestOcspResponses.about(ca, certs.leaf()).revoked(revokedAt, CRLReason.keyCompromise).der();

    TlsHandshakeResult result = handshake(staple, "-tls1_2", verifying());

    assertThat(result.session().version()).isEqualTo("TLSv1.2");
    assertThat(result.stapledOcsp().status()).isEqualTo(OcspStatus.REVOKED);
    assertThat(result.stapledOcsp().revokedAt()).isEqualTo(revokedAt);
  }

  @Test
  void noStapleIsReportedAsNone() throws Exception {
    TlsHandshakeResult result = handshake(null, null, verifying());

    assertThat(result.failure()).isNull();
    assertThat(result.ocspSubject().leaf()).isEqualTo(certs.leaf());
    assertThat(result.stapledOcsp()).isNull();
  }

  @Test
  void aBadStapleIsReportedWithoutFailingTheHandshake() throws Exception {
    byte[] forged =
        TestOcspResponses.about(ca, certs.leaf()).signedBy(TestCertificates.authority()).der();
    byte[] otherCertificate =
        TestOcspResponses.about(ca, certs.leaf()).forSerial(BigInteger.TEN).der();

    TlsHandshakeResult bad = handshake(forged, "-tls1_3", verifying());
    TlsHandshakeResult wrong = handshake(otherCertificate, "-tls1_2", verifying());

    assertThat(bad.failure()).isNull();
    assertThat(bad.stapledOcsp().status()).isEqualTo(OcspStatus.BAD_SIGNATURE);
    assertThat(wrong.failure()).isNull();
    assertThat(wrong.stapledOcsp().status()).isEqualTo(OcspStatus.WRONG_CERTIFICATE);
  }

  @Test
  void aStapleOnARefusedCertificateIsStillReported() throws Exception {
    byte[] staple = TestOcspResponses.about(ca, certs.leaf()).der();
    TlsPolicy otherCa = ClientHandshake.verifying(TestCertificates.authority().writeCaPem(dir));

    TlsHandshakeResult result = handshake(staple, "-tls1_3", otherCa);

    assertThat(result.failure().reason().label()).isEqualTo("cert_untrusted");
    // Neither the chain nor the trust store holds the issuer, so nothing can vouch for it.
    assertThat(result.stapledOcsp().status()).isEqualTo(OcspStatus.NO_ISSUER);
  }
}
