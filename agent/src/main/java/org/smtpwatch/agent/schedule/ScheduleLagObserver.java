package org.smtpwatch.agent.schedule;

import java.time.Duration;

/**
 * Told, for every probe, how long after its planned start it actually began talking to the server
 * (waiting for a free probe slot included). Feeds {@code smtpwatch_probe_schedule_lag_seconds}; the
 * agent itself keeps no Prometheus types.
 */
@FunctionalInterface
public interface ScheduleLagObserver {

  ScheduleLagObserver IGNORE = lag -> {};

  void observe(Duration lag);
}
