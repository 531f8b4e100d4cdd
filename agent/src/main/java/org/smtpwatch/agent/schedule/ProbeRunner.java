package org.smtpwatch.agent.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.probe.Prober;
import org.smtpwatch.agent.probe.Transcript;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.EndpointKey;

/**
 * Runs scheduled probes off the Quartz threads and counts their results.
 *
 * <p>Why probes do not run on the Quartz threads: a Quartz job that waited for its probe would hold
 * a Quartz thread for up to the probe's timeout, so a few hanging servers would delay the triggers
 * of every other endpoint unless the Quartz pool had a thread per endpoint. Instead each run is
 * handed to the probe executor (virtual threads on Java 21+) and the job returns at once. Three
 * rules then give the guarantees the schedule promises (a fourth keeps runs apart: one that starts
 * more than half an interval late is skipped):
 *
 * <ul>
 *   <li>an endpoint is never probed twice at once: a run whose previous probe is still in flight
 *       (or still waiting for a permit) is skipped, so a slow endpoint loses runs instead of piling
 *       them up, and no burst follows when it recovers;
 *   <li>at most {@link ProbePermits#limit()} probes talk to servers at once; a run waits for a
 *       permit no longer than until its next planned run, after which it would be stale;
 *   <li>each probe holds only its own deadline (the prober returns within the endpoint's timeout),
 *       so a hanging endpoint delays nobody but itself.
 * </ul>
 */
public final class ProbeRunner {

  private static final Logger log = LoggerFactory.getLogger(ProbeRunner.class);

  private final Prober prober;
  private final ResultStore store;
  private final StateChangeLog stateChanges;
  private final ProbePermits permits;
  private final ScheduleLagObserver lag;
  private final Clock clock;
  private final ExecutorService executor = ProbeThreads.newExecutor();
  private final Set<EndpointKey> inFlight = ConcurrentHashMap.newKeySet();
  private final SkippedRunLog skippedRuns = new SkippedRunLog();
  private volatile boolean stopped;

  public ProbeRunner(
      Prober prober,
      ResultStore store,
      StateChangeLog stateChanges,
      int maxConcurrentProbes,
      ScheduleLagObserver lag,
      Clock clock) {
    this.prober = prober;
    this.store = store;
    this.stateChanges = stateChanges;
    this.permits = new ProbePermits(maxConcurrentProbes);
    this.lag = lag;
    this.clock = clock;
  }

  /**
   * Starts a probe of {@code endpoint} in the background unless one is still in flight.
   *
   * @param plannedAt when the schedule meant this run to start
   * @return whether a probe was started
   */
  public boolean launch(Endpoint endpoint, Instant plannedAt) {
    EndpointKey key = endpoint.key();
    if (stopped) {
      return false;
    }
    Duration late = Duration.between(plannedAt, clock.instant());
    if (tooLate(endpoint, late)) {
      skippedRuns.startedLate(key, plannedAt, late, 1);
      return false;
    }
    if (!inFlight.add(key)) {
      log.debug("{}: previous probe still running, run planned at {} skipped", key, plannedAt);
      return false;
    }
    try {
      executor.execute(() -> runExclusive(endpoint, plannedAt));
      return true;
    } catch (RejectedExecutionException e) {
      inFlight.remove(key); // stopping
      return false;
    }
  }

  /**
   * Runs Quartz could not fire at all (the first was later than the scheduler's misfire threshold;
   * Quartz moves the trigger to its first run after now): skipped like runs that came too late, and
   * said so.
   */
  void missed(Endpoint endpoint, Instant plannedAt) {
    if (!stopped) {
      Duration late = Duration.between(plannedAt, clock.instant());
      long intervalMillis = Math.max(1, endpoint.interval().toMillis());
      int runs = (int) Math.min(Integer.MAX_VALUE, 1 + late.toMillis() / intervalMillis);
      skippedRuns.startedLate(endpoint.key(), plannedAt, late, runs);
    }
  }

  /**
   * Later than half its interval, a run would crowd the next one: it is skipped, so that
   * consecutive probes of an endpoint stay at least half an interval apart. Less late, it runs and
   * its lag is recorded: a late probe is better than a missing one.
   */
  private static boolean tooLate(Endpoint endpoint, Duration late) {
    return late.compareTo(endpoint.interval().dividedBy(2)) > 0;
  }

  /** Changes how many probes may run at once; see {@link ProbePermits#resize}. */
  public void limitConcurrency(int maxConcurrentProbes) {
    permits.resize(maxConcurrentProbes);
  }

  /** Probes started and not finished yet (including those waiting for a permit). */
  public int inFlight() {
    return inFlight.size();
  }

  /** How many probes may talk to servers at once now ({@code max_concurrent_probes}). */
  public int concurrencyLimit() {
    return permits.limit();
  }

  /**
   * Starts no more probes, interrupts those in flight, and waits at most {@code grace} for them
   * (their own deadlines end them); probes still running after that are abandoned.
   */
  public void stop(Duration grace) {
    stopped = true;
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("{} probes still running at shutdown, abandoned", inFlight.size());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void runExclusive(Endpoint endpoint, Instant plannedAt) {
    try {
      runWithPermit(endpoint, plannedAt);
    } finally {
      inFlight.remove(endpoint.key());
    }
  }

  private void runWithPermit(Endpoint endpoint, Instant plannedAt) {
    Duration untilNextRun = Duration.between(clock.instant(), plannedAt.plus(endpoint.interval()));
    try {
      if (!permits.tryAcquire(untilNextRun)) {
        // Once stopping, a skip is the shutdown's doing, not saturation worth a warning.
        if (!stopped) {
          skippedRuns.skipped(endpoint.key(), plannedAt, permits.limit());
        }
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // stopping
      return;
    }
    try {
      // Quartz may fire a fraction of a millisecond before the planned instant; early is on time
      // (a negative lag would be dropped by the timer with a warning).
      Duration lagged = Duration.between(plannedAt, clock.instant());
      lag.observe(lagged.isNegative() ? Duration.ZERO : lagged);
      skippedRuns.ran(endpoint.key());
      probeAndRecord(endpoint);
    } finally {
      permits.release();
    }
  }

  private void probeAndRecord(Endpoint endpoint) {
    ProbeResult result;
    try {
      result = prober.probe(endpoint, Transcript.discarding());
    } catch (RuntimeException e) {
      // The prober reports every network outcome as a result; an exception is a bug in it.
      log.error("{}: the prober failed instead of reporting a result", endpoint.key(), e);
      return;
    }
    store.record(result).ifPresent(stateChanges::logChange);
  }
}
