package org.smtpwatch.exporter.metrics;

import java.util.List;
import java.util.function.Supplier;
import org.smtpwatch.agent.domain.DomainState;
import org.smtpwatch.agent.schedule.Agent;
import org.smtpwatch.agent.schedule.ReloadStatus;
import org.smtpwatch.agent.schedule.ResultStore;

/**
 * What the metrics read from a running agent: its result store, its reload status and its watched
 * domains. Tests give a store they filled with known results instead of a scheduling agent.
 */
record WatchedAgent(
    ResultStore results, Supplier<ReloadStatus> reloadStatus, Supplier<List<DomainState>> domains) {

  /** Without watched domains. */
  WatchedAgent(ResultStore results, Supplier<ReloadStatus> reloadStatus) {
    this(results, reloadStatus, List::of);
  }

  static WatchedAgent of(Agent agent) {
    return new WatchedAgent(agent.results(), agent.reloader()::status, agent.domains()::snapshot);
  }
}
