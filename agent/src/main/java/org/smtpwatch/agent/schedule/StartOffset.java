package org.smtpwatch.agent.schedule;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import org.smtpwatch.config.EndpointKey;

/**
 * Where in its interval an endpoint's runs fall. The offset is derived from a hash of the endpoint
 * key, so a thousand endpoints do not all fire in the same second, and it is measured from the Unix
 * epoch, so an endpoint keeps the same phase of the clock across restarts and reloads (a server's
 * logs show the probe at the same second of every minute).
 */
final class StartOffset {

  private StartOffset() {}

  /**
   * The offset of {@code key} within {@code interval}: in {@code [0, interval)}, always the same.
   */
  static Duration of(EndpointKey key, Duration interval) {
    long periodMillis = periodMillis(interval);
    return Duration.ofMillis(Math.floorMod(hash(key), periodMillis));
  }

  /** The first instant at or after {@code now} that falls on {@code key}'s offset. */
  static Instant firstRun(EndpointKey key, Duration interval, Instant now) {
    long periodMillis = periodMillis(interval);
    long nowMillis = now.toEpochMilli();
    long cycleStart = nowMillis - Math.floorMod(nowMillis, periodMillis);
    long first = cycleStart + of(key, interval).toMillis();
    return Instant.ofEpochMilli(first < nowMillis ? first + periodMillis : first);
  }

  private static long periodMillis(Duration interval) {
    return Math.max(1, interval.toMillis());
  }

  // SHA-256 rather than String.hashCode or CRC32: keys differ in a digit or two (ports, 127.0.0.x)
  // and a linear checksum maps such neighbours to neighbouring offsets.
  private static long hash(EndpointKey key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(key.toString().getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
