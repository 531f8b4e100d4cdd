package org.smtpwatch.agent.probe;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a probe's sockets shortly after its deadline. Socket timeouts bound each read, not a step:
 * a server that drips a byte just inside the read timeout would otherwise hold a TLS handshake
 * (whose reads the JDK performs) far past the deadline. Reads that honour the deadline end on their
 * own first; the alarm rings {@link #GRACE} later, so it only ever cuts what would have overrun.
 */
final class ProbeAlarm implements AutoCloseable {

  static final Duration GRACE = Duration.ofMillis(20);

  private final List<Closeable> guarded = new ArrayList<>();
  private final ScheduledFuture<?> ring;
  private boolean rang;

  ProbeAlarm(ScheduledExecutorService timer, Deadline deadline) {
    this.ring =
        timer.schedule(
            this::ring, deadline.remaining().plus(GRACE).toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Closes {@code resource} when the alarm rings (at once if it already has). */
  synchronized void guard(Closeable resource) {
    if (rang) {
      closeQuietly(resource);
    } else {
      guarded.add(resource);
    }
  }

  /** Whether the deadline passed while the probe was still running and its sockets were cut. */
  synchronized boolean rang() {
    return rang;
  }

  private synchronized void ring() {
    rang = true;
    guarded.forEach(ProbeAlarm::closeQuietly);
  }

  private static void closeQuietly(Closeable resource) {
    try {
      resource.close();
    } catch (IOException e) {
      // The probe is over either way; a failed close changes nothing it reports.
    }
  }

  /** Disarms the alarm once the probe has ended. */
  @Override
  public void close() {
    ring.cancel(false);
  }
}
