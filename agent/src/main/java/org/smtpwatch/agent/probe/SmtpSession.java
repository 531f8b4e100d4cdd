package org.smtpwatch.agent.probe;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import org.smtpwatch.agent.smtp.EhloCapabilities;
import org.smtpwatch.agent.smtp.EhloParser;
import org.smtpwatch.agent.smtp.SmtpReply;
import org.smtpwatch.agent.tls.TlsHandshakeResult;
import org.smtpwatch.agent.tls.TlsHandshakers;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.Mode;

/**
 * One SMTP session as an explicit state machine, one method per transition:
 *
 * <pre>
 * CONNECTED --greet--> GREETED --ehlo--> EHLO_DONE --startTls--> STARTTLS_ACCEPTED
 *   --handshake--> TLS_ESTABLISHED --ehlo--> EHLO_TLS_DONE --quit--> CLOSED
 * CONNECTED --handshake--> TLS_CONNECTED --greet--> GREETED   (implicit TLS)
 * </pre>
 *
 * Each transition times its phase and records it once it succeeded. Calling a transition in the
 * wrong state is a bug and throws {@link IllegalStateException}.
 */
final class SmtpSession {

  enum State {
    CONNECTED,
    TLS_CONNECTED,
    GREETED,
    EHLO_DONE,
    STARTTLS_ACCEPTED,
    TLS_ESTABLISHED,
    EHLO_TLS_DONE,
    CLOSED
  }

  /** One exchange on the wire inside a phase. */
  @FunctionalInterface
  private interface Exchange<T> {
    T run() throws IOException, StepFailure;
  }

  private final SmtpChannel channel;
  private final Endpoint endpoint;
  private final Deadline deadline;
  private final StepLimits limits;
  private final ProbeFindings findings;
  private final ProbeAlarm alarm;
  private final TlsHandshakers handshakers;
  private State state = State.CONNECTED;
  private SmtpReply lastReply;

  SmtpSession(
      SmtpChannel channel,
      Endpoint endpoint,
      Deadline deadline,
      ProbeFindings findings,
      ProbeAlarm alarm,
      TlsHandshakers handshakers) {
    this.alarm = alarm;
    this.handshakers = handshakers;
    this.channel = channel;
    this.endpoint = endpoint;
    this.deadline = deadline;
    this.limits = StepLimits.forTimeout(endpoint.timeout());
    this.findings = findings;
  }

  void greet() throws StepFailure {
    require(State.CONNECTED, State.TLS_CONNECTED);
    SmtpReply greeting = inPhase(Phase.BANNER, this::readGreeting);
    state = State.GREETED;
    lastReply = greeting;
  }

  /** EHLO, on the plaintext channel or over TLS depending on the state. */
  EhloCapabilities ehlo() throws StepFailure {
    require(State.GREETED, State.TLS_ESTABLISHED);
    boolean afterStartTls = state == State.TLS_ESTABLISHED;
    Phase phase = afterStartTls ? Phase.EHLO_TLS : Phase.EHLO;
    SmtpReply reply = inPhase(phase, () -> sendEhlo(phase));
    EhloCapabilities capabilities = EhloParser.parse(reply);
    if (afterStartTls || endpoint.mode() == Mode.TLS) {
      findings.encryptedEhlo(capabilities);
    } else {
      findings.plaintextEhlo(capabilities);
    }
    state = afterStartTls ? State.EHLO_TLS_DONE : State.EHLO_DONE;
    return capabilities;
  }

  void startTls() throws StepFailure {
    require(State.EHLO_DONE);
    inPhase(Phase.STARTTLS, this::exchangeStartTls);
    state = State.STARTTLS_ACCEPTED;
  }

  /** Implicit TLS right after connect, or the upgrade after STARTTLS was accepted. */
  void handshake() throws StepFailure {
    require(State.CONNECTED, State.STARTTLS_ACCEPTED);
    boolean implicit = state == State.CONNECTED;
    findings.begin(Phase.TLS_HANDSHAKE);
    long start = System.nanoTime();
    TlsHandshakeResult result =
        TlsUpgrade.handshake(channel.socket(), endpoint, deadline, handshakers);
    findings.tls(result.session(), result.certificate());
    findings.ocsp(result.ocspSubject(), result.stapledOcsp());
    if (result.failure() != null) {
      channel.note(Transcript.Direction.NOTE, "TLS handshake failed: " + result.failure().detail());
      throw new StepFailure(implicit ? result.failure() : afterStartTls(result.failure()));
    }
    findings.completed(Phase.TLS_HANDSHAKE, System.nanoTime() - start);
    channel.note(
        Transcript.Direction.NOTE,
        "TLS established: " + result.session().version() + " " + result.session().cipher());
    attachTls(result);
    if (!implicit) {
      findings.discardPlaintextEhlo();
    }
    state = implicit ? State.TLS_CONNECTED : State.TLS_ESTABLISHED;
  }

  /**
   * QUIT after a successful session. Its failure does not fail the probe (the mail work is done):
   * the phase is simply not recorded and the transcript says why.
   */
  void quit() {
    require(State.EHLO_DONE, State.EHLO_TLS_DONE);
    state = State.CLOSED;
    findings.begin(Phase.QUIT);
    long start = System.nanoTime();
    if (sayGoodbye(limits.quit())) {
      findings.completed(Phase.QUIT, System.nanoTime() - start);
    }
  }

