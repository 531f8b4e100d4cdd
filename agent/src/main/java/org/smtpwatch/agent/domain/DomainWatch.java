package org.smtpwatch.agent.domain;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smtpwatch.agent.dns.CurrentDns;
import org.smtpwatch.agent.dns.DnsClient;
import org.smtpwatch.agent.mtasts.FetchFailure;
import org.smtpwatch.agent.mtasts.MtaStsCheck;
import org.smtpwatch.agent.mtasts.MtaStsOutcome;
import org.smtpwatch.config.DomainSpec;
import org.smtpwatch.config.Endpoint;

/**
 * Looks up every watched domain on its own schedule: at once when the domain is added (or its
 * config changes), then again when its MX records' TTL runs out, kept within {@code dns.min_ttl}
 * and {@code dns.max_ttl}. Each lookup replaces the domain's {@link DomainState} and hands its MX
 * endpoints to the schedule, so MX changes are followed without a reload.
 */
public final class DomainWatch implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DomainWatch.class);
  private static final Duration FALLBACK_TIMEOUT = Duration.ofSeconds(15);

  private final CurrentDns dns;
  private final DomainEndpoints endpoints;
  private final Clock clock;
  private final MxDiscovery discovery = new MxDiscovery();
  private final MtaStsCheck mtaSts = new MtaStsCheck();
  private final ScheduledThreadPoolExecutor executor;
  private final Map<String, ScheduledFuture<?>> scheduled = new HashMap<>();
  private final Map<String, DomainSpec> watched = new HashMap<>();
  private final ConcurrentHashMap<String, DomainState> states = new ConcurrentHashMap<>();

  public DomainWatch(CurrentDns dns, DomainEndpoints endpoints, Clock clock) {
    this.dns = dns;
    this.endpoints = endpoints;
    this.clock = clock;
    this.executor =
        new ScheduledThreadPoolExecutor(
            2,
            task -> {
              Thread thread = new Thread(task, "smtpwatch-domains");
              thread.setDaemon(true);
              return thread;
            });
    executor.setRemoveOnCancelPolicy(true);
  }

  /** Watches exactly {@code domains} from now on; new and changed ones are looked up at once. */
  public synchronized void update(List<DomainSpec> domains) {
    Map<String, DomainSpec> next = new HashMap<>();
    domains.forEach(d -> next.put(d.name(), d));
    for (String name : List.copyOf(watched.keySet())) {
      if (!Objects.equals(next.get(name), watched.get(name))) {
        forget(name);
      }
    }
    for (DomainSpec domain : domains) {
      if (!watched.containsKey(domain.name())) {
        watched.put(domain.name(), domain);
        schedule(domain, Duration.ZERO);
      }
    }
  }

  /** The latest state of every watched domain, by name. */
  public List<DomainState> snapshot() {
    return states.values().stream().sorted(Comparator.comparing(DomainState::name)).toList();
  }

  @Override
  public synchronized void close() {
    executor.shutdownNow();
  }

  private void forget(String name) {
    ScheduledFuture<?> future = scheduled.remove(name);
    if (future != null) {
      future.cancel(false);
    }
    watched.remove(name);
    states.remove(name);
  }

  private void schedule(DomainSpec domain, Duration delay) {
    if (!executor.isShutdown()) {
      scheduled.put(
          domain.name(),
          executor.schedule(() -> refresh(domain), delay.toMillis(), TimeUnit.MILLISECONDS));
    }
  }

  private void refresh(DomainSpec domain) {
    Duration next = dns.settings().minTtl();
    try {
      next = lookUp(domain);
    } catch (RuntimeException e) {
      log.error("looking up domain {} failed unexpectedly", domain.name(), e);
    } finally {
      synchronized (this) {
        if (domain.equals(watched.get(domain.name()))) {
          schedule(domain, next);
        }
      }
    }
  }

  /** One lookup; returns when to look again. */
  private Duration lookUp(DomainSpec domain) {
    DnsClient client = dns.client();
    MxOutcome mx = discovery.discover(client, domain.name());
    DomainState before = states.get(domain.name());
    List<MxHost> hosts = mx.definitive() || before == null ? mx.hosts() : before.hosts();
    MtaStsOutcome sts =
        domain.mtaSts().enabled()
            ? mtaSts.check(domain.name(), domain.mtaSts(), client, fetchTimeout(domain))
            : null;
    DomainState state = new DomainState(domain, clock.instant(), mx, hosts, sts);
    synchronized (this) {
      // A lookup that ends after a reload changed the domain, or after close(), changes nothing.
      if (!domain.equals(watched.get(domain.name())) || executor.isShutdown()) {
        return Duration.ZERO;
      }
      states.put(domain.name(), state);
    }
    logChanges(before, state);
    endpoints.replace(
        domain, hosts.stream().flatMap(h -> domain.endpointsFor(h.name()).stream()).toList());
    return mx.success() ? dns.settings().refreshAfter(mx.ttl()) : dns.settings().minTtl();
  }

  private static Duration fetchTimeout(DomainSpec domain) {
    return domain.templates().stream().map(Endpoint::timeout).findFirst().orElse(FALLBACK_TIMEOUT);
  }

  private static void logChanges(DomainState before, DomainState after) {
    if (before == null || !before.hosts().equals(after.hosts())) {
      log.info(
          "domain {}: MX hosts {}{}",
          after.name(),
          after.hosts().stream().map(h -> h.name() + " (" + h.preference() + ")").toList(),
          after.mx().fallback() ? " (no MX records: implicit MX)" : "");
    }
    String reason = after.mx().failureReason();
    String previous = before == null ? null : before.mx().failureReason();
    if (reason != null && !reason.equals(previous)) {
      log.warn("domain {}: MX lookup failed: {} ({})", after.name(), reason, after.mx().detail());
    }
    FetchFailure failure = after.mtaSts() == null ? null : after.mtaSts().failure();
    FetchFailure failedBefore =
        before == null || before.mtaSts() == null ? null : before.mtaSts().failure();
    if (failure != null && !failure.equals(failedBefore)) {
      log.warn(
          "domain {}: MTA-STS policy not usable: {} ({})",
          after.name(),
          failure.reason(),
          failure.detail());
    } else if (failure == null && failedBefore != null) {
      log.info("domain {}: MTA-STS policy usable again", after.name());
    }
  }
}
