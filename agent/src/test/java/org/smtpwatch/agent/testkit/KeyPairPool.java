package org.smtpwatch.agent.testkit;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Hands out key pairs round-robin from a pool that fills on demand. Consecutive calls return
 * distinct pairs (up to the pool size), so a CA, an intermediate and a leaf never share a key. Test
 * certificate authorities carry unique names, so reuse across tests cannot make one test's
 * certificate validate against another test's CA.
 */
final class KeyPairPool {

  private final int size;
  private final Supplier<KeyPair> generator;
  private final List<KeyPair> pairs = new ArrayList<>();
  private int next;

  KeyPairPool(int size, Supplier<KeyPair> generator) {
    this.size = size;
    this.generator = generator;
  }

  synchronized KeyPair next() {
    if (pairs.size() < size) {
      KeyPair fresh = generator.get();
      pairs.add(fresh);
      return fresh;
    }
    KeyPair reused = pairs.get(next);
    next = (next + 1) % size;
    return reused;
  }
}
