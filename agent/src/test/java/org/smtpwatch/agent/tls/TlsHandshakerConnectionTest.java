package org.smtpwatch.agent.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.agent.tls.ClientHandshake.handshakeThenDrain;
import static org.smtpwatch.agent.tls.ClientHandshake.run;
import static org.smtpwatch.agent.tls.ClientHandshake.verifying;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.smtpwatch.agent.probe.FailureReason;
import org.smtpwatch.agent.testkit.TestCertificates;
import org.smtpwatch.config.TlsPolicy;

/** Handshakes against servers that restrict versions, speak plaintext, stall or hang up. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TlsHandshakerConnectionTest {

  @TempDir Path dir;
  private TestCertificates certs;
  private Path caFile;

  @BeforeEach
  void certificates() throws Exception {
    certs = TestCertificates.forLocalhost();
    caFile = certs.writeCaPem(dir);
  }

  @Test
  void serverRestrictedToTls12NegotiatesTls12() throws Exception {
    try (LoopbackServer server =
        LoopbackServer.tls(certs.serverContext(), new String[] {"TLSv1.2"}, handshakeThenDrain())) {
      TlsHandshakeResult result = run(server, verifying(caFile), "localhost");

      assertThat(result.failure()).isNull();
      assertThat(result.session().version()).isEqualTo("TLSv1.2");
      assertThat(result.session().cipher()).startsWith("TLS_ECDHE_ECDSA_WITH_");
    }
  }

  @Test
  void minVersionAboveWhatTheServerSpeaksIsTlsVersion() throws Exception {
    TlsPolicy tls13Only = new TlsPolicy(true, true, caFile, null, "TLSv1.3");
    try (LoopbackServer server =
        LoopbackServer.tls(certs.serverContext(), new String[] {"TLSv1.2"}, handshakeThenDrain())) {
      TlsHandshakeResult result = run(server, tls13Only, "localhost");

      assertThat(result.failure().reason()).isEqualTo(FailureReason.TLS_VERSION);
      assertThat(result.failure().detail())
          .startsWith("no TLS version in common (client offers TLSv1.3 or newer): ");
      assertThat(result.socket()).isNull();
      assertThat(result.session()).isNull();
    }
  }

  @Test
  void minVersionTls12StillNegotiatesTls13() throws Exception {
    TlsPolicy policy = new TlsPolicy(true, true, caFile, null, "TLSv1.2");
    try (LoopbackServer server =
        LoopbackServer.tls(certs.serverContext(), null, handshakeThenDrain())) {
      TlsHandshakeResult result = run(server, policy, "localhost");

      assertThat(result.failure()).isNull();
      assertThat(result.session().version()).isEqualTo("TLSv1.3");
    }
  }

  @Test
  void plaintextGreetingIsModeMismatch() throws Exception {
    try (LoopbackServer server =
        LoopbackServer.plain(
            accepted -> {
              OutputStream out = accepted.getOutputStream();
              out.write("220 hello\r\n".getBytes(StandardCharsets.US_ASCII));
              out.flush();
              LoopbackServer.drainUntilClosed(accepted);
            })) {
      TlsHandshakeResult result = run(server, verifying(caFile), "localhost");

      assertThat(result.failure().reason()).isEqualTo(FailureReason.MODE_MISMATCH);
      assertThat(result.failure().detail())
          .isEqualTo(
              "server sent plaintext; this port does not speak implicit TLS (try mode starttls)");
      assertThat(result.certificate()).isNull();
    }
  }

  @Test
  void silentServerIsTimeoutWithinTheTimeout() throws Exception {
    Duration timeout = Duration.ofMillis(300);
    try (LoopbackServer server = LoopbackServer.plain(LoopbackServer::drainUntilClosed)) {
      long started = System.nanoTime();
      TlsHandshakeResult result = run(server, verifying(caFile), "localhost", timeout);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

      assertThat(result.failure().reason()).isEqualTo(FailureReason.TIMEOUT);
      assertThat(result.failure().detail()).isEqualTo("no TLS handshake reply within 300 ms");
      assertThat(elapsed).isGreaterThanOrEqualTo(timeout).isLessThan(timeout.plusSeconds(2));
    }
  }

  @Test
  void serverClosingMidHandshakeIsConnectionClosed() throws Exception {
    try (LoopbackServer server =
        LoopbackServer.plain(
            accepted -> {
              // Read the ClientHello's record header, then hang up without a word.
              InputStream in = accepted.getInputStream();
              in.readNBytes(5);
              accepted.close();
            })) {
      TlsHandshakeResult result = run(server, verifying(caFile), "localhost");

      assertThat(result.failure().reason()).isEqualTo(FailureReason.CONNECTION_CLOSED);
      assertThat(result.failure().detail())
          .startsWith("server closed the connection during the TLS handshake: ");
    }
  }

  @Test
  void handshakeFailureClosesTheConnectedSocket() throws Exception {
    try (LoopbackServer server = LoopbackServer.plain(LoopbackServer::drainUntilClosed)) {
      var connected = server.connect();
      TlsHandshakeResult result =
          TlsHandshaker.forPolicy(verifying(caFile))
              .handshake(connected, "localhost", 465, Duration.ofMillis(100));

      assertThat(result.failure().reason()).isEqualTo(FailureReason.TIMEOUT);
      assertThat(connected.isClosed()).isTrue();
    }
  }
}
