package org.smtpwatch.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.agent.testkit.TestEndpoints.endpoint;
import static org.smtpwatch.agent.testkit.TestEndpoints.noTls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.testkit.ScriptedSmtpServer;
import org.smtpwatch.config.IpPreference;
import org.smtpwatch.config.Mode;

/** Name resolution through a resolver the test controls, and the order addresses are tried in. */
class ResolutionAndAddressTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private static final Duration MARGIN = Duration.ofMillis(500);

  private final CountDownLatch releaseResolver = new CountDownLatch(1);
  private ScriptedSmtpServer server;

  @AfterEach
  void cleanUp() throws IOException {
    releaseResolver.countDown();
    if (server != null) {
      server.close();
    }
  }

  private static InetAddress v4(int last) throws UnknownHostException {
    return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
  }

  private static InetAddress ipv6Loopback() throws UnknownHostException {
    return InetAddress.getByName("::1");
  }

  private void startHappyServer() throws IOException {
    server =
        ScriptedSmtpServer.start(
            ScriptedProbe.greetedAndEhlo("250 mx.smtpwatch.test").expect("QUIT").send("221 bye"));
  }

  @Test
  void unknownHostIsDns() {
    SmtpProber prober =
        new SmtpProber(
            host -> {
              throw new UnknownHostException(host);
            });

    ProbeResult result =
        prober.probe(endpoint("nowhere.smtpwatch.test", 25, Mode.PLAIN, noTls(), TIMEOUT));

    assertThat(result.failure())
        .isEqualTo(
            new Failure(Phase.RESOLVE, FailureReason.DNS, "cannot resolve nowhere.smtpwatch.test"));
    assertThat(result.phases()).isEmpty();
    assertThat(result.address()).isNull();
  }

  @Test
  void hangingResolverIsCutOffByTheDeadline() {
    SmtpProber prober =
        new SmtpProber(
            host -> {
              try {
                releaseResolver.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              throw new UnknownHostException(host);
            });

    ProbeResult result =
        prober.probe(endpoint("slow.smtpwatch.test", 25, Mode.PLAIN, noTls(), TIMEOUT));

    assertThat(result.failure().phase()).isEqualTo(Phase.RESOLVE);
    assertThat(result.failure().reason()).isEqualTo(FailureReason.DNS);
    assertThat(result.failure().detail()).contains("did not finish before the deadline");
    assertThat(result.duration()).isBetween(TIMEOUT, TIMEOUT.plus(MARGIN));
  }

  @Test
  void resolverBugIsReportedAsDnsNotThrown() {
    SmtpProber prober =
        new SmtpProber(
            host -> {
              throw new IllegalStateException("resolver broke");
            });

    ProbeResult result =
        prober.probe(endpoint("broken.smtpwatch.test", 25, Mode.PLAIN, noTls(), TIMEOUT));

    assertThat(result.failure().reason()).isEqualTo(FailureReason.DNS);
    assertThat(result.failure().detail()).contains("resolver broke");
  }

  /** A literal needs no lookup, so no thread is started to bound one (one per probe otherwise). */
  @Test
  void addressLiteralIsResolvedOnTheProbingThread() throws Exception {
    assertThat(threadsResolving("127.0.0.1")).containsExactly(Thread.currentThread());
  }

  @Test
  void hostNameIsResolvedOnAThreadOfItsOwn() throws Exception {
    assertThat(threadsResolving("named.smtpwatch.test"))
        .hasSize(1)
        .doesNotContain(Thread.currentThread());
  }

  /** Probes {@code host} (resolving to 127.0.0.1); the threads the resolver was called on. */
  private List<Thread> threadsResolving(String host) throws Exception {
    startHappyServer();
    List<Thread> resolvedOn = new CopyOnWriteArrayList<>();
    SmtpProber prober =
        new SmtpProber(
            name -> {
              resolvedOn.add(Thread.currentThread());
              return List.of(v4(1));
            });

    ProbeResult result = prober.probe(endpoint(host, server.port(), Mode.PLAIN, noTls(), TIMEOUT));

    assertThat(result.failure()).isNull();
    return resolvedOn;
  }

  @Test
  void preferredFamilyIsTriedFirst() throws Exception {
    startHappyServer();
    // ::1 comes first from the resolver, but IPv4 is preferred: only 127.0.0.1 is contacted.
    SmtpProber prober = new SmtpProber(host -> List.of(ipv6Loopback(), v4(1)));

    ProbeResult result =
        prober.probe(
            endpoint(
                "dual.smtpwatch.test",
                server.port(),
                Mode.PLAIN,
                noTls(),
                TIMEOUT,
                IpPreference.IPV4));

    assertThat(result.failure()).isNull();
    assertThat(result.address()).isEqualTo("127.0.0.1");
  }

  @Test
  void otherFamilyIsTheFallbackWhenThePreferredOneIsMissing() throws Exception {
    startHappyServer();
    SmtpProber prober = new SmtpProber(host -> List.of(v4(1)));

    ProbeResult result =
        prober.probe(
            endpoint(
                "v4only.smtpwatch.test",
                server.port(),
                Mode.PLAIN,
                noTls(),
                TIMEOUT,
                IpPreference.IPV6));

    assertThat(result.failure()).isNull();
    assertThat(result.address()).isEqualTo("127.0.0.1");
  }

  @Test
  void nextAddressIsTriedWhenTheFirstRefuses() throws Exception {
    startHappyServer();
    // The server listens on 127.0.0.1 only, so 127.0.0.3 on the same port refuses.
    SmtpProber prober = new SmtpProber(host -> List.of(v4(3), v4(1)));

    ProbeResult result =
        prober.probe(endpoint("two.smtpwatch.test", server.port(), Mode.PLAIN, noTls(), TIMEOUT));

    assertThat(result.failure()).isNull();
    assertThat(result.address()).isEqualTo("127.0.0.1");
    assertThat(server.connectionCount()).isEqualTo(1);
  }

  @Test
  void whenEveryAddressRefusesTheLastAttemptIsReported() throws Exception {
    startHappyServer();
    int port = server.port();
    server.close();
    SmtpProber prober = new SmtpProber(host -> List.of(v4(3), v4(1)));

    ProbeResult result =
        prober.probe(endpoint("two.smtpwatch.test", port, Mode.PLAIN, noTls(), TIMEOUT));

    assertThat(result.failure().reason()).isEqualTo(FailureReason.CONNECT_REFUSED);
    assertThat(result.failure().detail()).contains("127.0.0.1:" + port);
    assertThat(result.address()).isEqualTo("127.0.0.1");
  }
}
