package org.smtpwatch.agent.tls;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLSocket;
import org.smtpwatch.config.TlsPolicy;

/** Shortcuts shared by the handshake tests: policies, server behaviours, one client handshake. */
final class ClientHandshake {

  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private ClientHandshake() {}

  static TlsPolicy verifying(Path caFile) {
    return new TlsPolicy(true, true, caFile, null, null);
  }

  static TlsPolicy reportingOnly(Path caFile) {
    return new TlsPolicy(true, false, caFile, null, null);
  }

  /**
   * Connects to {@code server}, hands the socket to a handshaker for {@code policy}, and closes.
   */
  static TlsHandshakeResult run(LoopbackServer server, TlsPolicy policy, String host)
      throws IOException, TlsSetupException {
    return run(server, policy, host, TIMEOUT);
  }

  static TlsHandshakeResult run(
      LoopbackServer server, TlsPolicy policy, String host, Duration timeout)
      throws IOException, TlsSetupException {
    TlsHandshaker handshaker = TlsHandshaker.forPolicy(policy);
    Socket connected = server.connect();
    TlsHandshakeResult result = handshaker.handshake(connected, host, 465, timeout);
    if (result.socket() != null) {
      result.socket().close();
    }
    return result;
  }

  /** A TLS server that completes the handshake, reports the SNI it received, then drains. */
  static LoopbackServer.Behaviour handshakeThenDrain(CompletableFuture<List<String>> sni) {
    return accepted -> {
      SSLSocket tls = (SSLSocket) accepted;
      tls.startHandshake();
      List<SNIServerName> names = ((ExtendedSSLSession) tls.getSession()).getRequestedServerNames();
      sni.complete(
          names.stream()
              .filter(SNIHostName.class::isInstance)
              .map(name -> ((SNIHostName) name).getAsciiName())
              .toList());
      LoopbackServer.drainUntilClosed(tls);
    };
  }

  /** A TLS server that handshakes (or fails to) and drains; for tests that ignore SNI. */
  static LoopbackServer.Behaviour handshakeThenDrain() {
    return handshakeThenDrain(new CompletableFuture<>());
  }
}
