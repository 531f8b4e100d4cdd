package org.smtpwatch.agent.schedule;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smtpwatch.config.Config;
import org.smtpwatch.config.ConfigError;
import org.smtpwatch.config.ConfigLoadResult;
import org.smtpwatch.config.DomainSpec;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.EndpointKey;

/**
 * Applies a new config to the running schedule and store, touching only what changed: added
 * endpoints are scheduled, removed ones unscheduled and forgotten, changed ones rescheduled with
 * their counters kept, unchanged ones left alone (their schedule and counters continue). SIGHUP and
 * {@code POST /-/reload} both come through {@link #reload(Path)}; one reload runs at a time.
 *
 * <p>The endpoints of watched domains' MX hosts change between reloads: the domain watch hands them
 * in through {@link #replaceDomainEndpoints}, and they are scheduled the same way. An MX endpoint
 * with the key of a configured target (or of another domain's MX, earlier by name) is probed once,
 * as that one.
 */
public final class ConfigReloader {

  private static final Logger log = LoggerFactory.getLogger(ConfigReloader.class);

  private final ResultStore store;
  private final ProbeSchedule schedule;
  private final ProbeRunner runner;
  private final Function<Path, ConfigLoadResult> loader;
  private final Clock clock;
  private Config running;
  private List<Endpoint> scheduled = List.of();
  private final Map<String, List<Endpoint>> domainEndpoints = new TreeMap<>();
  private Runnable onApplied = () -> {};
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

  /** Runs after every applied config, under this reloader's lock: the domain watch's update. */
  public synchronized void onApplied(Runnable action) {
    this.onApplied = action;
  }

  /** Makes {@code next} the running config. */
  public synchronized ReloadOutcome apply(Config next) {
    runner.limitConcurrency(next.maxConcurrentProbes());
    // MX endpoints of a domain whose settings changed are rebuilt by its next lookup.
    domainEndpoints.keySet().retainAll(domainNames(next, running));
    running = next;
    ConfigDiff diff = reschedule();
    onApplied.run();
    Instant now = clock.instant();
    status = new ReloadStatus(true, now, now);
    log.info(
        "config {} applied: {} endpoints ({} added, {} removed, {} changed, {} unchanged),"
            + " {} watched domains",
        next.source() == null ? "(built in)" : next.source(),
        next.endpoints().size(),
        diff.added().size(),
        diff.removed().size(),
        diff.changed().size(),
        diff.unchanged().size(),
        next.domains().size());
    return ReloadOutcome.applied(now, diff);
  }

  /**
   * Makes {@code endpoints} the MX endpoints of {@code domain}; ignored when the running config no
   * longer watches {@code domain} with these settings (a lookup that finished after a reload).
   */
  public synchronized void replaceDomainEndpoints(DomainSpec domain, List<Endpoint> endpoints) {
    if (running == null || !running.domains().contains(domain)) {
      return;
    }
    domainEndpoints.put(domain.name(), List.copyOf(endpoints));
    ConfigDiff diff = reschedule();
    if (!diff.added().isEmpty() || !diff.removed().isEmpty()) {
      log.info(
          "domain {}: {} endpoints added, {} removed",
          domain.name(),
          diff.added().size(),
          diff.removed().size());
    }
  }

  /** Every endpoint probed now: the configured ones and the watched domains' MX endpoints. */
  public synchronized List<Endpoint> scheduledEndpoints() {
    return scheduled;
  }

  /** The config running now, or {@code null} before the first {@link #apply}. */
  public synchronized Config running() {
    return running;
  }

  /** The outcome of the most recent attempt, or {@code null} before the first. */
  public ReloadStatus status() {
    return status;
  }

  /** Brings the schedule and store in line with the running config and the known MX endpoints. */
  private ConfigDiff reschedule() {
    List<Endpoint> next = new ArrayList<>(running.endpoints());
    Set<EndpointKey> keys = new HashSet<>();
    next.forEach(e -> keys.add(e.key()));
    domainEndpoints.values().stream()
        .flatMap(List::stream)
        .filter(e -> keys.add(e.key()))
        .forEach(next::add);
    ConfigDiff diff = ConfigDiff.between(scheduled, next);
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
    scheduled = List.copyOf(next);
    return diff;
  }

  /** The domains of {@code next} whose settings are the same in {@code before}. */
  private static Set<String> domainNames(Config next, Config before) {
    Set<String> unchanged = new HashSet<>();
    if (before != null) {
      next.domains().stream()
          .filter(before.domains()::contains)
          .forEach(d -> unchanged.add(d.name()));
    }
    return unchanged;
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
