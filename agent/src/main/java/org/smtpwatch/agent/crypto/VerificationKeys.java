package org.smtpwatch.agent.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import java.util.function.Supplier;
import org.smtpwatch.agent.memo.LeastRecentlyUsed;

/**
 * Bouncy Castle's own form of the EC public keys that signatures are verified with, one per
 * distinct key, the most recently used kept.
 *
 * <p>Why: Bouncy Castle verifies ECDSA by a double multiplication whose tables it computes for each
 * point and keeps on that point object. Handed the JDK's key, it converts it on every {@code
 * initVerify} into new point objects, the generator's included, and recomputes both tables: 2.4
 * times the work of a verification with a key it made itself (156 against 64 µs on the test
 * machine); a STARTTLS probe's thread spent about 880 µs back to back before, 790 after. A
 * monitored server presents the same key on every probe, so its tables are reused from the second
 * probe on. A key is looked up by its whole encoding, never by a hash alone.
 *
 * <p>Bounded: with more distinct keys than {@code capacity} in rotation, the least recently used is
 * made again when it comes back, which is the cost without this. Thread-safe.
 */
final class VerificationKeys {

  /**
   * 7.6 KiB each once its tables are made (measured over 2,048 keys): 7.6 MiB at most, against the
   * service's 192 MiB heap.
   */
  static final int DEFAULT_CAPACITY = 1024;

  private final Supplier<Provider> bouncyCastle;
  private final Map<ByteBuffer, PublicKey> keys;

  VerificationKeys(Supplier<Provider> bouncyCastle, int capacity) {
    this.bouncyCastle = bouncyCastle;
    this.keys = new LeastRecentlyUsed<>(capacity);
  }

  /**
   * The key to verify with: Bouncy Castle's form of an EC key, made once per encoding; any other
   * key (RSA, or one without an X.509 encoding) unchanged, for the delegate to accept or refuse.
   */
  PublicKey forVerification(PublicKey key) throws InvalidKeyException {
    if (!(key instanceof ECPublicKey) || !"X.509".equals(key.getFormat())) {
      return key;
    }
    byte[] encoded = key.getEncoded();
    if (encoded == null) {
      return key;
    }
    ByteBuffer identity = ByteBuffer.wrap(encoded);
    synchronized (keys) {
      PublicKey known = keys.get(identity);
      if (known != null) {
        return known;
      }
    }
    PublicKey converted = convert(encoded);
    synchronized (keys) {
      // Two threads converting the same new key both get a correct one; the first stays.
      return keys.computeIfAbsent(identity, ignored -> converted);
    }
  }

  int size() {
    synchronized (keys) {
      return keys.size();
    }
  }

  private PublicKey convert(byte[] encoded) throws InvalidKeyException {
    try {
      return KeyFactory.getInstance("EC", bouncyCastle.get())
          .generatePublic(new X509EncodedKeySpec(encoded));
    } catch (GeneralSecurityException e) {
      throw new InvalidKeyException("not an EC public key Bouncy Castle can read", e);
    }
  }
}
