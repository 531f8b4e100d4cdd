package org.smtpwatch.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.smtpwatch.agent.testkit.TestEndpoints;
import org.smtpwatch.agent.testkit.postfix.PostfixExtension;
import org.smtpwatch.agent.testkit.postfix.PostfixInstance;
import org.smtpwatch.agent.testkit.postfix.PostfixListener;
import org.smtpwatch.config.AuthSpec;
import org.smtpwatch.config.SendSpec;
import org.smtpwatch.config.TlsPolicy;

/**
 * Authenticated submission against Debian's Postfix with Dovecot SASL: the test user logs in, a
 * wrong password is told apart from a port that is down, and a sent probe message arrives in the
 * user's mailbox.
 */
class PostfixLoginTest {

  @RegisterExtension static final PostfixExtension POSTFIX = new PostfixExtension();

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir Path dir;

  @AfterEach
  void restore() {
    POSTFIX.instance().restoreListener(PostfixListener.SUBMISSION_587);
  }

  @Test
  void theTestUserLogsInOverStartTls() throws IOException {
    ProbeResult result = probe(PostfixListener.SUBMISSION_587, auth(password(), null));

    assertThat(result.failure()).isNull();
    assertThat(result.auth().failure()).isNull();
    assertThat(result.auth().success()).isTrue();
    assertThat(result.auth().mechanism()).isEqualTo("PLAIN");
    assertThat(result.auth().plaintext()).isFalse();
  }

  @Test
  void aWrongPasswordIsAuthFailedAndAStoppedPortIsDown() throws IOException {
    Path wrong = LoginFixture.writePrivate(dir.resolve("wrong.pass"), "wrong-password");

    ProbeResult loginBroken = probe(PostfixListener.SUBMISSION_587, auth(wrong, null));

    assertThat(loginBroken.success()).as("the port is up").isTrue();
    assertThat(loginBroken.auth().success()).isFalse();
    assertThat(loginBroken.auth().failure().reason()).isEqualTo(FailureReason.AUTH_FAILED);
    assertThat(loginBroken.auth().failure().detail()).contains("535");

    POSTFIX.instance().stopListener(PostfixListener.SUBMISSION_587);
    ProbeResult portDown = probe(PostfixListener.SUBMISSION_587, auth(password(), null));

    assertThat(portDown.success()).isFalse();
    assertThat(portDown.failure().reason()).isEqualTo(FailureReason.CONNECT_REFUSED);
    assertThat(portDown.auth().success()).isFalse();
    assertThat(portDown.auth().failure().detail()).startsWith("not attempted");
  }

  @Test
  void aSentProbeMessageArrivesInTheMailbox() throws IOException {
    PostfixInstance postfix = POSTFIX.instance();
    int before = postfix.deliveredMessages().size();
    SendSpec send = new SendSpec(postfix.username(), postfix.username(), "smtpwatch probe");

    ProbeResult result = probe(PostfixListener.SUBMISSIONS_465, auth(password(), send));

    assertThat(result.auth().failure()).isNull();
    SendResult sent = result.auth().send();
    assertThat(sent.detail()).isNull();
    assertThat(sent.success()).isTrue();
    List<String> delivered = postfix.awaitDeliveredMessages(before + 1, Duration.ofSeconds(20));
    String id = sent.messageId().substring("<smtpwatch.".length(), sent.messageId().indexOf('@'));
    assertThat(delivered)
        .anySatisfy(
            message ->
                assertThat(message)
                    .contains("Message-ID: " + sent.messageId())
                    .contains("X-Smtpwatch-Probe: " + id)
                    .contains("Subject: smtpwatch probe"));
  }

  private Path password() throws IOException {
    return LoginFixture.writePrivate(dir.resolve("user.pass"), POSTFIX.instance().password());
  }

  private static AuthSpec auth(Path passwordFile, SendSpec send) {
    return new AuthSpec(POSTFIX.instance().username(), passwordFile, null, List.of(), false, send);
  }

  private static ProbeResult probe(PostfixListener listener, AuthSpec auth) {
    PostfixInstance postfix = POSTFIX.instance();
    return new SmtpProber(postfix.resolver())
        .probe(
            LoginFixture.withAuth(
                TestEndpoints.endpoint(
                    postfix.hostName(),
                    postfix.port(listener),
                    listener.mode(),
                    new TlsPolicy(true, true, postfix.caFile(), null, null),
                    TIMEOUT),
                auth));
  }
}
