package org.smtpwatch.agent.smtp;

import java.io.IOException;

/**
 * The server's bytes are not a well-formed SMTP reply, or the server closed the connection before
 * one was complete. Internal to the probe engine, which turns it into a {@code protocol} or {@code
 * connection_closed} failure.
 */
public final class SmtpProtocolException extends IOException {

  /** What was wrong with the bytes. */
  public enum Kind {
    /** End of stream before a complete reply: a closed connection, not a protocol error. */
    CLOSED,
    /** A line that is not {@code ddd}, {@code ddd-text} or {@code ddd text} with ddd in 200-599. */
    MALFORMED_LINE,
    LINE_TOO_LONG,
    TOO_MANY_LINES,
    /** A line of a multi-line reply with a code other than the first line's. */
    CODE_MISMATCH,
    /** LF not preceded by CR: RFC 5321 section 2.3.8 allows CRLF only. */
    BARE_LINE_FEED,
    /** CR not followed by LF. */
    BARE_CARRIAGE_RETURN,
    /** NUL has no business in a reply and is how some injection attacks start. */
    NUL_BYTE
  }

  private final Kind kind;

  public SmtpProtocolException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
