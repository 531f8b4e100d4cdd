package org.smtpwatch.agent.testkit.postfix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.probe.SmtpProber;
import org.smtpwatch.agent.probe.Transcript;
import org.smtpwatch.agent.testkit.TestEndpoints;
import org.smtpwatch.config.TlsPolicy;

/** The fixture itself: a private Postfix answers on four listeners, logs in and delivers mail. */
class PostfixInstanceTest {

  @RegisterExtension static final PostfixExtension POSTFIX = new PostfixExtension();

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Test
  void everyListenerPassesAVerifyingProbe() {
    PostfixInstance postfix = POSTFIX.instance();
    SmtpProber prober = new SmtpProber(postfix.resolver());
    for (PostfixListener listener : PostfixListener.values()) {
      Transcript transcript = Transcript.recording();
      ProbeResult result =
          prober.probe(
              TestEndpoints.endpoint(
                  postfix.hostName(),
                  postfix.port(listener),
                  listener.mode(),
                  new TlsPolicy(true, true, postfix.caFile(), null, null),
                  TIMEOUT),
              transcript);

      assertThat(result.failure())
          .as("%s: %s\n%s", listener, transcript.lines(), postfix.log())
          .isNull();
      assertThat(result.banner()).isEqualTo(PostfixInstance.HOST_NAME + " ESMTP Postfix");
      assertThat(result.certificate().trusted()).isTrue();
      assertThat(result.certificate().hostnameMatch()).isTrue();
    }
  }

  @Test
  void theUserLogsInAfterTlsAndTheMessageArrivesInTheMaildir() {
    PostfixInstance postfix = POSTFIX.instance();
    int before = postfix.deliveredMessages().size();
    String body = "delivered through the private Postfix " + System.nanoTime();

    SwaksTranscript sent =
        sendAs(PostfixListener.SUBMISSION_587, "PLAIN", postfix.password(), body);

    assertThat(sent.succeeded()).as("%s", sent).isTrue();
    assertThat(sent.authReply()).startsWith("235 ");
    List<String> messages = postfix.awaitDeliveredMessages(before + 1, TIMEOUT);
    assertThat(messages.get(messages.size() - 1))
        .contains(body)
        .contains("To: " + postfix.username());
  }

  @Test
  void authLoginWorksOnImplicitTls() {
    PostfixInstance postfix = POSTFIX.instance();

    SwaksTranscript sent =
        sendAs(PostfixListener.SUBMISSIONS_465, "LOGIN", postfix.password(), "via 465");

    assertThat(sent.succeeded()).as("%s", sent).isTrue();
    assertThat(sent.authReply()).startsWith("235 ");
  }

  @Test
  void aWrongPasswordIsRefused() {
    PostfixInstance postfix = POSTFIX.instance();

    SwaksTranscript sent =
        sendAs(
            PostfixListener.SUBMISSION_587, "PLAIN", postfix.password() + "-wrong", "never sent");

    assertThat(sent.succeeded()).isFalse();
    assertThat(sent.authReply()).startsWith("535 ");
  }

  @Test
  void closeStopsEveryProcessItStartedAndRemovesItsDirectory() throws Exception {
    List<ProcessHandle> started;
    PostfixInstance postfix = PostfixInstance.start();
    try (postfix) {
      started = postfix.processes();
      // master, its long-lived children, and Dovecot's master with its children
      assertThat(started).hasSizeGreaterThan(4).allMatch(ProcessHandle::isAlive);
    }

    assertThat(started).noneMatch(ProcessHandle::isAlive);
    assertThat(Files.exists(postfix.directory())).isFalse();
    assertThat(connects(postfix.address(), postfix.port(PostfixListener.SMTP_25))).isFalse();
  }

  /** Logs in as the test user and sends {@code body} to the user's own mailbox. */
  private static SwaksTranscript sendAs(
      PostfixListener listener, String mechanism, String password, String body) {
    PostfixInstance postfix = POSTFIX.instance();
    return Swaks.send(
        postfix.address(),
        postfix.port(listener),
        listener.mode(),
        mechanism,
        postfix.username(),
        password,
        "sender@example.org",
        postfix.username(),
        body);
  }

  private static boolean connects(String address, int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 2_000);
      return true;
    } catch (ConnectException refused) {
      return false;
    }
  }
}
