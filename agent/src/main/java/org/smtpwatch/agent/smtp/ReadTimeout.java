package org.smtpwatch.agent.smtp;

import java.io.IOException;

/**
 * Called by {@link SmtpReplyReader} before every read that may block, so the caller can set the
 * socket timeout to what is left of the current step. Applying the timeout per read instead of per
 * reply keeps a server that trickles one byte at a time from stretching a reply past the deadline.
 */
@FunctionalInterface
public interface ReadTimeout {

  /**
   * @throws java.net.SocketTimeoutException when no time is left
   */
  void applyBeforeRead() throws IOException;

  /** For streams that do not block, such as golden transcripts read from memory. */
  static ReadTimeout none() {
    return () -> {};
  }
}
