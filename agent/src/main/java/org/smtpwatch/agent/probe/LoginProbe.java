package org.smtpwatch.agent.probe;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.smtpwatch.agent.probe.LoginSessionProperties.Channel;
import org.smtpwatch.agent.tls.TlsHandshakers;
import org.smtpwatch.agent.tls.TlsSetupException;
import org.smtpwatch.config.AuthSpec;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.Mode;

/**
 * Authenticated submission after the handshake probe: a new connection to the address the probe
 * reached, on an Angus Mail session of its own, under what is left of the probe's deadline. Logs in
 * (over TLS unless {@code allow_plaintext_auth} says otherwise) and, with {@code send:}, submits
 * one test message. Never throws for what the server does: the outcome is an {@link AuthResult}.
 */
final class LoginProbe {

  private final Endpoint endpoint;
  private final AuthSpec auth;
  private final Deadline deadline;
  private final ProbeAlarm alarm;
  private final ScheduledExecutorService writeTimeouts;
  private final TlsHandshakers handshakers;
  private final PasswordSource passwords;
  private final Transcript transcript;

  LoginProbe(
      Endpoint endpoint,
      Deadline deadline,
      ProbeAlarm alarm,
      ScheduledExecutorService writeTimeouts,
      TlsHandshakers handshakers,
      PasswordSource passwords,
      Transcript transcript) {
    this.endpoint = endpoint;
    this.auth = endpoint.auth();
    this.deadline = deadline;
    this.alarm = alarm;
    this.writeTimeouts = writeTimeouts;
    this.handshakers = handshakers;
    this.passwords = passwords;
    this.transcript = transcript;
  }

  /**
   * @param handshake the handshake probe's failure, {@code null} if it succeeded; a login is only
   *     tried on an endpoint that passed
   * @param address the IP address the probe connected to: the login goes there, with no second DNS
   *     lookup
   */
  AuthResult run(Failure handshake, String address, boolean startTlsOffered, boolean authBefore) {
    if (handshake != null) {
      return failed(
          Duration.ZERO,
          new Failure(
              Phase.AUTH,
              handshake.reason(),
              "not attempted: the handshake probe failed in " + handshake.phase().label()),
          false);
    }
    Optional<Channel> channel = channel(startTlsOffered);
    if (channel.isEmpty()) {
      return unavailable(
          "the server did not offer STARTTLS; credentials are sent only over TLS unless"
              + " allow_plaintext_auth is true");
    }
    String password;
    try {
      password = passwords.password(auth);
    } catch (PasswordSource.Unavailable e) {
      return unavailable(e.getMessage());
    }
    return login(channel.get(), address, password, authBefore);
  }

  private Optional<Channel> channel(boolean startTlsOffered) {
    if (endpoint.mode() == Mode.TLS) {
      return Optional.of(Channel.IMPLICIT_TLS);
    }
    if (endpoint.mode() == Mode.STARTTLS && startTlsOffered) {
      return Optional.of(Channel.STARTTLS);
    }
    return auth.allowPlaintextAuth() ? Optional.of(Channel.PLAINTEXT) : Optional.empty();
  }

