package org.smtpwatch.agent.tls;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;

/**
 * The JDK's PKIX trust managers over either the JDK's default trust store or the certificates of a
 * {@code ca_file} PEM bundle. Loaded once per policy: reading the file on every probe would turn a
 * bad deploy into a stream of probe failures instead of one clear setup error.
 */
public final class PkixTrust {

  private PkixTrust() {}

  /** The JDK's default trust store ({@code cacerts}, or whatever the JVM was told to use). */
  public static X509TrustManager jdkDefault() throws TlsSetupException {
    try {
      return pkix(null);
    } catch (GeneralSecurityException e) {
      throw new TlsSetupException(
          "cannot load the JDK's default trust store: " + e.getMessage(), e);
    }
  }

  /** Every certificate in the PEM bundle at {@code caFile} becomes a trust anchor. */
  public static X509TrustManager fromPemFile(Path caFile) throws TlsSetupException {
    List<X509Certificate> anchors = readCertificates(caFile);
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      for (int i = 0; i < anchors.size(); i++) {
        store.setCertificateEntry("ca-" + i, anchors.get(i));
      }
      return pkix(store);
    } catch (GeneralSecurityException | IOException e) {
      throw new TlsSetupException(
          "ca_file " + caFile + ": cannot build a trust store: " + e.getMessage(), e);
    }
  }

  private static List<X509Certificate> readCertificates(Path caFile) throws TlsSetupException {
    String pem;
    try {
      // ISO-8859-1 never fails to decode: binary garbage is reported by the parser, not here.
      pem = Files.readString(caFile, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new TlsSetupException("ca_file " + caFile + ": cannot read: " + describe(e), e);
    }
    List<X509Certificate> certificates = new ArrayList<>();
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
        // Other PEM objects (keys, CRLs) may share a bundle; only certificates are anchors.
        if (object instanceof X509CertificateHolder holder) {
          certificates.add(converter.getCertificate(holder));
        }
      }
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new TlsSetupException(
          "ca_file " + caFile + ": not a valid PEM certificate bundle: " + describe(e), e);
    }
    if (certificates.isEmpty()) {
      throw new TlsSetupException(
          "ca_file "
              + caFile
              + ": no PEM certificate found (expected -----BEGIN CERTIFICATE----- blocks)",
          null);
    }
    return certificates;
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank()
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + message;
  }

  private static X509TrustManager pkix(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
    factory.init(store);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("the PKIX TrustManagerFactory offers no X509TrustManager");
  }
}
