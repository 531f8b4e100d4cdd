package org.smtpwatch.agent.ocsp;

/**
 * What an OCSP check concluded about the leaf certificate. The first three are the certificate
 * statuses of RFC 6960; the others say why there is no trustworthy answer, each its own value so an
 * alert can tell a revoked certificate from a responder that is down.
 */
public enum OcspStatus {
  /** The responder vouches for the certificate. */
  GOOD("good"),
  /** The certificate is revoked (also when the response is past its next update). */
  REVOKED("revoked"),
  /** The responder does not know the certificate. */
  UNKNOWN("unknown"),
  /** The response is past its next update, or its this update is in the future. */
  EXPIRED("expired"),
  /** Signed neither by the issuer nor by a responder the issuer delegated to. */
  BAD_SIGNATURE("bad_signature"),
  /** The response speaks about another certificate. */
  WRONG_CERTIFICATE("wrong_certificate"),
  /** The response echoes a nonce other than the one the query sent (a replayed answer). */
  NONCE_MISMATCH("nonce_mismatch"),
  /** Not a parsable OCSP response. */
  MALFORMED("malformed"),
  /** The responder answered with an error status (tryLater, unauthorized, ...). */
  RESPONDER_ERROR("responder_error"),
  /** The query got no response: connection, HTTP status, size or time limit. */
  UNAVAILABLE("unavailable"),
  /** The certificate names no OCSP responder (no AIA OCSP URL), so there was nothing to ask. */
  NO_RESPONDER("no_responder"),
  /** The issuer is neither in the presented chain nor in the trust store: nothing to check with. */
  NO_ISSUER("no_issuer");

  private final String label;

  OcspStatus(String label) {
    this.label = label;
  }

  /** The name used in metrics, JSON and reports. */
  public String label() {
    return label;
  }
}
