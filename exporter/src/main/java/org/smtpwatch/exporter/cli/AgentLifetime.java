package org.smtpwatch.exporter.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smtpwatch.agent.schedule.Agent;

/**
 * Keeps a started agent running until SIGTERM or SIGINT, then stops it cleanly: no new probes,
 * those in flight abandoned at their deadlines. Shared by {@code run} and {@code demo}.
 */
final class AgentLifetime {

  private static final Logger log = LoggerFactory.getLogger(AgentLifetime.class);

  private final ProcessSignals signals;

  AgentLifetime(ProcessSignals signals) {
    this.signals = signals;
  }

  /**
   * Blocks until a stop signal, then closes {@code agent}. {@code onReload} runs on SIGHUP; pass
   * {@code null} where there is nothing to reload. {@code announce} runs once the signal handlers
   * are in place, so whoever reads "running" can signal the process right away.
   */
  void runUntilStopped(Agent agent, Runnable onReload, Runnable announce) {
    CountDownLatch stopRequested = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    try {
      if (onReload != null) {
        signals.onReload(onReload);
      }
      signals.onTerminate(() -> stopAndWait(stopRequested, stopped, agent));
      announce.run();
      awaitUninterruptibly(stopRequested);
      log.info("smtpwatch stopping: no new probes, waiting for those in flight");
    } finally {
      agent.close();
      stopped.countDown();
    }
    log.info("smtpwatch stopped");
  }

  // Runs on the signal or shutdown-hook thread: the JVM may exit as soon as this returns, so it
  // waits for the agent to stop, but no longer than the probes' own deadlines allow.
  private static void stopAndWait(
      CountDownLatch stopRequested, CountDownLatch stopped, Agent agent) {
    stopRequested.countDown();
    try {
      stopped.await(agent.stopGrace().plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // The main thread has nothing else to do; only a stop request ends the wait.
  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
