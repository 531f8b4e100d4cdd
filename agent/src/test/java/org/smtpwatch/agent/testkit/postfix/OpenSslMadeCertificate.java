package org.smtpwatch.agent.testkit.postfix;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.smtpwatch.agent.testkit.ExternalCommand;
import org.smtpwatch.agent.testkit.TestCertificates;

/**
 * A self-signed server certificate made by {@code openssl req}, not by smtpwatch's own test
 * certificates: an RSA key and whatever subject an administrator typed, so comparisons do not rest
 * only on certificates the code under test was written alongside.
 */
public final class OpenSslMadeCertificate {

  private static final Duration DEADLINE = Duration.ofSeconds(60);

  private OpenSslMadeCertificate() {}

  /**
   * An RSA 2048 certificate valid for {@code days}, with {@code subject} in openssl's {@code
   * /C=../O=../CN=..} form and the given DNS name and IP address as SANs; it is its own trust
   * anchor.
   */
  public static TestCertificates selfSigned(
      Path dir, String subject, String dnsName, String ipAddress, int days) throws IOException {
    Path key = dir.resolve("openssl-key.pem");
    Path certificate = dir.resolve("openssl-cert.pem");
    ExternalCommand.runOrFail(
        DEADLINE,
        ExternalCommand.locate("openssl", "openssl"),
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        key.toString(),
        "-out",
        certificate.toString(),
        "-days",
        Integer.toString(days),
        "-subj",
        subject,
        "-addext",
        "subjectAltName=DNS:" + dnsName + ",IP:" + ipAddress);
    X509Certificate leaf = readCertificate(certificate);
    return new TestCertificates(List.of(leaf), readKey(key), leaf);
  }

  private static X509Certificate readCertificate(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file);
        PEMParser pem = new PEMParser(reader)) {
      return new JcaX509CertificateConverter()
          .getCertificate((X509CertificateHolder) pem.readObject());
    } catch (CertificateException | ClassCastException e) {
      throw new AssertionError("openssl wrote no certificate to " + file, e);
    }
  }

  private static PrivateKey readKey(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file);
        PEMParser pem = new PEMParser(reader)) {
      return new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) pem.readObject());
    } catch (ClassCastException e) {
      throw new AssertionError("openssl wrote no PKCS#8 private key to " + file, e);
    }
  }
}
