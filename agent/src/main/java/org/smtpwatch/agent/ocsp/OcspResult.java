package org.smtpwatch.agent.ocsp;

import java.time.Instant;

/**
 * One OCSP answer about the leaf certificate, stapled to the handshake or fetched by a query.
 *
 * @param status the conclusion
 * @param thisUpdate when the responder produced the status, or {@code null} if none was read
 * @param nextUpdate until when it holds, or {@code null} if the response does not say
 * @param revokedAt when the certificate was revoked, or {@code null} unless revoked
 * @param revocationReason the CRL reason ({@code keyCompromise}, ...), or {@code null}
 * @param responder the URL queried, or {@code null} for a stapled response
 * @param detail what happened, for people
 */
public record OcspResult(
    OcspStatus status,
    Instant thisUpdate,
    Instant nextUpdate,
    Instant revokedAt,
    String revocationReason,
    String responder,
    String detail) {

  /** A result with nothing but a status and why. */
  public static OcspResult of(OcspStatus status, String detail) {
    return new OcspResult(status, null, null, null, null, null, detail);
  }

  /** This result, noting the responder it came from. */
  public OcspResult from(String responderUrl) {
    return new OcspResult(
        status, thisUpdate, nextUpdate, revokedAt, revocationReason, responderUrl, detail);
  }
}
