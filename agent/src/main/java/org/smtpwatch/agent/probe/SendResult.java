package org.smtpwatch.agent.probe;

import java.time.Duration;

/**
 * The outcome of sending the test message after a successful login.
 *
 * @param duration from the first envelope command to the server's acceptance of the message; zero
 *     when nothing was sent
 * @param messageId the message's unique Message-ID, or {@code null} when nothing was sent
 * @param detail why it failed (the server's reply, or why it was not attempted); {@code null} on
 *     success
 */
public record SendResult(boolean success, Duration duration, String messageId, String detail) {

  static SendResult notAttempted(String why) {
    return new SendResult(false, Duration.ZERO, null, why);
  }
}
