package org.smtpwatch.agent.schedule;

import java.util.function.Function;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.quartz.listeners.TriggerListenerSupport;
import org.smtpwatch.config.Endpoint;

/**
 * Tells the runner about runs Quartz skipped on its own: a trigger later than the misfire threshold
 * is moved to its next run without firing, which would otherwise leave no trace.
 */
final class MissedRunListener extends TriggerListenerSupport {

  private final Function<JobKey, Endpoint> endpoints;
  private final ProbeRunner runner;

  MissedRunListener(Function<JobKey, Endpoint> endpoints, ProbeRunner runner) {
    this.endpoints = endpoints;
    this.runner = runner;
  }

  @Override
  public String getName() {
    return "smtpwatch-missed-runs";
  }

  /** Quartz passes the trigger as it was before the misfire moved it: its next fire is the miss. */
  @Override
  public void triggerMisfired(Trigger trigger) {
    Endpoint endpoint = endpoints.apply(trigger.getJobKey());
    if (endpoint != null && trigger.getNextFireTime() != null) {
      runner.missed(endpoint, trigger.getNextFireTime().toInstant());
    }
  }
}
