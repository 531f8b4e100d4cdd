package org.smtpwatch.agent.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import org.smtpwatch.agent.smtp.SmtpProtocolException;

/** Maps what the JDK throws to the closed set of failure reasons. */
final class NetworkFailures {

  private NetworkFailures() {}

  /** A failed TCP connect. */
  static Failure connect(String target, IOException e) {
    String detail = "connect to " + target + ": " + describe(e);
    if (e instanceof SocketTimeoutException) {
      return new Failure(Phase.CONNECT, FailureReason.CONNECT_TIMEOUT, detail);
    }
    if (e instanceof NoRouteToHostException || mentions(e, "unreachable")) {
      return new Failure(Phase.CONNECT, FailureReason.UNREACHABLE, detail);
    }
    if (e instanceof ConnectException) {
      return new Failure(Phase.CONNECT, FailureReason.CONNECT_REFUSED, detail);
    }
    // Only an accepted connection can be reset (a closed port refuses): the server took it and
    // dropped it before its greeting, and the JDK reports that from connect when the reset lands
    // before connect returns, which on loopback is a race with the first read.
    if (mentions(e, "connection reset")) {
      return new Failure(Phase.BANNER, FailureReason.CONNECTION_CLOSED, detail);
    }
    // "Protocol family unavailable", "Cannot assign requested address": no usable route.
    return new Failure(Phase.CONNECT, FailureReason.UNREACHABLE, detail);
  }

  /** A failed read or write while exchanging SMTP commands and replies in {@code phase}. */
  static Failure exchange(Phase phase, IOException e) {
    if (e instanceof SmtpProtocolException protocol) {
      FailureReason reason =
          protocol.kind() == SmtpProtocolException.Kind.CLOSED
              ? FailureReason.CONNECTION_CLOSED
              : FailureReason.PROTOCOL;
      return new Failure(phase, reason, protocol.getMessage());
    }
    if (e instanceof SocketTimeoutException) {
      return new Failure(phase, FailureReason.TIMEOUT, "no complete reply in time");
    }
    // Reset, broken pipe: the server went away mid-dialogue.
    return new Failure(phase, FailureReason.CONNECTION_CLOSED, describe(e));
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank()
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + message;
  }

  private static boolean mentions(IOException e, String words) {
    String message = e.getMessage();
    return message != null && message.toLowerCase(Locale.ROOT).contains(words);
  }
}
