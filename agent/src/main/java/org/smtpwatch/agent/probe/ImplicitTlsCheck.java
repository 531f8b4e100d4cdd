package org.smtpwatch.agent.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smtpwatch.agent.tls.TlsHandshakeResult;
import org.smtpwatch.agent.tls.TlsHandshakers;
import org.smtpwatch.agent.tls.TlsSetupException;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.TlsPolicy;

/**
 * Tells a port that speaks implicit TLS (it waits for a ClientHello, so a plaintext client hears
 * nothing) from a tarpit: a second, short connection tries a handshake without verification. Only
 * run after a greeting wait that received no byte at all.
 */
final class ImplicitTlsCheck {

  private static final Logger log = LoggerFactory.getLogger(ImplicitTlsCheck.class);

  private ImplicitTlsCheck() {}

  static boolean speaksImplicitTls(
      InetAddress address,
      Endpoint endpoint,
      Deadline deadline,
      ProbeAlarm alarm,
      TlsHandshakers handshakers) {
    // Verification off and no ca_file: the question is "is this TLS", not "is it trusted".
    TlsPolicy lenient = new TlsPolicy(false, false, null, endpoint.tls().serverName(), null);
    try (Socket socket =
        Connector.open(new InetSocketAddress(address, endpoint.port()), deadline)) {
      alarm.guard(socket);
      TlsHandshakeResult result =
          handshakers
              .forPolicy(lenient)
              .handshake(socket, endpoint.host(), endpoint.port(), deadline.remaining());
      if (result.socket() != null) {
        result.socket().close();
      }
      return result.session() != null || result.certificate() != null;
    } catch (IOException | TlsSetupException e) {
      return false;
    } catch (RuntimeException e) {
      // The check only refines a failure that already happened; a bug here must not replace the
      // probe's real result, but it must be visible.
      log.warn("implicit-TLS check against {} failed unexpectedly", endpoint.target(), e);
      return false;
    }
  }
}
