package org.smtpwatch.exporter.http;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * The server certificate chain and its private key, read from the PEM files of {@code web:} with
 * Bouncy Castle (the JDK reads neither PEM chains nor traditional RSA/EC key files).
 *
 * @param chain leaf first
 */
record PemKeyMaterial(List<X509Certificate> chain, PrivateKey key) {

  /**
   * @throws IOException when a file cannot be read, holds no certificate or no unencrypted key, or
   *     the key does not belong to the leaf certificate; the message names the file, never its
   *     content
   */
  static PemKeyMaterial load(Path certFile, Path keyFile) throws IOException {
    List<X509Certificate> chain = certificates(certFile);
    PrivateKey key = privateKey(keyFile);
    checkPair(chain.get(0), key, keyFile);
    return new PemKeyMaterial(List.copyOf(chain), key);
  }

  private static List<X509Certificate> certificates(Path file) throws IOException {
    List<X509Certificate> chain = new ArrayList<>();
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
        if (object instanceof X509CertificateHolder holder) {
          chain.add(converter.getCertificate(holder));
        }
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IOException(
          file + ": not a PEM certificate chain (" + e.getClass().getSimpleName() + ")");
    }
    if (chain.isEmpty()) {
      throw new IOException(file + ": no PEM CERTIFICATE block found");
    }
    return chain;
  }

  private static PrivateKey privateKey(Path file) throws IOException {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
        if (object instanceof PEMKeyPair pair) {
          return converter.getKeyPair(pair).getPrivate();
        }
        if (object instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
      }
    } catch (RuntimeException e) {
      throw new IOException(
          file + ": not a PEM private key (" + e.getClass().getSimpleName() + ")");
    }
    throw new IOException(
        file + ": no unencrypted PEM private key found (encrypted keys are not supported)");
  }

  // A key of another certificate would fail every handshake with an obscure alert; say so now.
  private static void checkPair(X509Certificate leaf, PrivateKey key, Path keyFile)
      throws IOException {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          default -> key.getAlgorithm(); // Ed25519, Ed448 sign with their own name
        };
    try {
      byte[] data = "smtpwatch key check".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(data);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(leaf.getPublicKey());
      verifier.update(data);
      if (!verifier.verify(signature)) {
        throw new IOException(keyFile + ": the key does not belong to the first certificate");
      }
    } catch (GeneralSecurityException e) {
      throw new IOException(
          keyFile + ": the key does not fit the first certificate: " + e.getMessage());
    }
  }
}
