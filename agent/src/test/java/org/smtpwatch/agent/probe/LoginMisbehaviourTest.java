package org.smtpwatch.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.agent.testkit.Script.script;
import static org.smtpwatch.agent.testkit.TestEndpoints.EHLO_NAME;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpwatch.agent.testkit.Script;
import org.smtpwatch.agent.testkit.ScriptedSmtpServer;
import org.smtpwatch.config.AuthSpec;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.Mode;
import org.smtpwatch.config.TlsPolicy;

/**
 * Servers that make logging in go wrong, scripted over real STARTTLS: the probe never sends
 * credentials before TLS, and ends within its deadline however the server behaves.
 */
class LoginMisbehaviourTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final Duration SCRIPT_WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;

  private LoginFixture fixture;
  private ScriptedSmtpServer server;

  @BeforeEach
  void setUp() throws IOException {
    fixture = new LoginFixture(dir);
  }

  @AfterEach
  void stopServer() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void authOfferedOnlyBeforeTlsIsUnavailableAndNoCredentialsAreSent() throws Exception {
    Script session =
        upToTls("250-AUTH PLAIN LOGIN", "250 STARTTLS")
            .expect("EHLO " + EHLO_NAME)
            .send("250-localhost", "250 8BITMIME")
            .expect("QUIT")
            .send("221 bye");
    server = ScriptedSmtpServer.start(session, session);

    ProbeResult result = fixture.prober.probe(endpoint(Mode.STARTTLS, fixture.verified()));

    server.awaitFinished(2, SCRIPT_WAIT);
    assertThat(result.success()).isTrue();
    assertThat(result.authBeforeTls()).isTrue();
    assertThat(result.auth().failure().reason()).isEqualTo(FailureReason.AUTH_UNAVAILABLE);
    assertThat(result.auth().failure().detail())
        .isEqualTo("AUTH is offered only before STARTTLS; credentials are never sent before TLS");
    assertThat(server.received()).noneMatch(line -> line.toUpperCase().startsWith("AUTH"));
  }

  @Test
  void aServerThatStallsAfterAuthEndsTheProbeWithinItsDeadline() throws Exception {
    Script probe = loggedInSessionWithAuth().expect("QUIT").send("221 bye");
    Script stall = loggedInSessionWithAuth().expect("AUTH").stallUntilClientCloses();
    server = ScriptedSmtpServer.start(probe, stall);

    ProbeResult result = fixture.prober.probe(endpoint(Mode.STARTTLS, fixture.verified()));

    server.awaitFinished(2, SCRIPT_WAIT);
    assertThat(result.success()).isTrue();
    assertThat(result.auth().success()).isFalse();
    assertThat(result.auth().failure().reason()).isEqualTo(FailureReason.TIMEOUT);
    // Bounded by the deadline (plus the alarm's grace and scheduling slack), not by the server.
    assertThat(result.duration()).isLessThan(TIMEOUT.plusSeconds(1));
  }

  @Test
  void noSharedMechanismIsUnavailable() throws Exception {
    Script probe = loggedInSession("250 AUTH CRAM-MD5").expect("QUIT").send("221 bye");
    Script login = loggedInSession("250 AUTH CRAM-MD5").stallUntilClientCloses();
    server = ScriptedSmtpServer.start(probe, login);

    ProbeResult result = fixture.prober.probe(endpoint(Mode.STARTTLS, fixture.verified()));

    server.awaitFinished(2, SCRIPT_WAIT);
    assertThat(result.auth().failure().reason()).isEqualTo(FailureReason.AUTH_UNAVAILABLE);
    assertThat(result.auth().failure().detail())
        .isEqualTo("the server offers none of the configured mechanisms (PLAIN, LOGIN)");
    assertThat(server.received()).noneMatch(line -> line.toUpperCase().startsWith("AUTH"));
  }

  @Test
  void withoutStartTlsNoLoginIsTriedUnlessPlaintextIsAllowed() throws Exception {
    Script session =
        script()
            .send("220 localhost ESMTP")
            .expect("EHLO " + EHLO_NAME)
            .send("250-localhost", "250 AUTH PLAIN")
            .expect("QUIT")
            .send("221 bye");
    server = ScriptedSmtpServer.start(session);
    TlsPolicy optional = new TlsPolicy(false, true, fixture.caFile, null, null);

    ProbeResult result = fixture.prober.probe(endpoint(Mode.STARTTLS, optional));

    server.awaitFinished(1, SCRIPT_WAIT);
    assertThat(result.success()).isTrue();
    assertThat(result.auth().failure().reason()).isEqualTo(FailureReason.AUTH_UNAVAILABLE);
    assertThat(result.auth().failure().detail()).contains("did not offer STARTTLS");
    assertThat(server.connectionCount()).isEqualTo(1);
  }

  private Endpoint endpoint(Mode mode, TlsPolicy tls) {
    AuthSpec auth = fixture.auth();
    Endpoint plain =
        org.smtpwatch.agent.testkit.TestEndpoints.endpoint(
            "localhost", server.port(), mode, tls, TIMEOUT);
    return LoginFixture.withAuth(plain, auth);
  }

  private SSLContext tls() {
    return fixture.certificates.serverContext();
  }

  private Script upToTls(String... ehlo) {
    String[] lines = new String[ehlo.length + 1];
    lines[0] = "250-localhost";
    System.arraycopy(ehlo, 0, lines, 1, ehlo.length);
    return script()
        .send("220 localhost ESMTP")
        .expect("EHLO " + EHLO_NAME)
        .send(lines)
        .expect("STARTTLS")
        .send("220 go ahead")
        .startTls(tls());
  }

  private Script loggedInSessionWithAuth() {
    return loggedInSession("250 AUTH PLAIN LOGIN");
  }

  /** Greeting, EHLO, STARTTLS, EHLO again answered with {@code lastEhloLine}. */
  private Script loggedInSession(String lastEhloLine) {
    return upToTls("250 STARTTLS").expect("EHLO " + EHLO_NAME).send("250-localhost", lastEhloLine);
  }
}
