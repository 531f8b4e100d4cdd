package org.smtpwatch.agent.probe;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A point in time on the monotonic clock ({@link System#nanoTime()}), so wall-clock jumps (NTP,
 * suspend) neither cut a probe short nor let it run forever. One per probe; steps with their own
 * limit take a {@link #capped(Duration)} copy that never ends later than the probe's.
 */
public final class Deadline {

  private final LongSupplier clock;
  private final long startNanos;
  private final long endNanos;

  private Deadline(LongSupplier clock, long startNanos, long endNanos) {
    this.clock = clock;
    this.startNanos = startNanos;
    this.endNanos = endNanos;
  }

  public static Deadline after(Duration timeout) {
    return after(timeout, System::nanoTime);
  }

  /** For tests that drive time by hand. */
  public static Deadline after(Duration timeout, LongSupplier nanoClock) {
    Objects.requireNonNull(nanoClock, "nanoClock");
    long now = nanoClock.getAsLong();
    return new Deadline(nanoClock, now, now + saturatedNanos(timeout));
  }

  /** A deadline for one step: {@code stepLimit} from now, but never later than this one. */
  public Deadline capped(Duration stepLimit) {
    long now = clock.getAsLong();
    long stepEnd = now + saturatedNanos(stepLimit);
    return new Deadline(clock, now, endNanos - stepEnd < 0 ? endNanos : stepEnd);
  }

  public Duration remaining() {
    return Duration.ofNanos(Math.max(0, endNanos - clock.getAsLong()));
  }

  public boolean expired() {
    return endNanos - clock.getAsLong() <= 0;
  }

  public Duration elapsed() {
    return Duration.ofNanos(elapsedNanos());
  }

  public long elapsedNanos() {
    return clock.getAsLong() - startNanos;
  }

  /**
   * The remaining time as a socket timeout: rounded up to whole milliseconds and at least 1,
   * because 0 means "wait forever" to {@link java.net.Socket#setSoTimeout(int)}.
   *
   * @throws SocketTimeoutException when nothing is left, so callers fail like a timed-out read
   */
  public int socketTimeoutMillis() throws SocketTimeoutException {
    long nanos = endNanos - clock.getAsLong();
    if (nanos <= 0) {
      throw new SocketTimeoutException("deadline reached");
    }
    long millis = (nanos + 999_999) / 1_000_000;
    return (int) Math.min(Integer.MAX_VALUE, millis);
  }

  private static long saturatedNanos(Duration duration) {
    if (duration.isNegative()) {
      return 0;
    }
    // A century is more than any probe; avoids overflow for Duration.ofSeconds(Long.MAX_VALUE).
    return duration.compareTo(Duration.ofDays(36500)) > 0
        ? Duration.ofDays(36500).toNanos()
        : duration.toNanos();
  }
}
