package org.smtpwatch.agent.tls.issue;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/** The key types issued certificates come with, and how each is generated. */
public enum KeyType {
  RSA_2048("SHA256withRSA"),
  EC_P256("SHA256withECDSA");

  private final String signatureAlgorithm;

  KeyType(String signatureAlgorithm) {
    this.signatureAlgorithm = signatureAlgorithm;
  }

  /** The algorithm a certificate authority with this key type signs with. */
  public String signatureAlgorithm() {
    return signatureAlgorithm;
  }

  /** A fresh key pair (RSA 2048 takes ~100 ms; P-256 is fast). */
  public KeyPair generate() {
    return this == RSA_2048 ? generateRsa() : generateEc();
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
