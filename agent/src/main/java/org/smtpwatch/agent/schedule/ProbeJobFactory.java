package org.smtpwatch.agent.schedule;

import java.util.function.Function;
import org.quartz.Job;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;
import org.smtpwatch.config.Endpoint;

/**
 * Builds each {@link ProbeJob} with its collaborators through the constructor. The endpoint is
 * found by the job's key (made from its {@code EndpointKey}), never carried as strings in a job
 * data map, so the job always probes the endpoint as currently configured.
 */
final class ProbeJobFactory implements JobFactory {

  private final Function<JobKey, Endpoint> endpoints;
  private final ProbeRunner runner;

  /**
   * @param endpoints the endpoint scheduled under a job key, or {@code null} once it is removed
   */
  ProbeJobFactory(Function<JobKey, Endpoint> endpoints, ProbeRunner runner) {
    this.endpoints = endpoints;
    this.runner = runner;
  }

  @Override
  public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) {
    Endpoint endpoint = endpoints.apply(bundle.getJobDetail().getKey());
    if (endpoint == null) {
      // Fired just as a reload removed it: nothing to probe.
      return context -> {};
    }
    return new ProbeJob(endpoint, runner);
  }
}
