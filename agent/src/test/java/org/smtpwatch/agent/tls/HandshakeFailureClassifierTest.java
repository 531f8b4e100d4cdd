package org.smtpwatch.agent.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.probe.Failure;
import org.smtpwatch.agent.probe.FailureReason;
import org.smtpwatch.agent.probe.Phase;

/** The JDK messages no loopback test provokes on its own, mapped to their reasons. */
class HandshakeFailureClassifierTest {

  private final HandshakeFailureClassifier classifier = new HandshakeFailureClassifier();

  @Test
  void wrappedTimeoutIsTimeout() {
    Throwable thrown =
        new SSLException(
            "Couldn't kickstart handshaking", new SocketTimeoutException("Read timed out"));

    assertThat(classify(thrown).reason()).isEqualTo(FailureReason.TIMEOUT);
  }

  @Test
  void noAppropriateProtocolIsTlsVersion() {
    Throwable thrown =
        new SSLHandshakeException(
            "No appropriate protocol (protocol is disabled or cipher suites are inappropriate)");

    Failure failure = classify(thrown);

    assertThat(failure.reason()).isEqualTo(FailureReason.TLS_VERSION);
    assertThat(failure.detail())
        .isEqualTo(
            "no TLS version in common (client offers the JDK's enabled versions): No appropriate"
                + " protocol (protocol is disabled or cipher suites are inappropriate)");
  }

  @Test
  void serverSelectingARefusedVersionIsTlsVersion() {
    Throwable thrown =
        new SSLHandshakeException(
            "The server selected protocol version TLS11 is not accepted by client preferences"
                + " [TLS13, TLS12]");

    assertThat(classify(thrown).reason()).isEqualTo(FailureReason.TLS_VERSION);
  }

  @Test
  void resetAndEofAreConnectionClosed() {
    assertThat(classify(new SocketException("Connection reset")).reason())
        .isEqualTo(FailureReason.CONNECTION_CLOSED);
    assertThat(
            classify(
                    new SSLHandshakeException("Remote host terminated the handshake")
                        .initCause(new EOFException("SSL peer shut down incorrectly")))
                .reason())
        .isEqualTo(FailureReason.CONNECTION_CLOSED);
  }

  @Test
  void otherAlertsAreTlsHandshakeWithTheAlertText() {
    Failure failure =
        classify(new SSLHandshakeException("Received fatal alert: handshake_failure"));

    assertThat(failure)
        .isEqualTo(
            new Failure(
                Phase.TLS_HANDSHAKE,
                FailureReason.TLS_HANDSHAKE,
                "Received fatal alert: handshake_failure"));
  }

  private Failure classify(Throwable thrown) {
    return classifier.classify(thrown, Duration.ofSeconds(5), null);
  }
}
