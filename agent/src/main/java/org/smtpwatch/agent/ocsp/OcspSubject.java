package org.smtpwatch.agent.ocsp;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;

/**
 * The certificate an OCSP check is about, and its issuer: a CertID names both, and the issuer (or a
 * responder it delegated to) must have signed the answer.
 *
 * @param leaf the server's certificate
 * @param issuer the certificate that signed it, or {@code null} if neither the presented chain nor
 *     the trust store holds it
 */
public record OcspSubject(X509Certificate leaf, X509Certificate issuer) {

  /**
   * The leaf of {@code chain} and its issuer, looked for in the rest of the chain and then among
   * {@code anchors} (a server may leave out the certificate right below a root).
   */
  public static OcspSubject of(List<X509Certificate> chain, X509Certificate[] anchors) {
    X509Certificate leaf = chain.get(0);
    X509Certificate issuer =
        Stream.concat(chain.stream().skip(1), Stream.of(anchors))
            .filter(candidate -> issued(leaf, candidate))
            .findFirst()
            .orElse(null);
    return new OcspSubject(leaf, issuer);
  }

  /** The first OCSP responder URL of the leaf's Authority Information Access extension. */
  public Optional<String> responderUrl() {
    try {
      AuthorityInformationAccess access =
          AuthorityInformationAccess.fromExtensions(
              new JcaX509CertificateHolder(leaf).getExtensions());
      if (access == null) {
        return Optional.empty();
      }
      for (AccessDescription description : access.getAccessDescriptions()) {
        GeneralName location = description.getAccessLocation();
        if (AccessDescription.id_ad_ocsp.equals(description.getAccessMethod())
            && location.getTagNo() == GeneralName.uniformResourceIdentifier) {
          return Optional.of(ASN1IA5String.getInstance(location.getName()).getString());
        }
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      // A malformed extension names no responder we could use.
    }
    return Optional.empty();
  }

  private static boolean issued(X509Certificate leaf, X509Certificate candidate) {
    if (!candidate.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
      return false;
    }
    try {
      leaf.verify(candidate.getPublicKey());
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false; // same name, other key (a re-keyed or impostor CA)
    }
  }
}
