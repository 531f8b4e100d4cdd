package org.smtpwatch.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;

/**
 * Whether a file holds PEM X.509 certificates the agent can use. Checked at load time so that a CA
 * file of garbage fails {@code check-config} instead of failing every probe later.
 */
final class PemCertificates {

  private PemCertificates() {}

  /**
   * What is wrong with {@code file} as a certificate bundle, or empty when it holds at least one
   * certificate and no broken block. Other PEM objects (a key in the same file) are allowed. The
   * caller has already checked that the file is readable.
   */
  static Optional<String> problem(Path file) {
    // ISO-8859-1 maps every byte, so a binary file reads as "no PEM" rather than a decoding error.
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1);
        PEMParser parser = new PEMParser(reader)) {
      // Reads to the end: the agent refuses a bundle with any broken block, so the check does too.
      boolean found = false;
      for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
        found |= object instanceof X509CertificateHolder;
      }
      return found ? Optional.empty() : Optional.of("holds no PEM certificate");
    } catch (IOException | RuntimeException e) {
      // Bouncy Castle reports a broken block (bad base64, bad DER) as either kind of exception.
      return Optional.of("is not valid PEM: " + e.getMessage());
    }
  }
}
