package org.smtpwatch.agent.probe;

import java.time.Duration;

/**
 * Limits of single steps inside the probe's deadline.
 *
 * @param greeting how long to wait for the greeting: the whole timeout less a reserve of 10% (at
 *     least 100 ms, at most 1 s). A greeting may legitimately take most of the deadline
 *     (postscreen's and sendmail's greet pause is about 6 s), and a healthy server needs little
 *     more for EHLO, STARTTLS and a handshake; the reserve is what a server that never greets
 *     leaves for the implicit-TLS check that tells a mode mismatch from a tarpit.
 * @param quit how long to wait for the reply to QUIT after a successful session; a server slow to
 *     say goodbye is healthy for mail, so it must not stretch the probe to its deadline
 * @param politeQuit the same after a rejection, where QUIT only spares the server a lost connection
 */
record StepLimits(Duration greeting, Duration quit, Duration politeQuit) {

  private static final Duration MIN_RESERVE = Duration.ofMillis(100);
  private static final Duration MAX_RESERVE = Duration.ofSeconds(1);

  static StepLimits forTimeout(Duration timeout) {
    Duration reserve = timeout.dividedBy(10);
    if (reserve.compareTo(MIN_RESERVE) < 0) {
      reserve = MIN_RESERVE;
    } else if (reserve.compareTo(MAX_RESERVE) > 0) {
      reserve = MAX_RESERVE;
    }
    Duration greeting = timeout.minus(reserve);
    return new StepLimits(
        greeting.isNegative() ? Duration.ZERO : greeting,
        Duration.ofSeconds(2),
        Duration.ofSeconds(1));
  }
}
