package org.smtpwatch.agent.schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.EndpointKey;

/**
 * One Quartz job per endpoint, in memory. Each job repeats at its endpoint's interval from a first
 * run spread by {@link StartOffset}; a run Quartz could not fire on time is skipped, not made up.
 *
 * <p>Quartz failures here are bugs (an in-memory store does not fail on its own), so they surface
 * as {@link IllegalStateException}.
 */
public final class ProbeSchedule implements AutoCloseable {

  static final String JOB_GROUP = "smtpwatch-probe";
  private static final int TRIGGER_THREADS = 4;

  private final Scheduler scheduler;
  private final Clock clock;
  private final ConcurrentHashMap<JobKey, Endpoint> endpoints = new ConcurrentHashMap<>();

  private ProbeSchedule(Scheduler scheduler, Clock clock) {
    this.scheduler = scheduler;
    this.clock = clock;
  }

  /** Creates and starts a scheduler of its own (never Quartz's default singleton). */
  public static ProbeSchedule start(ProbeRunner runner, Clock clock) {
    String name = "smtpwatch-" + UUID.randomUUID();
    try {
      Scheduler scheduler =
          new StdSchedulerFactory(QuartzProperties.forInstance(name, TRIGGER_THREADS))
              .getScheduler();
      ProbeSchedule schedule = new ProbeSchedule(scheduler, clock);
      scheduler.setJobFactory(new ProbeJobFactory(schedule.endpoints::get, runner));
      scheduler
          .getListenerManager()
          .addTriggerListener(new MissedRunListener(schedule.endpoints::get, runner));
      scheduler.start();
      return schedule;
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot start the probe scheduler", e);
    }
  }

  static JobKey jobKey(EndpointKey key) {
    return new JobKey(key.toString(), JOB_GROUP);
  }

  /** Schedules a new endpoint, or replaces the schedule of an endpoint with the same key. */
  public void put(Endpoint endpoint) {
    JobKey jobKey = jobKey(endpoint.key());
    endpoints.put(jobKey, endpoint);
    JobDetail job = JobBuilder.newJob(ProbeJob.class).withIdentity(jobKey).build();
    try {
      scheduler.scheduleJob(job, Set.of(triggerFor(endpoint, jobKey)), true);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot schedule " + endpoint.key(), e);
    }
  }

  /** Stops scheduling an endpoint; a probe of it already running finishes on its own. */
  public void remove(EndpointKey key) {
    JobKey jobKey = jobKey(key);
    try {
      scheduler.deleteJob(jobKey);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot unschedule " + key, e);
    } finally {
      endpoints.remove(jobKey);
    }
  }

  /** The endpoints scheduled now. */
  public Set<EndpointKey> scheduled() {
    return endpoints.values().stream().map(Endpoint::key).collect(Collectors.toUnmodifiableSet());
  }

  /** For tests: the Quartz scheduler, to check jobs and triggers against the config. */
  Scheduler quartz() {
    return scheduler;
  }

  /** Stops firing; waits only for the hand-overs in progress, which are quick. */
  @Override
  public void close() {
    try {
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot stop the probe scheduler", e);
    }
  }

  private Trigger triggerFor(Endpoint endpoint, JobKey jobKey) {
    Duration interval = endpoint.interval();
    return TriggerBuilder.newTrigger()
        .withIdentity(new TriggerKey(jobKey.getName(), jobKey.getGroup()))
        .forJob(jobKey)
        .startAt(Date.from(StartOffset.firstRun(endpoint.key(), interval, clock.instant())))
        .withSchedule(
            SimpleScheduleBuilder.simpleSchedule()
                .withIntervalInMilliseconds(Math.max(1, interval.toMillis()))
                .repeatForever()
                // A missed run is skipped, never fired in a burst to catch up.
                .withMisfireHandlingInstructionNextWithRemainingCount())
        .build();
  }
}
