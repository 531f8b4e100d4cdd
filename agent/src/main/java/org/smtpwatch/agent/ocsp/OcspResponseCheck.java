package org.smtpwatch.agent.ocsp;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Reads a DER OCSP response (RFC 6960) about an {@link OcspSubject}, with Bouncy Castle: the
 * responder's status, the entry for the leaf (its CertID must match leaf and issuer), the
 * signature, the dates, and a nonce when the query sent one. Never throws: what is wrong with a
 * response is its {@link OcspStatus}. Thread-safe.
 */
public final class OcspResponseCheck {

  /** Clocks of responders and agents drift; RFC 6960 leaves the allowance to the client. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private static final Map<Integer, String> RESPONSE_STATUSES =
      Map.of(
          OCSPResp.MALFORMED_REQUEST, "malformedRequest",
          OCSPResp.INTERNAL_ERROR, "internalError",
          OCSPResp.TRY_LATER, "tryLater",
          OCSPResp.SIG_REQUIRED, "sigRequired",
          OCSPResp.UNAUTHORIZED, "unauthorized");

  private final Clock clock;
  private final OcspSignature signature;

  public OcspResponseCheck(Clock clock) {
    this.clock = clock;
    this.signature = new OcspSignature(clock);
  }

  /**
   * @param expectedNonce the nonce the query sent, or {@code null} (stapled responses carry none)
   */
  public OcspResult check(byte[] der, OcspSubject subject, byte[] expectedNonce) {
    if (subject.issuer() == null) {
      return OcspResult.of(
          OcspStatus.NO_ISSUER,
          "cannot check the response: the issuer "
              + subject.leaf().getIssuerX500Principal().getName()
              + " is neither in the presented chain nor in the trust store");
    }
    BasicOCSPResp basic;
    try {
      OCSPResp response = new OCSPResp(der);
      if (response.getStatus() != OCSPResp.SUCCESSFUL) {
        return OcspResult.of(
            OcspStatus.RESPONDER_ERROR,
            "the responder answered "
                + RESPONSE_STATUSES.getOrDefault(
                    response.getStatus(), "status " + response.getStatus()));
      }
      if (!(response.getResponseObject() instanceof BasicOCSPResp parsed)) {
        return OcspResult.of(OcspStatus.MALFORMED, "not a basic OCSP response");
      }
      basic = parsed;
    } catch (IOException | OCSPException | RuntimeException e) {
      return OcspResult.of(OcspStatus.MALFORMED, "not an OCSP response: " + describe(e));
    }
    return checkBasic(basic, subject, expectedNonce);
  }

  private OcspResult checkBasic(BasicOCSPResp basic, OcspSubject subject, byte[] expectedNonce) {
    Optional<SingleResp> entry;
    try {
      entry = entryFor(basic, subject);
    } catch (CertificateEncodingException | OperatorCreationException | OCSPException e) {
      return OcspResult.of(OcspStatus.MALFORMED, "cannot match the response: " + describe(e));
    }
    if (entry.isEmpty()) {
      return OcspResult.of(
          OcspStatus.WRONG_CERTIFICATE,
          "the response has no entry for serial "
              + subject.leaf().getSerialNumber().toString(16)
              + " issued by "
              + subject.issuer().getSubjectX500Principal().getName());
    }
    Optional<String> badSignature = signature.problem(basic, subject.issuer());
    if (badSignature.isPresent()) {
      return OcspResult.of(OcspStatus.BAD_SIGNATURE, badSignature.get());
    }
    if (expectedNonce != null && !nonceMatches(basic, expectedNonce)) {
      return OcspResult.of(
          OcspStatus.NONCE_MISMATCH, "the response carries another nonce than the request");
    }
    return statusOf(entry.get());
  }

  private static Optional<SingleResp> entryFor(BasicOCSPResp basic, OcspSubject subject)
      throws CertificateEncodingException, OperatorCreationException, OCSPException {
    DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
    X509CertificateHolder issuer = new JcaX509CertificateHolder(subject.issuer());
    for (SingleResp single : basic.getResponses()) {
      if (single.getCertID().getSerialNumber().equals(subject.leaf().getSerialNumber())
          && single.getCertID().matchesIssuer(issuer, digests)) {
        return Optional.of(single);
      }
    }
    return Optional.empty();
  }

  /** Responders may ignore the nonce (RFC 8954); one that echoes a different one is replaying. */
  private static boolean nonceMatches(BasicOCSPResp basic, byte[] expectedNonce) {
    Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
    return echoed == null || Arrays.equals(echoed.getExtnValue().getOctets(), expectedNonce);
  }

  private OcspResult statusOf(SingleResp single) {
    Instant thisUpdate = instant(single.getThisUpdate());
    Instant nextUpdate = single.getNextUpdate() != null ? instant(single.getNextUpdate()) : null;
    Object status = single.getCertStatus();
    if (status instanceof RevokedStatus revoked) {
      // Revocation is final: a stale "revoked" still means revoked.
      String reason = revoked.hasRevocationReason() ? reason(revoked) : null;
      Instant revokedAt = instant(revoked.getRevocationTime());
      return new OcspResult(
          OcspStatus.REVOKED,
          thisUpdate,
          nextUpdate,
          revokedAt,
          reason,
          null,
          "revoked at " + revokedAt + (reason != null ? " (" + reason + ")" : ""));
    }
    Instant now = clock.instant();
    if (nextUpdate != null && now.isAfter(nextUpdate.plus(CLOCK_SKEW))) {
      return dated(
          OcspStatus.EXPIRED, thisUpdate, nextUpdate, "past its next update " + nextUpdate);
    }
    if (thisUpdate.isAfter(now.plus(CLOCK_SKEW))) {
      return dated(
          OcspStatus.EXPIRED, thisUpdate, nextUpdate, "produced in the future " + thisUpdate);
    }
    if (status == CertificateStatus.GOOD) {
      return dated(OcspStatus.GOOD, thisUpdate, nextUpdate, "good");
    }
    return dated(
        OcspStatus.UNKNOWN, thisUpdate, nextUpdate, "the responder does not know the certificate");
  }

  private static OcspResult dated(
      OcspStatus status, Instant thisUpdate, Instant nextUpdate, String detail) {
    return new OcspResult(status, thisUpdate, nextUpdate, null, null, null, detail);
  }

  private static String reason(RevokedStatus revoked) {
    String name = CRLReason.lookup(revoked.getRevocationReason()).toString();
    // Bouncy Castle prints "CRLReason: keyCompromise"; the RFC 5280 name is what people search.
    return name.substring(name.indexOf(':') + 1).strip();
  }

  private static Instant instant(Date date) {
    return date.toInstant();
  }

  static String describe(Exception e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
