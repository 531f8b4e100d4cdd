package org.smtpwatch.exporter.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The signals a daemon reacts to: SIGHUP reloads, SIGTERM and SIGINT stop. Tests pass a fake that
 * fires the actions on demand.
 */
public interface ProcessSignals {

  /** Calls {@code action} on every SIGHUP. */
  void onReload(Runnable action);

  /**
   * Calls {@code action} on SIGTERM or SIGINT, and when the JVM shuts down for another reason; the
   * action may run more than once and must wait until the process may exit.
   */
  void onTerminate(Runnable action);

  /** The real signals of this process. */
  static ProcessSignals system() {
    return new SystemSignals();
  }
}

/**
 * {@code sun.misc.Signal} (module {@code jdk.unsupported}, usable under {@code --release 17}) is
 * the only way to catch SIGHUP, which otherwise ends the JVM. SIGTERM and SIGINT are caught too:
 * the JVM's own handling exits with status 143 or 130, a clean stop here exits with 0. A shutdown
 * hook covers every other way the JVM can end.
 */
final class SystemSignals implements ProcessSignals {

  private static final Logger log = LoggerFactory.getLogger(SystemSignals.class);

  @Override
  public void onReload(Runnable action) {
    handle("HUP", action);
  }

  @Override
  public void onTerminate(Runnable action) {
    handle("TERM", action);
    handle("INT", action);
    Runtime.getRuntime().addShutdownHook(new Thread(action, "smtpwatch-shutdown"));
  }

  private static void handle(String name, Runnable action) {
    try {
      SignalHandler previous = Signal.handle(new Signal(name), signal -> action.run());
      if (previous == SignalHandler.SIG_IGN) {
        // Ignored since the process started (nohup, a background job): the JVM keeps it so.
        log.info("SIG{} is ignored by this process, as its parent asked", name);
      }
    } catch (IllegalArgumentException e) {
      // The signal is ignored by the parent (nohup) or reserved (-Xrs): the shutdown hook remains.
      log.warn("cannot handle SIG{}: {}", name, e.getMessage());
    }
  }
}
