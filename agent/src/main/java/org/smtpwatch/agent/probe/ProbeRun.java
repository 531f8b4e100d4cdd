package org.smtpwatch.agent.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smtpwatch.agent.ocsp.OcspReport;
import org.smtpwatch.agent.smtp.EhloCapabilities;
import org.smtpwatch.agent.tls.TlsHandshakers;
import org.smtpwatch.config.Endpoint;

/** One probe of one endpoint: resolve, connect, then the session its mode asks for. */
final class ProbeRun {

  private static final Logger log = LoggerFactory.getLogger(ProbeRun.class);

  /** Rejections after which the session is still in step and a QUIT is polite. */
  private static final Set<FailureReason> POLITE_QUIT =
      Set.of(
          FailureReason.GREETING_REJECTED,
          FailureReason.EHLO_REJECTED,
          FailureReason.STARTTLS_REJECTED,
          FailureReason.STARTTLS_NOT_OFFERED);

  private final Endpoint endpoint;
  private final Transcript transcript;
  private final BoundedResolution resolution;
  private final Deadline deadline;
  private final ProbeAlarm alarm;
  private final TlsHandshakers handshakers;
  private final ScheduledExecutorService alarmTimer;
  private final PasswordSource passwords;
  private final RevocationCheck revocation;
  private final ProbeFindings findings = new ProbeFindings();
  private SmtpChannel channel;

  ProbeRun(
      Endpoint endpoint,
      Transcript transcript,
      BoundedResolution resolution,
      ScheduledExecutorService alarmTimer,
      TlsHandshakers handshakers,
      PasswordSource passwords,
      RevocationCheck revocation) {
    this.endpoint = endpoint;
    this.alarmTimer = alarmTimer;
    this.passwords = passwords;
    this.handshakers = handshakers;
    this.revocation = revocation;
    this.transcript = transcript;
    this.resolution = resolution;
    this.deadline = Deadline.after(endpoint.timeout());
    this.alarm = new ProbeAlarm(alarmTimer, deadline);
  }

  ProbeResult execute() {
    Instant startedAt = Instant.now();
    Failure failure;
    try {
      failure = handshakeProbe();
      if (failure != null) {
        note("probe failed: " + failure.reason().label() + ": " + failure.detail());
      }
      if (endpoint.auth() != null) {
        findings.auth(login(failure));
      }
    } finally {
      alarm.close();
    }
    // The SMTP probe's own time (login included); an OCSP query after it is not part of the mail
    // server's answer.
    Duration duration = deadline.elapsed();
    OcspReport ocsp =
        revocation.report(
            endpoint, findings.ocspSubject(), findings.stapledOcsp(), deadline, transcript);
    return findings.toResult(endpoint, startedAt, duration, failure, ocsp);
  }

  /** The SMTP session of the endpoint's mode; its failure, or {@code null} when it passed. */
  private Failure handshakeProbe() {
    try {
      run();
      return null;
    } catch (StepFailure e) {
      // A failure the alarm caused reads as the timeout it is; one that already is a timeout
      // (a silent greeting, then the implicit-TLS check cut short) keeps its own detail.
      boolean cut = alarm.rang() && e.failure().reason() != FailureReason.TIMEOUT;
      return cut ? cutAtDeadline(e.failure().phase()) : e.failure();
    } catch (RuntimeException e) {
      // Last resort so the schedule keeps running; tests assert no probe ends up here.
      log.error("probe of {} failed with a bug", endpoint.target(), e);
      return new Failure(
          findings.currentPhase(),
          FailureReason.PROTOCOL,
          "internal error: " + NetworkFailures.describe(e));
    } finally {
      if (channel != null) {
        channel.close();
      }
    }
  }

