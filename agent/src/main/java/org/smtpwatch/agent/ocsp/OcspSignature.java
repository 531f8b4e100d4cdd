package org.smtpwatch.agent.ocsp;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Who may sign an OCSP response (RFC 6960 section 4.2.2.2): the certificate's issuer itself, or a
 * responder whose certificate the issuer signed with the OCSPSigning extended key usage, valid now.
 */
final class OcspSignature {

  private final Clock clock;

  OcspSignature(Clock clock) {
    this.clock = clock;
  }

  /** Why the signature is not acceptable, or empty when it is. */
  Optional<String> problem(BasicOCSPResp basic, X509Certificate issuer) {
    if (verifies(basic, issuer)) {
      return Optional.empty();
    }
    for (X509CertificateHolder responder : basic.getCerts()) {
      if (delegatedBy(responder, issuer) && signedBy(basic, responder)) {
        return Optional.empty();
      }
    }
    return Optional.of(
        "the response is signed neither by the issuer "
            + issuer.getSubjectX500Principal().getName()
            + " nor by a responder it delegated to");
  }

  private boolean delegatedBy(X509CertificateHolder responder, X509Certificate issuer) {
    try {
      ExtendedKeyUsage usage = ExtendedKeyUsage.fromExtensions(responder.getExtensions());
      return usage != null
          && usage.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)
          && responder.isValidOn(Date.from(clock.instant()))
          && responder.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer));
    } catch (OperatorCreationException | CertException | RuntimeException e) {
      return false;
    }
  }

  private static boolean verifies(BasicOCSPResp basic, X509Certificate issuer) {
    try {
      return basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer));
    } catch (OperatorCreationException | OCSPException | RuntimeException e) {
      return false;
    }
  }

  private static boolean signedBy(BasicOCSPResp basic, X509CertificateHolder responder) {
    try {
      return basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder));
    } catch (OperatorCreationException
        | OCSPException
        | java.security.cert.CertificateException
        | RuntimeException e) {
      return false;
    }
  }
}
