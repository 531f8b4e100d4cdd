package org.smtpwatch.agent.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.agent.tls.ClientHandshake.handshakeThenDrain;
import static org.smtpwatch.agent.tls.ClientHandshake.run;
import static org.smtpwatch.agent.tls.ClientHandshake.verifying;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpwatch.agent.crypto.BouncyCastleEcProvider;
import org.smtpwatch.agent.probe.FailureReason;
import org.smtpwatch.agent.testkit.StaplingTlsServer;
import org.smtpwatch.agent.testkit.TestCertificates;

/**
 * Handshakes with Bouncy Castle computing the EC operations, as the command line installs it: the
 * server's CertificateVerify (TLS 1.3) or key exchange signature (TLS 1.2), the chain's signatures
 * in PKIX validation, the X25519 key share a JDK server takes (the first of its groups), and the
 * P-256 key share a P-256-only server takes.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BouncyCastleEcHandshakeTest {

  @TempDir Path dir;

  @BeforeAll
  static void install() {
    BouncyCastleEcProvider.installFirst();
  }

  @ParameterizedTest
  @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
  void ecdsaServerIsVerifiedAndTrusted(String version) throws Exception {
    TestCertificates certs = TestCertificates.forLocalhost();
    try (LoopbackServer server =
        LoopbackServer.tls(certs.serverContext(), new String[] {version}, handshakeThenDrain())) {
      TlsHandshakeResult result = run(server, verifying(certs.writeCaPem(dir)), "localhost");

      assertThat(result.failure()).isNull();
      assertThat(result.session().version()).isEqualTo(version);
      assertThat(result.certificate().trusted()).isTrue();
      assertThat(result.certificate().keyAlgorithm()).isEqualTo("EC");
    }
  }

  /** The CA's signature on the leaf is broken: Bouncy Castle's verification must say so. */
  @Test
  void leafWithABrokenSignatureIsUntrusted() throws Exception {
    TestCertificates genuine = TestCertificates.forLocalhost();
    byte[] der = genuine.leaf().getEncoded();
    der[der.length - 1] ^= 0x01; // the last byte of the signature's s value
    X509Certificate forged =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    TestCertificates certs =
        new TestCertificates(List.of(forged), genuine.privateKey(), genuine.trustAnchor());
    try (LoopbackServer server =
        LoopbackServer.tls(certs.serverContext(), null, handshakeThenDrain())) {
      TlsHandshakeResult result = run(server, verifying(certs.writeCaPem(dir)), "localhost");

      assertThat(result.failure().reason()).isEqualTo(FailureReason.CERT_UNTRUSTED);
      assertThat(result.certificate().trusted()).isFalse();
      assertThat(result.socket()).isNull();
    }
  }

  /** OpenSSL offering only P-256: the client's P-256 share (or its retry) is what it takes. */
  @ParameterizedTest
  @ValueSource(strings = {"-tls1_3", "-tls1_2"})
  void p256OnlyServerCompletesTheHandshake(String version) throws Exception {
    TestCertificates certs = TestCertificates.forLocalhost();
    Path serverDir = Files.createDirectories(dir.resolve("server"));
    try (StaplingTlsServer server =
        StaplingTlsServer.start(serverDir, certs, null, version, "", List.of("-groups", "P-256"))) {
      Socket connected = new Socket(InetAddress.getLoopbackAddress(), server.port());
      TlsHandshakeResult result =
          TlsHandshaker.forPolicy(verifying(certs.writeCaPem(dir)))
              .handshake(connected, "localhost", server.port(), ClientHandshake.TIMEOUT);
      if (result.socket() != null) {
        result.socket().close();
      }

      assertThat(result.failure()).isNull();
      assertThat(result.certificate().trusted()).isTrue();
    }
  }
}
