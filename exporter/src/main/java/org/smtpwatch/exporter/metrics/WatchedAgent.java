package org.smtpwatch.exporter.metrics;

import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.smtpwatch.agent.domain.DomainState;
import org.smtpwatch.agent.schedule.Agent;
import org.smtpwatch.agent.schedule.ReloadStatus;
import org.smtpwatch.agent.schedule.ResultStore;

/**
 * What the metrics read from a running agent: its result store, its reload status, how busy its
 * probe slots are and its watched domains. Tests give a store they filled with known results
 * instead of a scheduling agent.
 *
 * @param probesInFlight probes started and not finished (including those waiting for a permit)
 * @param maxConcurrentProbes the concurrency limit in force now
 */
record WatchedAgent(
    ResultStore results,
    Supplier<ReloadStatus> reloadStatus,
    IntSupplier probesInFlight,
    IntSupplier maxConcurrentProbes,
    Supplier<List<DomainState>> domains) {

  static WatchedAgent of(Agent agent) {
    return new WatchedAgent(
        agent.results(),
        agent.reloader()::status,
        agent::probesInFlight,
        agent::maxConcurrentProbes,
        agent.domains()::snapshot);
  }
}
