package org.smtpwatch.agent.probe;

import java.time.Duration;

/**
 * Limits of single steps inside the probe's deadline.
 *
 * @param greeting how long to wait for the greeting: 70% of the probe timeout. Postscreen's and
 *     sendmail's greet pause (about 6 s) fit in the default 15 s timeout (10.5 s), and the 30% left
 *     over still covers EHLO, STARTTLS and a handshake on a healthy server. It also means a server
 *     that never greets is reported in the banner phase with time to spare for the implicit-TLS
 *     check that tells a mode mismatch from a tarpit.
 * @param quit how long to wait for the reply to QUIT after a successful session; a server slow to
 *     say goodbye is healthy for mail, so it must not stretch the probe to its deadline
 * @param politeQuit the same after a rejection, where QUIT only spares the server a lost connection
 */
record StepLimits(Duration greeting, Duration quit, Duration politeQuit) {

  static StepLimits forTimeout(Duration timeout) {
    return new StepLimits(
        timeout.multipliedBy(7).dividedBy(10), Duration.ofSeconds(2), Duration.ofSeconds(1));
  }
}
