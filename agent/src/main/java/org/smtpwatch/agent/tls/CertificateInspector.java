package org.smtpwatch.agent.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;

/** Describes a presented chain as {@link CertificateDetails}: the leaf, plus chain-wide facts. */
final class CertificateInspector {

  private static final int SAN_DNS = 2;
  private static final int SAN_IP = 7;

  CertificateDetails describe(CertificateVerdict verdict) {
    X509Certificate leaf = verdict.leaf();
    Instant earliestNotAfter =
        verdict.chain().stream()
            .map(certificate -> certificate.getNotAfter().toInstant())
            .min(Comparator.naturalOrder())
            .orElseThrow();
    return new CertificateDetails(
        DistinguishedNames.rfc2253(leaf.getSubjectX500Principal()),
        DistinguishedNames.rfc2253(leaf.getIssuerX500Principal()),
        leaf.getSerialNumber().toString(16),
        leaf.getNotBefore().toInstant(),
        leaf.getNotAfter().toInstant(),
        earliestNotAfter,
        verdict.trusted(),
        verdict.hostnameMatch(),
        sha256(leaf),
        subjectAltNames(leaf),
        keyAlgorithm(leaf.getPublicKey()),
        keyBits(leaf.getPublicKey()),
        leaf.getSigAlgName(),
        verdict.chain().size(),
        verdict.validationError());
  }

  /** DNS names and IP addresses from the SAN extension, in certificate order. */
  static List<String> subjectAltNames(X509Certificate certificate) {
    List<String> names = new ArrayList<>();
    try {
      Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
      if (sans != null) {
        for (List<?> san : sans) {
          Object type = san.get(0);
          if (type.equals(SAN_DNS) || type.equals(SAN_IP)) {
            names.add((String) san.get(1));
          }
        }
      }
    } catch (CertificateParsingException e) {
      // A malformed SAN extension is reported as no SANs; the name check fails the same way.
    }
    return names;
  }

  private static String sha256(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("SHA-256 over a parsed certificate cannot fail", e);
    }
  }

  static String keyAlgorithm(PublicKey key) {
    if (key instanceof EdECPublicKey edec) {
      return edec.getParams().getName(); // "Ed25519" rather than the JDK's generic "EdDSA"
    }
    return key.getAlgorithm();
  }

  /**
   * RSA modulus bits, DSA prime bits, EC field size. Curves the JDK's provider no longer supports
   * (brainpool, secp256k1) arrive as opaque keys; Bouncy Castle's curve table still knows them.
   */
  static int keyBits(PublicKey key) {
    if (key instanceof RSAPublicKey rsa) {
      return rsa.getModulus().bitLength();
    }
    if (key instanceof ECPublicKey ec) {
      return ec.getParams().getCurve().getField().getFieldSize();
    }
    if (key instanceof DSAPublicKey dsa) {
      return dsa.getParams().getP().bitLength();
    }
    if (key instanceof EdECPublicKey edec) {
      return "Ed448".equals(edec.getParams().getName()) ? 448 : 255;
    }
    return namedCurveBits(key);
  }

  private static int namedCurveBits(PublicKey key) {
    try {
      SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(key.getEncoded());
      if (info.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve) {
        X9ECParameters parameters = ECNamedCurveTable.getByOID(curve);
        if (parameters != null) {
          return parameters.getCurve().getFieldSize();
        }
      }
    } catch (RuntimeException e) {
      // Unknown key encodings leave the size unknown.
    }
    return 0;
  }
}
