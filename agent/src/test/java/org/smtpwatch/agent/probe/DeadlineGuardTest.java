package org.smtpwatch.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.agent.probe.ScriptedProbe.assertWithin;
import static org.smtpwatch.agent.testkit.Script.script;
import static org.smtpwatch.agent.testkit.TestEndpoints.tlsRequired;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.testkit.Script;
import org.smtpwatch.agent.testkit.TestCertificates;
import org.smtpwatch.agent.testkit.TestEndpoints;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.Mode;
import org.smtpwatch.config.TlsPolicy;

/**
 * Socket timeouts bound each read, not a whole step: a server that drips a byte just inside the
 * read timeout would hold a probe far past its deadline without the probe's alarm.
 */
class DeadlineGuardTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  private final ScriptedProbe probe = new ScriptedProbe();

  @AfterEach
  void stopServer() throws IOException {
    probe.close();
  }

  @Test
  void aTlsHandshakeDrippedByteByByteEndsAtTheDeadlineAsTimeout() throws Exception {
    // A TLS record header announcing a 16 KiB handshake message, then its body one byte every
    // 100 ms: every read succeeds, the handshake would last half an hour.
    Script drip = script().sendBytes(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00});
    for (int i = 0; i < 60; i++) {
      drip = drip.delay(Duration.ofMillis(100)).sendBytes(new byte[] {0x02});
    }

    ProbeResult result = probe.run(drip, Mode.TLS, tlsRequired(), TIMEOUT);

    assertThat(result.failure()).as("%s", result.failure()).isNotNull();
    assertThat(result.failure().phase()).isEqualTo(Phase.TLS_HANDSHAKE);
    assertThat(result.failure().reason()).isEqualTo(FailureReason.TIMEOUT);
    assertThat(result.failure().detail()).contains("deadline");
    assertWithin(result, TIMEOUT);
  }

  @Test
  void aGreetingDrippedByteByByteEndsAtTheDeadlineAsTimeout() throws Exception {
    Script drip = script();
    for (int i = 0; i < 60; i++) {
      drip = drip.sendRaw(i == 0 ? "2" : "x").delay(Duration.ofMillis(100));
    }

    ProbeResult result = probe.run(drip, Mode.PLAIN, TestEndpointsNoTls.policy(), TIMEOUT);

    assertThat(result.failure()).as("%s", result.failure()).isNotNull();
    assertThat(result.failure().phase()).isEqualTo(Phase.BANNER);
    assertThat(result.failure().reason()).isEqualTo(FailureReason.TIMEOUT);
    assertWithin(result, TIMEOUT);
  }

  @Test
  void aTimeoutAfterTlsIsUpEndsAtTheDeadlineNotOneReadTimeoutLater() throws Exception {
    TestCertificates certificates = TestCertificates.forLocalhost();
    try (SSLServerSocket server =
            (SSLServerSocket)
                certificates
                    .serverContext()
                    .getServerSocketFactory()
                    .createServerSocket(0, 5, InetAddress.getLoopbackAddress());
        SilentTlsPeer peer = new SilentTlsPeer(server)) {
      Endpoint endpoint =
          TestEndpoints.endpoint(
              ScriptedProbe.HOST,
              server.getLocalPort(),
              Mode.TLS,
              new TlsPolicy(true, false, null, null, null),
              Duration.ofSeconds(3));

      ProbeResult result = new SmtpProber(ScriptedProbe.RESOLVER).probe(endpoint);

      assertThat(result.phaseDuration(Phase.TLS_HANDSHAKE)).isPresent();
      assertThat(result.failure().phase()).isEqualTo(Phase.BANNER);
      assertThat(result.failure().reason()).isEqualTo(FailureReason.TIMEOUT);
      assertWithin(result, Duration.ofSeconds(3));
    }
  }

  /**
   * Completes a TLS handshake, then neither speaks nor reads (so it never answers the client's
   * close_notify) until the test ends.
   */
  private static final class SilentTlsPeer implements AutoCloseable {
    private final CountDownLatch testOver = new CountDownLatch(1);
    private final Thread thread;

    SilentTlsPeer(SSLServerSocket server) {
      thread =
          new Thread(
              () -> {
                try (SSLSocket connection = (SSLSocket) server.accept()) {
                  connection.setSoTimeout(10_000);
                  connection.startHandshake();
                  testOver.await(10, TimeUnit.SECONDS);
                } catch (IOException e) {
                  // The probe gave up on the handshake; the assertions say whether it should have.
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "silent-tls-peer");
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void close() throws InterruptedException {
      testOver.countDown();
      thread.join(10_000);
    }
  }

  private static final class TestEndpointsNoTls {
    static org.smtpwatch.config.TlsPolicy policy() {
      return org.smtpwatch.agent.testkit.TestEndpoints.noTls();
    }
  }
}
