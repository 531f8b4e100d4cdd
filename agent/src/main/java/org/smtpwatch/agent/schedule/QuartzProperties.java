package org.smtpwatch.agent.schedule;

import java.util.Properties;

/**
 * The whole Quartz configuration, given programmatically so that no {@code quartz.properties} on
 * the class path (Quartz ships a default one) changes behaviour behind our back.
 */
final class QuartzProperties {

  /**
   * How late a trigger may fire before Quartz skips it itself. Generous, because a JVM pause (a
   * full garbage collection of a large heap, a big scrape on two cores) can hold every trigger back
   * for a second, and at 60 s a run a second late should still happen. Whether a late run is too
   * late is the {@link ProbeRunner}'s decision, relative to the endpoint's interval; Quartz's
   * threshold only bounds the work after a long stall (a suspended machine), when every run due
   * meanwhile would otherwise fire, to be skipped one by one.
   */
  static final long MISFIRE_THRESHOLD_MILLIS = 5_000;

  private QuartzProperties() {}

  /**
   * @param instanceName unique per scheduler: Quartz keeps a JVM-wide repository of schedulers by
   *     name, and tests run several
   * @param threads Quartz worker threads; they only hand probes to the probe executor, so few
   */
  static Properties forInstance(String instanceName, int threads) {
    Properties properties = new Properties();
    properties.setProperty("org.quartz.scheduler.instanceName", instanceName);
    properties.setProperty("org.quartz.scheduler.instanceId", "NON_CLUSTERED");
    properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    properties.setProperty("org.quartz.scheduler.jmx.export", "false");
    properties.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
    properties.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
    properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
    properties.setProperty("org.quartz.threadPool.threadNamePrefix", instanceName + "-trigger");
    properties.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    properties.setProperty(
        "org.quartz.jobStore.misfireThreshold", Long.toString(MISFIRE_THRESHOLD_MILLIS));
    return properties;
  }
}