  /**
   * QUIT after the server rejected something, so it logs a clean goodbye rather than a lost
   * connection (RFC 5321 3.1 asks for it after a 554 greeting). Not a phase; errors ignored. Not
   * after 421, which announces the server is closing anyway.
   */
  void quitAfterRejection() {
    if (state != State.CLOSED && lastReply != null && lastReply.code() != 421) {
      state = State.CLOSED;
      sayGoodbye(limits.politeQuit());
    }
  }

  private boolean sayGoodbye(Duration limit) {
    if (deadline.expired()) {
      return false;
    }
    try {
      SmtpReply reply = channel.command("QUIT", deadline.capped(limit));
      return reply.code() == 221;
    } catch (IOException e) {
      channel.note(Transcript.Direction.NOTE, "no reply to QUIT: " + NetworkFailures.describe(e));
      return false;
    }
  }

  private SmtpReply readGreeting() throws IOException, StepFailure {
    // After a slow resolve or connect the probe's deadline can end before the greeting limit; the
    // failure must say how long we actually waited, not the limit we never reached.
    Duration wait = min(limits.greeting(), deadline.remaining());
    SmtpReply greeting;
    try {
      greeting = channel.readReply(deadline.capped(wait));
    } catch (SocketTimeoutException e) {
      throw silentGreeting(wait);
    }
    findings.greeting(greeting);
    return expect(greeting, 220, Phase.BANNER, FailureReason.GREETING_REJECTED, "greeting");
  }

  /**
   * A greeting that did not arrive in time. If nothing at all was heard on a plaintext channel, the
   * port may be waiting for a TLS ClientHello: that is a mode mismatch, not a tarpit.
   */
  private StepFailure silentGreeting(Duration waited) {
    long heard = channel.bytesReceived();
    boolean plaintext = state == State.CONNECTED && endpoint.mode() != Mode.TLS;
    if (plaintext && heard == 0 && !deadline.expired()) {
      channel.note(Transcript.Direction.NOTE, "no greeting; checking for implicit TLS");
      if (ImplicitTlsCheck.speaksImplicitTls(
          channel.remoteAddress(), endpoint, deadline, alarm, handshakers)) {
        return new StepFailure(
            Phase.BANNER,
            FailureReason.MODE_MISMATCH,
            "no greeting, but the port completes a TLS handshake: it speaks implicit TLS; use"
                + " mode tls");
      }
    }
    String partial = heard == 0 ? "nothing received" : heard + " bytes of an incomplete reply";
    return new StepFailure(
        Phase.BANNER,
        FailureReason.TIMEOUT,
        "no greeting within " + waited.toMillis() + " ms (" + partial + ")");
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private SmtpReply sendEhlo(Phase phase) throws IOException, StepFailure {
    SmtpReply reply = channel.command("EHLO " + endpoint.ehloName(), deadline);
    return expect(reply, 250, phase, FailureReason.EHLO_REJECTED, "EHLO");
  }

  private SmtpReply exchangeStartTls() throws IOException, StepFailure {
    SmtpReply reply =
        expect(
            channel.command("STARTTLS", deadline),
            220,
            Phase.STARTTLS,
            FailureReason.STARTTLS_REJECTED,
            "STARTTLS");
    int unread = channel.unreadByteCount();
    if (unread > 0) {
      throw new StepFailure(
          Phase.STARTTLS,
          FailureReason.PROTOCOL,
          "server sent "
              + unread
              + " bytes after its 220 to STARTTLS, before the TLS handshake (response injection)");
    }
    return reply;
  }

  private SmtpReply expect(
      SmtpReply reply, int code, Phase phase, FailureReason reason, String what)
      throws StepFailure {
    lastReply = reply;
    if (reply.code() != code) {
      throw new StepFailure(phase, reason, what + " answered " + reply.summary());
    }
    return reply;
  }

  /**
   * Plaintext where the server's TLS handshake should be is a mode mismatch on a fresh connection,
   * but after the server itself accepted STARTTLS it is a broken or tampered dialogue (late
   * response injection, a middlebox stripping STARTTLS): a protocol error.
   */
  private static Failure afterStartTls(Failure failure) {
    if (failure.reason() != FailureReason.MODE_MISMATCH) {
      return failure;
    }
    // The mode-mismatch detail's advice (try mode starttls) would be wrong here: this is starttls.
    return new Failure(
        failure.phase(),
        FailureReason.PROTOCOL,
        "server sent plaintext instead of a TLS handshake after it accepted STARTTLS");
  }

  private void attachTls(TlsHandshakeResult result) throws StepFailure {
    try {
      channel.attach(result.socket());
    } catch (IOException e) {
      throw new StepFailure(
          Phase.TLS_HANDSHAKE, FailureReason.CONNECTION_CLOSED, NetworkFailures.describe(e));
    }
  }

  private <T> T inPhase(Phase phase, Exchange<T> exchange) throws StepFailure {
    findings.begin(phase);
    long start = System.nanoTime();
    try {
      T value = exchange.run();
      findings.completed(phase, System.nanoTime() - start);
      return value;
    } catch (IOException e) {
      throw new StepFailure(NetworkFailures.exchange(phase, e));
    }
  }

  private void require(State... allowed) {
    if (!Arrays.asList(allowed).contains(state)) {
      throw new IllegalStateException(
          "transition not allowed in state " + state + "; expected " + Arrays.toString(allowed));
    }
  }
}
