package org.smtpwatch.agent.schedule;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smtpwatch.config.Config;
import org.smtpwatch.config.ConfigError;
import org.smtpwatch.config.ConfigLoadResult;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.EndpointKey;

/**
 * Applies a new config to the running schedule and store, touching only what changed: added
 * endpoints are scheduled, removed ones unscheduled and forgotten, changed ones rescheduled with
 * their counters kept, unchanged ones left alone (their schedule and counters continue). SIGHUP and
 * {@code POST /-/reload} both come through {@link #reload(Path)}; one reload runs at a time.
 */
public final class ConfigReloader {

  private static final Logger log = LoggerFactory.getLogger(ConfigReloader.class);

  private final ResultStore store;
  private final ProbeSchedule schedule;
  private final ProbeRunner runner;
  private final Function<Path, ConfigLoadResult> loader;
  private final Clock clock;
  private Config running;
  private volatile ReloadStatus status;

  /**
   * @param loader reads and validates a config file; {@code new ConfigLoader()::load} in production
   */
  public ConfigReloader(
      ResultStore store,
      ProbeSchedule schedule,
      ProbeRunner runner,
      Function<Path, ConfigLoadResult> loader,
      Clock clock) {
    this.store = store;
    this.schedule = schedule;
    this.runner = runner;
    this.loader = loader;
    this.clock = clock;
  }

  /** Loads {@code file} and applies it; an invalid file leaves the running config in place. */
  public synchronized ReloadOutcome reload(Path file) {
    ConfigLoadResult result = load(file);
    if (result instanceof ConfigLoadResult.Loaded loaded) {
      return apply(loaded.config());
    }
    List<ConfigError> errors = ((ConfigLoadResult.Invalid) result).errors();
    Instant now = clock.instant();
    log.error(
        "reload of {} rejected, {} error(s); still running the previous config with {} endpoints",
        file,
        errors.size(),
        store.size());
    errors.forEach(error -> log.error("{}", error));
    status = new ReloadStatus(false, now, status == null ? null : status.lastSuccessAt());
    return ReloadOutcome.rejected(now, errors);
  }

  /** Makes {@code next} the running config. */
  public synchronized ReloadOutcome apply(Config next) {
    List<Endpoint> current = running == null ? List.of() : running.endpoints();
    ConfigDiff diff = ConfigDiff.between(current, next.endpoints());
    runner.limitConcurrency(next.maxConcurrentProbes());
    for (EndpointKey key : diff.removed()) {
      schedule.remove(key);
      store.remove(key);
    }
    // Registered before scheduled, so the first result always finds its entry.
    for (Endpoint endpoint : diff.changed()) {
      store.register(endpoint);
      schedule.put(endpoint);
    }
    for (Endpoint endpoint : diff.added()) {
      store.register(endpoint);
      schedule.put(endpoint);
    }
    running = next;
    Instant now = clock.instant();
    status = new ReloadStatus(true, now, now);
    log.info(
        "config {} applied: {} endpoints ({} added, {} removed, {} changed, {} unchanged)",
        next.source() == null ? "(built in)" : next.source(),
        next.endpoints().size(),
        diff.added().size(),
        diff.removed().size(),
        diff.changed().size(),
        diff.unchanged().size());
    return ReloadOutcome.applied(now, diff);
  }

  /** The config running now, or {@code null} before the first {@link #apply}. */
  public synchronized Config running() {
    return running;
  }

  /** The outcome of the most recent attempt, or {@code null} before the first. */
  public ReloadStatus status() {
    return status;
  }

  // A loader that throws has a bug; the daemon keeps running its config rather than dying on HUP.
  private ConfigLoadResult load(Path file) {
    try {
      return loader.apply(file);
    } catch (RuntimeException e) {
      log.error("loading {} failed unexpectedly", file, e);
      return new ConfigLoadResult.Invalid(
          List.of(new ConfigError(file.toString(), 0, 0, "", "cannot be loaded: " + e)));
    }
  }
}
