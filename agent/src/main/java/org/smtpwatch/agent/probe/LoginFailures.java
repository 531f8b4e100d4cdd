package org.smtpwatch.agent.probe;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * Turns what Angus Mail threw into a {@link Failure} in phase {@code auth}. Details quote the
 * server's reply, never the password: as a last guard, anything that looks like the password (or
 * its base64 form) is cut out of the text.
 */
final class LoginFailures {

  private final String password;
  private final Deadline deadline;

  LoginFailures(String password, Deadline deadline) {
    this.password = password;
    this.deadline = deadline;
  }

  Failure classify(MessagingException e, List<String> mechanisms) {
    String message = text(e);
    if (timedOut(e)) {
      return failure(
          FailureReason.TIMEOUT,
          "the login session did not finish before the probe's deadline"
              + (message.isEmpty() ? "" : " (" + message + ")"));
    }
    if (e instanceof AuthenticationFailedException) {
      if (message.startsWith("No authentication mechanisms")) {
        return failure(
            FailureReason.AUTH_UNAVAILABLE,
            "the server offers none of the configured mechanisms ("
                + String.join(", ", mechanisms)
                + ")");
      }
      return failure(FailureReason.AUTH_FAILED, "the server refused the login: " + message);
    }
    if (message.toUpperCase(Locale.ROOT).contains("STARTTLS IS REQUIRED")) {
      return failure(
          FailureReason.STARTTLS_NOT_OFFERED,
          "the login session was not offered STARTTLS; credentials are only sent over TLS");
    }
    if (hasCause(e, SSLException.class)) {
      return failure(
          FailureReason.TLS_HANDSHAKE,
          "the login session's TLS handshake failed (credentials go only to a server whose"
              + " certificate verifies): "
              + message);
    }
    if (hasCause(e, ConnectException.class)) {
      return failure(
          FailureReason.CONNECT_REFUSED, "the login session could not connect: " + message);
    }
    return failure(FailureReason.CONNECTION_CLOSED, "the login session failed: " + message);
  }

  /** Text safe to show: the exception chain's messages, without the password in any form. */
  String text(Throwable e) {
    String text =
        chain(e).stream()
            .map(Throwable::getMessage)
            .filter(m -> m != null && !m.isBlank())
            .map(String::strip)
            .distinct()
            .collect(Collectors.joining(": "));
    return redact(text);
  }

  String redact(String text) {
    String redacted = text;
    if (!password.isEmpty()) {
      redacted = redacted.replace(password, "[redacted]");
      String base64 = Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8));
      redacted = redacted.replace(base64, "[redacted]");
    }
    return redacted.replaceAll("[\\r\\n]+", " ");
  }

  private boolean timedOut(MessagingException e) {
    return deadline.expired() || hasCause(e, SocketTimeoutException.class);
  }

  private static Failure failure(FailureReason reason, String detail) {
    return new Failure(Phase.AUTH, reason, detail);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    return chain(e).stream().anyMatch(type::isInstance);
  }

  private static List<Throwable> chain(Throwable e) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
      if (t instanceof MessagingException m
          && m.getNextException() != null
          && t.getCause() == null) {
        chain.add(m.getNextException());
      }
    }
    return chain;
  }
}