  private AuthResult login(Channel channel, String address, String password, boolean authBefore) {
    LoginFailures failures = new LoginFailures(password, deadline);
    boolean plaintext = channel == Channel.PLAINTEXT;
    Session session;
    try {
      session = session(channel);
    } catch (TlsSetupException e) {
      return failed(Duration.ZERO, failure(FailureReason.TLS_HANDSHAKE, e.getMessage()), plaintext);
    } catch (SocketTimeoutException e) {
      return failed(
          Duration.ZERO, failure(FailureReason.TIMEOUT, "no time left for the login"), plaintext);
    }
    note(
        "login as "
            + auth.username()
            + " on a new connection"
            + (plaintext
                ? " WITHOUT TLS (allow_plaintext_auth: true)"
                : " over " + channel.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
    long start = System.nanoTime();
    Transport transport = null;
    try {
      transport = session.getTransport(channel.protocol());
      transport.connect(address, endpoint.port(), auth.username(), password);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      Optional<String> mechanism = mechanismUsed((SMTPTransport) transport);
      if (mechanism.isEmpty()) {
        return failed(
            took, failure(FailureReason.AUTH_UNAVAILABLE, noAuth(channel, authBefore)), plaintext);
      }
      note("login succeeded with " + mechanism.get());
      SendResult send = auth.send() == null ? null : send(session, transport, failures);
      return new AuthResult(true, mechanism.get(), took, null, plaintext, send);
    } catch (MessagingException e) {
      Failure failure = failures.classify(e, auth.effectiveMechanisms());
      return failed(Duration.ofNanos(System.nanoTime() - start), failure, plaintext);
    } finally {
      closeQuietly(transport);
    }
  }

  private Session session(Channel channel) throws TlsSetupException, SocketTimeoutException {
    SSLSocketFactory tls =
        handshakers
            .forPolicy(endpoint.tls())
            .credentialSocketFactory(endpoint.host(), alarm::guard);
    return Session.getInstance(
        LoginSessionProperties.build(
            channel,
            auth,
            endpoint.ehloName(),
            deadline.socketTimeoutMillis(),
            tls,
            new GuardedSocketFactory(alarm),
            writeTimeouts));
  }

  /**
   * Angus Mail logs in only if the server offers AUTH, and otherwise connects as if nothing were
   * missing; so a login counts only when AUTH was offered. Angus Mail then uses the first
   * configured mechanism the server offers, which is the one reported.
   */
  private Optional<String> mechanismUsed(SMTPTransport transport) {
    String offered = transport.getExtensionParameter("AUTH");
    if (offered == null) {
      return Optional.empty();
    }
    List<String> server = Arrays.asList(offered.toUpperCase(Locale.ROOT).trim().split("\\s+"));
    return auth.effectiveMechanisms().stream().filter(server::contains).findFirst();
  }

  private static String noAuth(Channel channel, boolean authBefore) {
    if (channel == Channel.STARTTLS && authBefore) {
      return "AUTH is offered only before STARTTLS; credentials are never sent before TLS";
    }
    return "the server does not offer AUTH" + (channel == Channel.PLAINTEXT ? "" : " over TLS");
  }

  private SendResult send(Session session, Transport transport, LoginFailures failures) {
    String id = ProbeMessage.newId();
    String messageId = ProbeMessage.messageId(id, endpoint.ehloName());
    long start = System.nanoTime();
    try {
      MimeMessage message = ProbeMessage.build(session, auth.send(), id, endpoint.ehloName());
      transport.sendMessage(message, message.getAllRecipients());
      note("test message " + messageId + " accepted");
      return new SendResult(true, Duration.ofNanos(System.nanoTime() - start), messageId, null);
    } catch (MessagingException e) {
      String detail = (deadline.expired() ? "timed out: " : "") + failures.text(e);
      note("test message refused: " + detail);
      return new SendResult(false, Duration.ofNanos(System.nanoTime() - start), messageId, detail);
    }
  }

  private AuthResult unavailable(String detail) {
    return failed(Duration.ZERO, failure(FailureReason.AUTH_UNAVAILABLE, detail), false);
  }

  private AuthResult failed(Duration took, Failure failure, boolean plaintext) {
    note("login failed: " + failure.reason().label() + ": " + failure.detail());
    SendResult send =
        auth.send() == null ? null : SendResult.notAttempted("not attempted: the login failed");
    return new AuthResult(false, null, took, failure, plaintext, send);
  }

  private static Failure failure(FailureReason reason, String detail) {
    return new Failure(Phase.AUTH, reason, detail);
  }

  private static void closeQuietly(Transport transport) {
    if (transport == null) {
      return;
    }
    try {
      transport.close();
    } catch (MessagingException | RuntimeException e) {
      // The login's outcome is known; a failed QUIT adds nothing to it.
    }
  }

  private void note(String text) {
    transcript.add(deadline.elapsedNanos(), Transcript.Direction.NOTE, text);
  }
}
