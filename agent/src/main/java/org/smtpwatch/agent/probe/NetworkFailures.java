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
    if (e instanceof NoRouteToHostException || mentionsUnreachable(e)) {
      return new Failure(Phase.CONNECT, FailureReason.UNREACHABLE, detail);
    }
    if (e instanceof ConnectException) {
      return new Failure(Phase.CONNECT, FailureReason.CONNECT_REFUSED, detail);
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

  private static boolean mentionsUnreachable(IOException e) {
    String message = e.getMessage();
    return message != null && message.toLowerCase(Locale.ROOT).contains("unreachable");
  }
}