  /** The login after the handshake probe, still under the probe's deadline and alarm. */
  private AuthResult login(Failure handshake) {
    findings.begin(Phase.AUTH);
    try {
      return new LoginProbe(
              endpoint, deadline, alarm, alarmTimer, handshakers, passwords, transcript)
          .run(handshake, findings.address(), findings.startTlsOffered(), findings.authBeforeTls());
    } catch (RuntimeException e) {
      // Never with the exception itself: its message could quote what was sent.
      log.error(
          "login probe of {} failed with a bug: {}", endpoint.target(), e.getClass().getName());
      return new AuthResult(
          false,
          null,
          Duration.ZERO,
          new Failure(
              Phase.AUTH,
              FailureReason.PROTOCOL,
              "internal error: " + e.getClass().getSimpleName()));
    }
  }

  /**
   * The alarm closed the socket at the deadline. Whether the server was silent or trickling, the
   * step's own read timeout and the alarm race (the alarm wins on a busy machine), so the detail
   * says only what is certain, in the same words as the read timeout.
   */
  private Failure cutAtDeadline(Phase phase) {
    return new Failure(
        phase,
        FailureReason.TIMEOUT,
        "the probe's deadline of "
            + endpoint.timeout().toMillis()
            + " ms passed during "
            + phase.label()
            + ": no complete reply in time");
  }

  private void run() throws StepFailure {
    List<InetAddress> addresses = AddressOrder.order(resolve(), endpoint.ipPreference());
    channel = connect(addresses);
    SmtpSession session =
        new SmtpSession(channel, endpoint, deadline, findings, alarm, handshakers);
    try {
      switch (endpoint.mode()) {
        case PLAIN -> plain(session);
        case STARTTLS -> startTls(session);
        case TLS -> implicitTls(session);
      }
    } catch (StepFailure e) {
      if (POLITE_QUIT.contains(e.failure().reason())) {
        session.quitAfterRejection();
      }
      throw e;
    }
  }

  private void plain(SmtpSession session) throws StepFailure {
    session.greet();
    session.ehlo();
    session.quit();
  }

  private void startTls(SmtpSession session) throws StepFailure {
    session.greet();
    EhloCapabilities capabilities = session.ehlo();
    if (capabilities.offersStartTls()) {
      session.startTls();
      session.handshake();
      session.ehlo();
    } else if (endpoint.tls().required()) {
      // The phase that could not happen, so alerts read "starttls: starttls_not_offered".
      throw new StepFailure(
          Phase.STARTTLS,
          FailureReason.STARTTLS_NOT_OFFERED,
          "EHLO did not offer STARTTLS and the endpoint requires TLS");
    }
    session.quit();
  }

  private void implicitTls(SmtpSession session) throws StepFailure {
    session.handshake();
    session.greet();
    session.ehlo();
    session.quit();
  }

  private List<InetAddress> resolve() throws StepFailure {
    findings.begin(Phase.RESOLVE);
    long start = System.nanoTime();
    List<InetAddress> addresses = resolution.resolve(endpoint.host(), deadline);
    findings.completed(Phase.RESOLVE, System.nanoTime() - start);
    note(
        "resolved "
            + endpoint.host()
            + " to "
            + addresses.stream().map(InetAddress::getHostAddress).toList());
    return addresses;
  }

  private SmtpChannel connect(List<InetAddress> addresses) throws StepFailure {
    findings.begin(Phase.CONNECT);
    long start = System.nanoTime();
    Connector.Connected connected;
    try {
      connected = new Connector().connect(addresses, endpoint.port(), deadline);
    } catch (Connector.Unconnected e) {
      findings.address(e.address().getHostAddress());
      throw new StepFailure(e.failure());
    }
    alarm.guard(connected.socket());
    findings.address(connected.address().getHostAddress());
    findings.completed(Phase.CONNECT, System.nanoTime() - start);
    note("connected to " + Connector.target(connected.address(), endpoint.port()));
    try {
      return new SmtpChannel(connected.socket(), transcript, deadline);
    } catch (IOException e) {
      closeQuietly(connected.socket());
      throw new StepFailure(
          Phase.CONNECT, FailureReason.CONNECTION_CLOSED, NetworkFailures.describe(e));
    }
  }

  private static void closeQuietly(java.net.Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Already failing; the close adds nothing to the result.
    }
  }

  private void note(String text) {
    transcript.add(deadline.elapsedNanos(), Transcript.Direction.NOTE, text);
  }
}
