package org.smtpwatch.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.agent.testkit.Script.script;
import static org.smtpwatch.agent.testkit.TestEndpoints.EHLO_NAME;
import static org.smtpwatch.agent.testkit.TestEndpoints.endpoint;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.smtpwatch.agent.testkit.Script;
import org.smtpwatch.agent.testkit.ScriptedSmtpServer;
import org.smtpwatch.config.Mode;
import org.smtpwatch.config.TlsPolicy;

/** One probe against one scripted server, and the assertions the prober tests share. */
final class ScriptedProbe implements AutoCloseable {

  static final String HOST = "mx.smtpwatch.test";
  static final Duration TIMEOUT = Duration.ofSeconds(2);
  static final Duration MARGIN = Duration.ofMillis(500);
  static final Duration SCRIPT_WAIT = Duration.ofSeconds(10);

  /** Names the tests use; nothing here ever asks DNS. */
  static final HostResolver RESOLVER =
      host -> {
        if (host.equals(HOST)) {
          return List.of(InetAddress.getByAddress(HOST, new byte[] {127, 0, 0, 1}));
        }
        throw new UnknownHostException(host);
      };

  final Transcript transcript = Transcript.recording();
  private final SmtpProber prober = new SmtpProber(RESOLVER);
  private ScriptedSmtpServer server;

  ProbeResult run(Script script, Mode mode, TlsPolicy tls) throws IOException {
    return run(script, mode, tls, TIMEOUT);
  }

  ProbeResult run(Script script, Mode mode, TlsPolicy tls, Duration timeout) throws IOException {
    server = ScriptedSmtpServer.start(script);
    return prober.probe(endpoint(HOST, server.port(), mode, tls, timeout), transcript);
  }

  /** Probes a port where nothing is scripted (a closed one). */
  ProbeResult runWithoutServer(int port, Mode mode, TlsPolicy tls) {
    return prober.probe(endpoint(HOST, port, mode, tls, TIMEOUT), transcript);
  }

  ScriptedSmtpServer server() {
    return server;
  }

  @Override
  public void close() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  static Script greeted() {
    return script().send("220 mx.smtpwatch.test ESMTP ready");
  }

  static Script greetedAndEhlo(String... ehloLines) {
    return greeted().expect("EHLO " + EHLO_NAME).send(ehloLines);
  }

  static List<Phase> phases(ProbeResult result) {
    return result.phases().stream().map(PhaseTiming::phase).toList();
  }

  static void assertFailure(
      ProbeResult result, Phase phase, FailureReason reason, String detailContains) {
    assertThat(result.failure()).as("failure").isNotNull();
    assertThat(result.failure().phase()).isEqualTo(phase);
    assertThat(result.failure().reason()).isEqualTo(reason);
    assertThat(result.failure().detail()).contains(detailContains);
  }

  static void assertWithin(ProbeResult result, Duration timeout) {
    assertThat(result.duration()).isLessThanOrEqualTo(timeout.plus(MARGIN));
  }
}
