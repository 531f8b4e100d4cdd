package org.smtpwatch.agent.testkit;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/** The key types test certificates come with, and how each is generated. */
public enum KeyType {
  /** RSA 2048: key pairs come from a small JVM-wide pool, because generating one takes ~100 ms. */
  RSA_2048("SHA256withRSA"),
  /** EC on NIST P-256: fast, so every certificate gets a fresh pair. */
  EC_P256("SHA256withECDSA");

  private static final KeyPairPool RSA_POOL = new KeyPairPool(8, KeyType::generateRsa);

  private final String signatureAlgorithm;

  KeyType(String signatureAlgorithm) {
    this.signatureAlgorithm = signatureAlgorithm;
  }

  /** The algorithm a certificate authority with this key type signs with. */
  public String signatureAlgorithm() {
    return signatureAlgorithm;
  }

  KeyPair keyPair() {
    return this == RSA_2048 ? RSA_POOL.next() : generateEc();
  }

  private static KeyPair generateRsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA 2048 is mandatory in every JDK", e);
    }
  }

  private static KeyPair generateEc() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("P-256 is mandatory in every JDK", e);
    }
  }
}
