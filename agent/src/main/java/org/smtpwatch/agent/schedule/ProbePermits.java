package org.smtpwatch.agent.schedule;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many probes may talk to servers at once ({@code max_concurrent_probes}). Resizable, because a
 * reload may change the limit while probes hold permits: shrinking takes effect as they finish.
 */
final class ProbePermits {

  private final ShrinkableSemaphore semaphore;
  private int limit;

  ProbePermits(int limit) {
    requirePositive(limit);
    this.limit = limit;
    this.semaphore = new ShrinkableSemaphore(limit);
  }

  synchronized void resize(int newLimit) {
    requirePositive(newLimit);
    if (newLimit > limit) {
      semaphore.release(newLimit - limit);
    } else if (newLimit < limit) {
      semaphore.shrink(limit - newLimit);
    }
    limit = newLimit;
  }

  synchronized int limit() {
    return limit;
  }

  /** Waits at most {@code wait} (nothing if negative) for a permit. */
  boolean tryAcquire(Duration wait) throws InterruptedException {
    return semaphore.tryAcquire(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
  }

  void release() {
    semaphore.release();
  }

  private static void requirePositive(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("max concurrent probes must be at least 1: " + limit);
    }
  }

  private static final class ShrinkableSemaphore extends Semaphore {

    ShrinkableSemaphore(int permits) {
      super(permits, true);
    }

    void shrink(int by) {
      reducePermits(by);
    }
  }
}
