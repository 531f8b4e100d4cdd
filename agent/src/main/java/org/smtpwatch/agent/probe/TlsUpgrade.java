package org.smtpwatch.agent.probe;

import java.net.Socket;
import org.smtpwatch.agent.tls.TlsHandshakeResult;
import org.smtpwatch.agent.tls.TlsHandshaker;
import org.smtpwatch.agent.tls.TlsHandshakers;
import org.smtpwatch.agent.tls.TlsSetupException;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.TlsPolicy;

/** Hands a connected socket to the {@link TlsHandshaker} under the endpoint's policy. */
final class TlsUpgrade {

  private TlsUpgrade() {}

  /**
   * @throws StepFailure only when the policy's trust material cannot be prepared; a failed
   *     handshake is the result's failure, so its certificate is not lost
   */
  static TlsHandshakeResult handshake(
      Socket connected, Endpoint endpoint, Deadline deadline, TlsHandshakers handshakers)
      throws StepFailure {
    TlsHandshaker handshaker = handshaker(endpoint.tls(), handshakers);
    return handshaker.handshake(connected, endpoint.host(), endpoint.port(), deadline.remaining());
  }

  private static TlsHandshaker handshaker(TlsPolicy policy, TlsHandshakers handshakers)
      throws StepFailure {
    try {
      return handshakers.forPolicy(policy);
    } catch (TlsSetupException e) {
      throw new StepFailure(
          Phase.TLS_HANDSHAKE,
          FailureReason.TLS_HANDSHAKE,
          // The message names the file and what is wrong with it.
          "cannot prepare TLS trust: " + e.getMessage());
    }
  }
}
