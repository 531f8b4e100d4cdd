package org.smtpwatch.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;

/**
 * Whether a file holds at least one PEM X.509 certificate. Checked at load time so that a CA file
 * of garbage fails {@code check-config} instead of failing every probe later.
 */
final class PemCertificates {

  private PemCertificates() {}

  /**
   * True when {@code file} holds a PEM certificate; other PEM objects (a key in the same file) are
   * skipped. The caller has already checked that the file is readable, so any failure here means
   * the content is not usable PEM.
   */
  static boolean holdsCertificate(Path file) {
    // ISO-8859-1 maps every byte, so a binary file reads as "no PEM" rather than a decoding error.
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1);
        PEMParser parser = new PEMParser(reader)) {
      for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
        if (object instanceof X509CertificateHolder) {
          return true;
        }
      }
      return false;
    } catch (IOException | RuntimeException e) {
      // Bouncy Castle reports a broken block (bad base64, bad DER) as either kind of exception.
      return false;
    }
  }
}
