package org.smtpwatch.agent.tls;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.smtpwatch.agent.memo.LeastRecentlyUsed;

/**
 * Chains that PKIX validation found trusted under one policy's anchors, so the same chain on the
 * next probe is not validated again: a monitored server presents the same chain every time, and its
 * validation was a tenth of a STARTTLS probe's CPU.
 *
 * <p>A chain is known by the SHA-256 of its certificates' encodings and the key exchange's auth
 * type, which is all PKIX decides on besides the time and the anchors. The time is covered by
 * keeping an entry only until the first {@code notAfter} in the chain, and at most {@link
 * #MAX_AGE}; the anchors by one instance per trust store (a changed {@code ca_file} builds a new
 * handshaker, and with it a new instance). Untrusted chains are not kept: they are validated again,
 * so their message is always the validator's own. Bounded, least recently used dropped.
 *
 * <p>When the JVM is told to check revocation ({@code com.sun.net.ssl.checkRevocation}), nothing is
 * kept: a revoked certificate must be seen on the next probe. Thread-safe.
 */
final class TrustedChains {

  /** Long enough to skip thousands of validations, short enough that nothing stays for days. */
  static final Duration MAX_AGE = Duration.ofHours(1);

  /** About 160 bytes each: 640 KiB at most. */
  static final int DEFAULT_CAPACITY = 4096;

  private final Map<ByteBuffer, Instant> trustedUntil;
  private final boolean enabled;

  TrustedChains(int capacity, boolean enabled) {
    this.enabled = enabled;
    this.trustedUntil = new LeastRecentlyUsed<>(capacity);
  }

  /** Enabled unless this JVM checks revocation in its PKIX validation. */
  static TrustedChains forThisJvm() {
    return new TrustedChains(
        DEFAULT_CAPACITY, !Boolean.getBoolean("com.sun.net.ssl.checkRevocation"));
  }

  /** Whether this chain was found trusted before and that finding still holds at {@code now}. */
  boolean isTrusted(X509Certificate[] chain, String authType, Instant now) {
    if (!enabled) {
      return false;
    }
    ByteBuffer key = key(chain, authType);
    if (key == null) {
      return false;
    }
    synchronized (trustedUntil) {
      Instant until = trustedUntil.get(key);
      if (until == null) {
        return false;
      }
      if (!now.isBefore(until)) {
        trustedUntil.remove(key);
        return false;
      }
      return true;
    }
  }

  /** Keeps the finding that PKIX trusts this chain at {@code now}. */
  void rememberTrusted(X509Certificate[] chain, String authType, Instant now) {
    if (!enabled) {
      return;
    }
    Instant until = now.plus(MAX_AGE);
    for (X509Certificate certificate : chain) {
      Instant notAfter = certificate.getNotAfter().toInstant();
      if (notAfter.isBefore(until)) {
        until = notAfter;
      }
    }
    ByteBuffer key = key(chain, authType);
    if (key == null) {
      return;
    }
    synchronized (trustedUntil) {
      trustedUntil.put(key, until);
    }
  }

  int size() {
    synchronized (trustedUntil) {
      return trustedUntil.size();
    }
  }

  /** The chain's identity, or {@code null} when a certificate cannot be encoded. */
  private static ByteBuffer key(X509Certificate[] chain, String authType) {
    MessageDigest sha256 = sha256();
    sha256.update(String.valueOf(authType).getBytes(StandardCharsets.UTF_8));
    for (X509Certificate certificate : chain) {
      byte[] encoded;
      try {
        encoded = certificate.getEncoded();
      } catch (CertificateEncodingException e) {
        return null; // nothing to know it by: validated every time
      }
      // Lengths first, so no two different chains hash the same concatenation.
      sha256.update(ByteBuffer.allocate(4).putInt(encoded.length).array());
      sha256.update(encoded);
    }
    return ByteBuffer.wrap(sha256.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
