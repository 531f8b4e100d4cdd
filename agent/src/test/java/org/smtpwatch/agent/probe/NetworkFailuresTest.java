package org.smtpwatch.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.smtp.SmtpProtocolException;

/**
 * The classification of what the JDK throws. Loopback cannot produce a connect timeout or an
 * unreachable network, so those mappings are checked here on the exceptions themselves.
 */
class NetworkFailuresTest {

  private static FailureReason connect(IOException e) {
    return NetworkFailures.connect("192.0.2.1:25", e).reason();
  }

  private static FailureReason exchange(IOException e) {
    return NetworkFailures.exchange(Phase.EHLO, e).reason();
  }

  @Test
  void connectFailures() {
    assertThat(connect(new SocketTimeoutException("Connect timed out")))
        .isEqualTo(FailureReason.CONNECT_TIMEOUT);
    assertThat(connect(new ConnectException("Connection refused")))
        .isEqualTo(FailureReason.CONNECT_REFUSED);
    assertThat(connect(new NoRouteToHostException("No route to host")))
        .isEqualTo(FailureReason.UNREACHABLE);
    assertThat(connect(new ConnectException("Network is unreachable")))
        .isEqualTo(FailureReason.UNREACHABLE);
    assertThat(connect(new SocketException("Protocol family unavailable")))
        .isEqualTo(FailureReason.UNREACHABLE);
  }

  @Test
  void aResetDuringConnectIsTheServerClosingBeforeItsGreeting() {
    Failure failure =
        NetworkFailures.connect("127.0.0.1:25", new SocketException("Connection reset by peer"));

    assertThat(failure.phase()).isEqualTo(Phase.BANNER);
    assertThat(failure.reason()).isEqualTo(FailureReason.CONNECTION_CLOSED);
    assertThat(failure.detail())
        .isEqualTo("connect to 127.0.0.1:25: SocketException: Connection reset by peer");
  }

  @Test
  void connectFailureDetailNamesTheTarget() {
    assertThat(NetworkFailures.connect("192.0.2.1:25", new ConnectException("Connection refused")))
        .isEqualTo(
            new Failure(
                Phase.CONNECT,
                FailureReason.CONNECT_REFUSED,
                "connect to 192.0.2.1:25: ConnectException: Connection refused"));
  }

  @Test
  void exchangeFailures() {
    assertThat(exchange(new SmtpProtocolException(SmtpProtocolException.Kind.CLOSED, "closed")))
        .isEqualTo(FailureReason.CONNECTION_CLOSED);
    assertThat(
            exchange(
                new SmtpProtocolException(SmtpProtocolException.Kind.BARE_LINE_FEED, "bare LF")))
        .isEqualTo(FailureReason.PROTOCOL);
    assertThat(exchange(new SocketTimeoutException("Read timed out")))
        .isEqualTo(FailureReason.TIMEOUT);
    assertThat(exchange(new SocketException("Connection reset")))
        .isEqualTo(FailureReason.CONNECTION_CLOSED);
    assertThat(NetworkFailures.exchange(Phase.EHLO_TLS, new SocketException("Broken pipe")).phase())
        .isEqualTo(Phase.EHLO_TLS);
  }
}
