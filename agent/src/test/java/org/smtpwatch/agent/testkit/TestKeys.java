package org.smtpwatch.agent.testkit;

import java.security.KeyPair;
import org.smtpwatch.agent.tls.issue.KeyType;

/**
 * Key pairs for test certificates. RSA pairs come from a small JVM-wide pool, because generating
 * one takes ~100 ms and the suite issues hundreds; EC pairs are fast, so each is fresh.
 */
final class TestKeys {

  private static final KeyPairPool RSA_POOL = new KeyPairPool(8, KeyType.RSA_2048::generate);

  private TestKeys() {}

  static KeyPair pairFor(KeyType type) {
    return type == KeyType.RSA_2048 ? RSA_POOL.next() : type.generate();
  }
}
