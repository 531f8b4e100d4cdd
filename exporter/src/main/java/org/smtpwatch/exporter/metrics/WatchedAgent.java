package org.smtpwatch.exporter.metrics;

import java.util.function.Supplier;
import org.smtpwatch.agent.schedule.Agent;
import org.smtpwatch.agent.schedule.ReloadStatus;
import org.smtpwatch.agent.schedule.ResultStore;

/**
 * The two things the metrics read from a running agent: its result store and its reload status.
 * Tests give a store they filled with known results instead of a scheduling agent.
 */
record WatchedAgent(ResultStore results, Supplier<ReloadStatus> reloadStatus) {

  static WatchedAgent of(Agent agent) {
    return new WatchedAgent(agent.results(), agent.reloader()::status);
  }
}
