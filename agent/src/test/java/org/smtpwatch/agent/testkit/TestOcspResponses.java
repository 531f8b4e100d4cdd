package org.smtpwatch.agent.testkit;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.smtpwatch.agent.tls.issue.KeyType;

/**
 * DER OCSP responses about a test certificate, built with Bouncy Castle: good, revoked or unknown,
 * with exact dates, signed by the issuing authority, a delegated responder or an impostor.
 *
 * <pre>{@code
 * byte[] der = TestOcspResponses.about(ca, certs.leaf()).revoked(at, CRLReason.keyCompromise).der();
 * }</pre>
 */
public final class TestOcspResponses {

  private final X509Certificate issuer;
  private BigInteger serial;
  private CertificateStatus status = CertificateStatus.GOOD;
  private Instant thisUpdate = TestCertificates.now().minus(Duration.ofHours(1));
  private Instant nextUpdate = TestCertificates.now().plus(Duration.ofDays(3));
  private PrivateKey signingKey;
  private KeyType signingType;
  private X509Certificate[] included = new X509Certificate[0];
  private byte[] nonceValue;

  private TestOcspResponses(TestCertificateAuthority authority, X509Certificate leaf) {
    this.issuer = authority.certificate();
    this.serial = leaf.getSerialNumber();
    this.signingKey = authority.keyPair().getPrivate();
    this.signingType = authority.keyType();
  }

  /** A good response about {@code leaf}, signed by {@code authority}, valid for three days. */
  public static TestOcspResponses about(TestCertificateAuthority authority, X509Certificate leaf) {
    return new TestOcspResponses(authority, leaf);
  }

  public TestOcspResponses revoked(Instant at, int crlReason) {
    status = new RevokedStatus(Date.from(at), crlReason);
    return this;
  }

  public TestOcspResponses unknown() {
    status = new UnknownStatus();
    return this;
  }

  public TestOcspResponses updates(Instant thisUpdate, Instant nextUpdate) {
    this.thisUpdate = thisUpdate;
    this.nextUpdate = nextUpdate;
    return this;
  }

  /** About another serial number of the same issuer. */
  public TestOcspResponses forSerial(BigInteger other) {
    this.serial = other;
    return this;
  }

  /**
   * Signed by the key of a {@link #responder} certificate, which travels in the response (a
   * delegated responder).
   */
  public TestOcspResponses signedBy(TestCertificates responder) {
    this.signingKey = responder.privateKey();
    this.signingType = KeyType.EC_P256;
    this.included = new X509Certificate[] {responder.leaf()};
    return this;
  }

  /** Signed by another authority's key (an impostor), nothing included. */
  public TestOcspResponses signedBy(TestCertificateAuthority impostor) {
    this.signingKey = impostor.keyPair().getPrivate();
    this.signingType = impostor.keyType();
    this.included = new X509Certificate[0];
    return this;
  }

  /** Echoes a nonce extension with this extnValue. */
  public TestOcspResponses nonce(byte[] extnValue) {
    this.nonceValue = extnValue.clone();
    return this;
  }

  public byte[] der() {
    try {
      CertificateID id =
          new CertificateID(
              new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
              new JcaX509CertificateHolder(issuer),
              serial);
      BasicOCSPRespBuilder builder =
          new BasicOCSPRespBuilder(
              new RespID(X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded())));
      builder.addResponse(id, status, Date.from(thisUpdate), Date.from(nextUpdate), null);
      if (nonceValue != null) {
        builder.setResponseExtensions(
            new Extensions(
                new Extension(
                    OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                    false,
                    new DEROctetString(nonceValue))));
      }
      X509CertificateHolder[] chain = new X509CertificateHolder[included.length];
      for (int i = 0; i < included.length; i++) {
        chain[i] = new JcaX509CertificateHolder(included[i]);
      }
      return new OCSPRespBuilder()
          .build(
              OCSPRespBuilder.SUCCESSFUL,
              builder.build(
                  new JcaContentSignerBuilder(signingType.signatureAlgorithm()).build(signingKey),
                  chain,
                  Date.from(thisUpdate)))
          .getEncoded();
    } catch (GeneralSecurityException | OperatorCreationException | OCSPException | IOException e) {
      throw new IllegalStateException("cannot build a test OCSP response", e);
    }
  }

  /** A response with an error status and no body ({@code OCSPRespBuilder.TRY_LATER}, ...). */
  public static byte[] error(int responseStatus) {
    try {
      return new OCSPRespBuilder().build(responseStatus, null).getEncoded();
    } catch (OCSPException | IOException e) {
      throw new IllegalStateException("cannot build a test OCSP error response", e);
    }
  }

  /**
   * A responder certificate signed by {@code authority}; with {@code ocspSigning} false it lacks
   * the OCSPSigning key usage and must not be accepted.
   */
  public static TestCertificates responder(
      TestCertificateAuthority authority, boolean ocspSigning) {
    KeyPair pair = TestKeys.pairFor(KeyType.EC_P256);
    Instant now = TestCertificates.now();
    try {
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              authority.certificate(),
              BigInteger.valueOf(now.toEpochMilli()),
              Date.from(now.minus(Duration.ofDays(1))),
              Date.from(now.plus(Duration.ofDays(30))),
              new X500Name("CN=" + TestCertificates.uniqueName("OCSP responder")),
              pair.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(
          Extension.extendedKeyUsage,
          false,
          new ExtendedKeyUsage(
              ocspSigning ? KeyPurposeId.id_kp_OCSPSigning : KeyPurposeId.id_kp_serverAuth));
      X509Certificate certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(
                      new JcaContentSignerBuilder(authority.keyType().signatureAlgorithm())
                          .build(authority.keyPair().getPrivate())));
      return new TestCertificates(List.of(certificate), pair.getPrivate(), authority.root());
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot issue a test OCSP responder certificate", e);
    }
  }
}
