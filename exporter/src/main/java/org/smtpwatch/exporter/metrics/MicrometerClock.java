package org.smtpwatch.exporter.metrics;

import io.micrometer.core.instrument.Clock;

/** Micrometer's clock on the exporter's wall clock; monotonic time stays the JVM's. */
final class MicrometerClock implements Clock {

  private final java.time.Clock wall;

  MicrometerClock(java.time.Clock wall) {
    this.wall = wall;
  }

  @Override
  public long wallTime() {
    return wall.millis();
  }

  @Override
  public long monotonicTime() {
    return System.nanoTime();
  }
}
