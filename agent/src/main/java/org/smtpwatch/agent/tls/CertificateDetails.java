package org.smtpwatch.agent.tls;

import java.time.Instant;
import java.util.List;

/**
 * The leaf certificate a server presented, and what the probe concluded about it. Captured before
 * validation, so an expired, self-signed or wrong-host certificate is still described.
 *
 * @param subject RFC 2253 distinguished name
 * @param issuer RFC 2253 distinguished name
 * @param serial lower-case hexadecimal, no separators
 * @param chainEarliestNotAfter the earliest expiry of any certificate in the presented chain
 * @param trusted the chain validates against the trust store in use (JDK's or {@code ca_file})
 * @param hostnameMatch the certificate is valid for the expected name (RFC 6125)
 * @param fingerprintSha256 lower-case hexadecimal SHA-256 of the DER encoding, no separators
 * @param san subject alternative names, DNS names and IP addresses as written
 * @param keyAlgorithm {@code RSA}, {@code EC}, {@code Ed25519}, ...
 * @param keyBits key size in bits (curve size for EC)
 * @param signatureAlgorithm as the JDK names it, e.g. {@code SHA256withRSA}
 * @param validationError why the chain is not trusted, for people; {@code null} when trusted
 */
public record CertificateDetails(
    String subject,
    String issuer,
    String serial,
    Instant notBefore,
    Instant notAfter,
    Instant chainEarliestNotAfter,
    boolean trusted,
    boolean hostnameMatch,
    String fingerprintSha256,
    List<String> san,
    String keyAlgorithm,
    int keyBits,
    String signatureAlgorithm,
    int chainLength,
    String validationError) {

  public CertificateDetails {
    san = List.copyOf(san);
  }
}
