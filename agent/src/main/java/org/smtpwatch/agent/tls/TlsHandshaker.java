package org.smtpwatch.agent.tls;

import java.net.Socket;
import java.time.Duration;
import org.smtpwatch.config.TlsPolicy;

/**
 * Performs the client side of a TLS handshake over an already connected socket (implicit TLS right
 * after connect, or STARTTLS after the server's 220), under one endpoint's {@link TlsPolicy}.
 *
 * <p>SKELETON: the API the probe engine builds against; the implementation lands with the TLS work.
 */
public final class TlsHandshaker {

  private TlsHandshaker() {}

  /**
   * Prepares trust material for a policy once (the JDK's store, or the PEM bundle in {@code
   * ca_file}).
   *
   * @throws TlsSetupException if {@code ca_file} cannot be read or holds no certificate
   */
  public static TlsHandshaker forPolicy(TlsPolicy policy) throws TlsSetupException {
    throw new UnsupportedOperationException("TLS handshaker not built yet");
  }

  /**
   * Layers TLS over {@code connected} (closing it with the TLS socket), sends SNI for the policy's
   * expected name, and completes the handshake within {@code timeout}. Never throws: every problem
   * is a {@link TlsHandshakeResult#failure()} in phase {@code tls_handshake}.
   */
  public TlsHandshakeResult handshake(Socket connected, String host, int port, Duration timeout) {
    throw new UnsupportedOperationException("TLS handshaker not built yet");
  }
}
