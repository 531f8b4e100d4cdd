package org.smtpwatch.agent.schedule;

import java.util.Properties;

/**
 * The whole Quartz configuration, given programmatically so that no {@code quartz.properties} on
 * the class path (Quartz ships a default one) changes behaviour behind our back.
 */
final class QuartzProperties {

  /**
   * How late a trigger may fire before Quartz treats it as missed. Below the shortest sensible
   * interval: a run more than this late is skipped (misfire "next with remaining count") rather
   * than fired late and followed at once by the next one, which would be a small burst.
   */
  static final long MISFIRE_THRESHOLD_MILLIS = 250;

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
