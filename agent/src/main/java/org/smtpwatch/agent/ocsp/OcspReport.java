package org.smtpwatch.agent.ocsp;

/**
 * Revocation facts of one probe, for a probe that saw a certificate.
 *
 * @param stapled the response the server stapled to the handshake, or {@code null} if it stapled
 *     none
 * @param query the direct query to the certificate's responder, or {@code null} when the endpoint
 *     does not ask for one
 */
public record OcspReport(OcspResult stapled, OcspResult query) {

  public boolean isStapled() {
    return stapled != null;
  }
}
