package org.smtpwatch.agent.schedule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smtpwatch.agent.probe.Failure;
import org.smtpwatch.agent.probe.ProbeResult;

/**
 * One log line when an endpoint's state changes (first result, up to down, down to up, a different
 * failure while down), none for a probe that only confirms the state: a thousand endpoints at a
 * one-minute interval must not write a thousand lines a minute.
 *
 * <p>Logs the endpoint key and the failure's phase, reason and detail only; failure details never
 * carry secrets (see {@link Failure}), and credentials are never logged.
 */
public final class StateChangeLog {

  private static final Logger log = LoggerFactory.getLogger(StateChangeLog.class);
  private static final int MAX_DETAIL = 300;

  public void logChange(ResultStore.Recorded recorded) {
    ProbeResult previous = recorded.before().latest();
    ProbeResult current = recorded.after().latest();
    Object key = recorded.after().key();
    if (previous == null) {
      if (current.success()) {
        log.info("{} is up (first probe)", key);
      } else {
        log.warn("{} is down (first probe): {}", key, describe(current.failure()));
      }
    } else if (previous.success() && !current.success()) {
      log.warn("{} went down: {}", key, describe(current.failure()));
    } else if (!previous.success() && current.success()) {
      log.info("{} is up again", key);
    } else if (!previous.success() && !sameCause(previous.failure(), current.failure())) {
      log.warn(
          "{} is still down, now {} (was {} in {})",
          key,
          describe(current.failure()),
          previous.failure().reason().label(),
          previous.failure().phase().label());
    }
  }

  // The detail often carries timings or addresses that differ every probe; phase and reason are
  // what an operator would call "the same problem".
  private static boolean sameCause(Failure previous, Failure current) {
    return previous.phase() == current.phase() && previous.reason() == current.reason();
  }

  private static String describe(Failure failure) {
    return "phase="
        + failure.phase().label()
        + " reason="
        + failure.reason().label()
        + " detail=\""
        + printable(failure.detail())
        + "\"";
  }

  // The detail may quote the server (a 554 greeting): keep its line breaks and control characters
  // out of the log, so a server cannot forge log lines, and bound its length.
  private static String printable(String detail) {
    String oneLine = detail.replaceAll("\\p{Cntrl}", " ");
    return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL) + "...";
  }
}
