package org.smtpwatch.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.agent.probe.LoginFixture.PASSWORD;
import static org.smtpwatch.agent.probe.LoginFixture.USER;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpwatch.agent.testkit.TestEndpoints;
import org.smtpwatch.config.AuthSpec;
import org.smtpwatch.config.Mode;
import org.smtpwatch.config.SendSpec;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * Logging in (and sending) against a real SMTP server (SubEthaSMTP) with AUTH PLAIN/LOGIN, over
 * STARTTLS and over implicit TLS.
 */
class LoginProbeTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @TempDir Path dir;

  private LoginFixture fixture;
  private final List<String> delivered = new CopyOnWriteArrayList<>();
  private final List<SMTPServer> servers = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    fixture = new LoginFixture(dir);
  }

  @AfterEach
  void stopServers() {
    servers.forEach(SMTPServer::stop);
  }

  @Test
  void theRightPasswordLogsInOverStartTls() {
    SMTPServer server = start(builder(true).enableTLS().requireTLS().startTlsSocketFactory(tls()));
    Transcript transcript = Transcript.recording();

    ProbeResult result =
        fixture.prober.probe(
            fixture.endpoint(server.getPortAllocated(), Mode.STARTTLS, fixture.auth(), TIMEOUT),
            transcript);

    assertThat(result.failure()).as("%s", transcript.lines()).isNull();
    assertThat(result.auth()).isNotNull();
    assertThat(result.auth().failure()).as("%s", transcript.lines()).isNull();
    assertThat(result.auth().success()).isTrue();
    assertThat(result.auth().mechanism()).isEqualTo("PLAIN");
    assertThat(result.auth().plaintext()).isFalse();
    assertThat(result.auth().send()).isNull();
    assertThat(result.phaseDuration(Phase.AUTH)).isPresent();
  }

  @Test
  void aWrongPasswordIsAuthFailedWhileThePortIsUp() throws IOException {
    SMTPServer server = start(builder(true).enableTLS().requireTLS().startTlsSocketFactory(tls()));
    Path wrong = LoginFixture.writePrivate(dir.resolve("wrong.pass"), "not-the-password");

    ProbeResult result =
        fixture.prober.probe(
            fixture.endpoint(
                server.getPortAllocated(),
                Mode.STARTTLS,
                fixture.auth(wrong, List.of(), null),
                TIMEOUT));

    assertThat(result.success()).isTrue();
    assertThat(result.auth().success()).isFalse();
    assertThat(result.auth().failure().phase()).isEqualTo(Phase.AUTH);
    assertThat(result.auth().failure().reason()).isEqualTo(FailureReason.AUTH_FAILED);
    assertThat(result.auth().failure().detail()).contains("535");
    assertThat(result.phaseDuration(Phase.AUTH)).isEmpty();
  }

  @Test
  void implicitTlsLogsInWithTheConfiguredMechanismAndSendsAMarkedMessage() {
    SMTPServer server = start(builder(true).serverSocketFactory(tls()));
    SendSpec send = new SendSpec(USER, "sink@smtpwatch.test", "probe subject");

    ProbeResult result =
        fixture.prober.probe(
            fixture.endpoint(
                server.getPortAllocated(),
                Mode.TLS,
                fixture.auth(fixture.passwordFile, List.of("LOGIN"), send),
                TIMEOUT));

    assertThat(result.auth().failure()).isNull();
    assertThat(result.auth().mechanism()).isEqualTo("LOGIN");
    SendResult sent = result.auth().send();
    assertThat(sent.detail()).isNull();
    assertThat(sent.success()).isTrue();
    assertThat(sent.messageId()).matches("<smtpwatch\\.[0-9a-f-]{36}@probe\\.smtpwatch\\.test>");
    String id = sent.messageId().substring("<smtpwatch.".length(), sent.messageId().indexOf('@'));
    assertThat(delivered)
        .singleElement()
        .asString()
        .contains("Message-ID: " + sent.messageId())
        .contains("X-Smtpwatch-Probe: " + id)
        .contains("Subject: probe subject")
        .startsWith("FROM " + USER + " TO sink@smtpwatch.test");
  }

  @Test
  void aServerWithoutAuthIsAuthUnavailable() {
    SMTPServer server = start(builder(false).enableTLS().requireTLS().startTlsSocketFactory(tls()));

    ProbeResult result =
        fixture.prober.probe(
            fixture.endpoint(server.getPortAllocated(), Mode.STARTTLS, fixture.auth(), TIMEOUT));

    assertThat(result.success()).isTrue();
    assertThat(result.auth().success()).isFalse();
    assertThat(result.auth().failure().reason()).isEqualTo(FailureReason.AUTH_UNAVAILABLE);
    assertThat(result.auth().failure().detail())
        .isEqualTo("the server does not offer AUTH over TLS");
  }

  @Test
  void plaintextLoginOnlyWhenAllowedAndThenReportedAsSuch() {
    SMTPServer server = start(builder(true));
    AuthSpec allowed = new AuthSpec(USER, null, "PROBE_PASSWORD", List.of(), true);
    SmtpProber prober =
        new SmtpProber(LoginFixture.LOCALHOST, Map.of("PROBE_PASSWORD", PASSWORD)::get);

    ProbeResult result =
        prober.probe(
            LoginFixture.withAuth(
                TestEndpoints.endpoint(
                    "localhost",
                    server.getPortAllocated(),
                    Mode.PLAIN,
                    TestEndpoints.noTls(),
                    TIMEOUT),
                allowed));

    assertThat(result.auth().failure()).isNull();
    assertThat(result.auth().success()).isTrue();
    assertThat(result.auth().plaintext()).isTrue();
  }

  @Test
  void aPortThatIsDownIsNotLoggedIntoAndSaysSo() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    SendSpec send = new SendSpec(USER, "sink@smtpwatch.test", "probe");

    ProbeResult result =
        fixture.prober.probe(
            fixture.endpoint(
                closed,
                Mode.STARTTLS,
                fixture.auth(fixture.passwordFile, List.of(), send),
                TIMEOUT));

    assertThat(result.failure().reason()).isEqualTo(FailureReason.CONNECT_REFUSED);
    assertThat(result.auth().success()).isFalse();
    assertThat(result.auth().failure().reason()).isEqualTo(FailureReason.CONNECT_REFUSED);
    assertThat(result.auth().failure().detail()).startsWith("not attempted");
    assertThat(result.auth().send().success()).isFalse();
  }

  private javax.net.ssl.SSLContext tls() {
    return fixture.certificates.serverContext();
  }

  private SMTPServer.Builder builder(boolean withAuth) {
    SMTPServer.Builder builder =
        SMTPServer.port(0)
            .bindAddress(InetAddress.getLoopbackAddress())
            .hostName("localhost")
            .messageHandler(
                (context, from, to, data) ->
                    delivered.add(
                        "FROM "
                            + from
                            + " TO "
                            + to
                            + "\n"
                            + new String(data, StandardCharsets.UTF_8)));
    if (withAuth) {
      builder.authenticationHandlerFactory(
          new EasyAuthenticationHandlerFactory(
              (user, password, context) -> {
                if (!USER.equals(user) || !PASSWORD.equals(password)) {
                  throw new LoginFailedException();
                }
              }));
    }
    return builder;
  }

  private SMTPServer start(SMTPServer.Builder builder) {
    SMTPServer server = builder.build();
    server.start();
    servers.add(server);
    return server;
  }
}
