package org.smtpwatch.agent.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.smtpwatch.config.Endpoint;

/**
 * One scheduled run of one endpoint. It only hands the probe to the {@link ProbeRunner} and
 * returns: Quartz threads never wait on the network, so a hanging server cannot starve the triggers
 * of the others. The runner's per-endpoint guard is what keeps an endpoint from being probed twice
 * at once; {@code @DisallowConcurrentExecution} additionally keeps the hand-over itself serial.
 */
@DisallowConcurrentExecution
final class ProbeJob implements Job {

  private final Endpoint endpoint;
  private final ProbeRunner runner;

  ProbeJob(Endpoint endpoint, ProbeRunner runner) {
    this.endpoint = endpoint;
    this.runner = runner;
  }

  @Override
  public void execute(JobExecutionContext context) {
    runner.launch(endpoint, context.getScheduledFireTime().toInstant());
  }
}
