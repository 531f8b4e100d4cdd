package org.smtpwatch.agent.tls;

import java.io.EOFException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Predicate;
import org.smtpwatch.agent.probe.Failure;
import org.smtpwatch.agent.probe.FailureReason;
import org.smtpwatch.agent.probe.Phase;

/**
 * Maps what the JDK threw during a handshake to one reason from the closed set. The JDK exposes
 * alerts only as message text ({@code Received fatal alert: protocol_version}), so part of this is
 * matching on messages; each pattern below is one the JDK 17 to 25 client actually produces.
 */
final class HandshakeFailureClassifier {

  static final String PLAINTEXT_DETAIL =
      "server sent plaintext; this port does not speak implicit TLS (try mode starttls)";

  Failure classify(Throwable thrown, Duration timeout, String minVersion) {
    if (anyInChain(thrown, SocketTimeoutException.class::isInstance)) {
      return failure(
          FailureReason.TIMEOUT, "no TLS handshake reply within " + timeout.toMillis() + " ms");
    }
    if (anyMessage(thrown, "unsupported or unrecognized ssl message", "plaintext connection")) {
      return failure(FailureReason.MODE_MISMATCH, PLAINTEXT_DETAIL);
    }
    if (anyMessage(
        thrown,
        "protocol_version",
        "no appropriate protocol",
        "not accepted by client preferences",
        "not enabled or supported")) {
      String wanted = minVersion == null ? "the JDK's enabled versions" : minVersion + " or newer";
      return failure(
          FailureReason.TLS_VERSION,
          "no TLS version in common (client offers " + wanted + "): " + message(thrown));
    }
    if (anyInChain(thrown, t -> t instanceof EOFException || t instanceof SocketException)
        || anyMessage(thrown, "remote host terminated", "connection reset", "broken pipe")) {
      return failure(
          FailureReason.CONNECTION_CLOSED,
          "server closed the connection during the TLS handshake: " + message(thrown));
    }
    return failure(FailureReason.TLS_HANDSHAKE, message(thrown));
  }

  private static boolean anyMessage(Throwable thrown, String... fragments) {
    return anyInChain(
        thrown,
        t -> {
          String text = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
          for (String fragment : fragments) {
            if (text.contains(fragment)) {
              return true;
            }
          }
          return false;
        });
  }

  private static boolean anyInChain(Throwable thrown, Predicate<Throwable> test) {
    int depth = 0;
    for (Throwable t = thrown; t != null && depth < 16; t = t.getCause(), depth++) {
      if (test.test(t)) {
        return true;
      }
    }
    return false;
  }

  private static String message(Throwable thrown) {
    String text = thrown.getMessage();
    return text == null || text.isBlank() ? thrown.getClass().getSimpleName() : text;
  }

  private static Failure failure(FailureReason reason, String detail) {
    return new Failure(Phase.TLS_HANDSHAKE, reason, detail);
  }
}
