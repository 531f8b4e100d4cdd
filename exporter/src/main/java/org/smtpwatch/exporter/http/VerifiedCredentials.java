package org.smtpwatch.exporter.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Logins that passed bcrypt recently. bcrypt is slow on purpose (tens of milliseconds at cost 10),
 * and Prometheus sends the same login with every scrape of every {@code /probe} target; checking
 * each one again would cost a core. Only successes are kept, under a keyed hash (HMAC with a key
 * made at start and never stored), so memory never holds a password, and a failed or unknown login
 * always pays the full bcrypt price.
 */
final class VerifiedCredentials {

  private static final Duration LIFETIME = Duration.ofMinutes(5);
  private static final int MAX_ENTRIES = 256;

  private final Map<String, Instant> verified = new ConcurrentHashMap<>();
  private final SecretKeySpec key;
  private final Clock clock;

  VerifiedCredentials(Clock clock) {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
    this.clock = clock;
  }

  boolean recentlyVerified(String username, String password) {
    Instant until = verified.get(fingerprint(username, password));
    return until != null && clock.instant().isBefore(until);
  }

  void remember(String username, String password) {
    if (verified.size() >= MAX_ENTRIES) {
      verified.clear(); // crude, but bounded; the next scrape re-verifies once
    }
    verified.put(fingerprint(username, password), clock.instant().plus(LIFETIME));
  }

  private String fingerprint(String username, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(username.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      byte[] digest = mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }
}
