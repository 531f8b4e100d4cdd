package org.smtpwatch.agent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpwatch.agent.dns.CurrentDns;
import org.smtpwatch.agent.probe.SmtpProber;
import org.smtpwatch.agent.schedule.Agent;
import org.smtpwatch.agent.schedule.EndpointSnapshot;
import org.smtpwatch.agent.schedule.ScheduleLagObserver;
import org.smtpwatch.agent.testkit.DomainWatchConfig;
import org.smtpwatch.agent.testkit.LoopbackNameServer;
import org.smtpwatch.config.Config;
import org.smtpwatch.config.ConfigLoader;
import org.subethamail.smtp.server.SMTPServer;
import org.xbill.DNS.Type;

/**
 * The agent watching domains through a real BIND: MX hosts (real SMTP servers on 127.0.0.21 and
 * .22, one port) are probed, and MX changes made in the zone between lookups add and remove
 * endpoints without a reload.
 */
class DomainWatchTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;
  private LoopbackNameServer named;
  private SMTPServer mx1;
  private SMTPServer mx2;
  private Agent agent;

  @BeforeEach
  void start() throws Exception {
    named =
        LoopbackNameServer.start(
            dir,
            "mail.test",
            "@ MX 10 mx1",
            "mx1 A 127.0.0.21",
            "mx2 A 127.0.0.22",
            "nomx A 127.0.0.23");
    mx1 = smtpServer("127.0.0.21", 0);
    mx2 = smtpServer("127.0.0.22", mx1.getPortAllocated());
  }

  @AfterEach
  void stop() throws Exception {
    if (agent != null) {
      agent.close();
    }
    mx1.stop();
    mx2.stop();
    named.close();
  }

  @Test
  void mxChangesBetweenLookupsAddAndRemoveEndpointsWithoutAReload() throws Exception {
    int port = mx1.getPortAllocated();
    agent = startAgent(port);
    String reloadedAt = agent.reloader().status().lastSuccessAt().toString();

    awaitUp("mx1.mail.test", port);
    EndpointSnapshot first = endpoint("mx1.mail.test", port).orElseThrow();
    assertThat(first.endpoint().labels()).containsEntry("domain", "mail.test");
    assertThat(state("mail.test").hosts()).containsExactly(new MxHost("mx1.mail.test", 10));

    named.replace("@", Type.MX, "10 mx1", "20 mx2");
    awaitUp("mx2.mail.test", port);

    named.replace("@", Type.MX, "20 mx2");
    until("mx1 removed", () -> endpoint("mx1.mail.test", port).isEmpty());
    assertThat(state("mail.test").hosts()).containsExactly(new MxHost("mx2.mail.test", 20));
    assertThat(agent.reloader().status().lastSuccessAt().toString()).isEqualTo(reloadedAt);
  }

  @Test
  void noMxFallsBackToTheAddressAndNxdomainProbesNothing() throws Exception {
    int port = mx1.getPortAllocated();
    agent = startAgent(port);

    until("nomx.mail.test scheduled", () -> endpoint("nomx.mail.test", port).isPresent());
    until("missing.mail.test looked up", () -> stateOf("missing.mail.test").isPresent());

    DomainState nomx = state("nomx.mail.test");
    assertThat(nomx.mx().fallback()).isTrue();
    assertThat(nomx.hosts()).containsExactly(new MxHost("nomx.mail.test", 0));
    DomainState missing = state("missing.mail.test");
    assertThat(missing.mx().failureReason()).isEqualTo("nxdomain");
    assertThat(missing.hosts()).isEmpty();
    assertThat(agent.results().snapshot())
        .noneMatch(s -> s.endpoint().host().equals("missing.mail.test"));
  }

  @Test
  void aReloadThatDropsADomainDropsItsMxEndpoints() throws Exception {
    int port = mx1.getPortAllocated();
    agent = startAgent(port);
    awaitUp("mx1.mail.test", port);

    agent
        .reloader()
        .apply(
            DomainWatchConfig.load(
                dir,
                named,
                "1s",
                "  - name: nomx.mail.test",
                "    ports: [{port: " + port + ", mode: plain}]",
                "    mta_sts: {enabled: false}"));

    assertThat(endpoint("mx1.mail.test", port)).isEmpty();
    assertThat(stateOf("mail.test")).isEmpty();
    until("nomx.mail.test scheduled", () -> endpoint("nomx.mail.test", port).isPresent());
  }

  private Agent startAgent(int port) throws Exception {
    String ports = "    ports: [{port: " + port + ", mode: plain}]";
    String noSts = "    mta_sts: {enabled: false}";
    Config config =
        DomainWatchConfig.load(
            dir,
            named,
            "1s",
            "  - name: mail.test",
            ports,
            noSts,
            "  - name: nomx.mail.test",
            ports,
            noSts,
            "  - name: missing.mail.test",
            ports,
            noSts);
    CurrentDns dns = new CurrentDns();
    return Agent.start(
        config,
        new SmtpProber(dns),
        new ConfigLoader()::load,
        ScheduleLagObserver.IGNORE,
        dns,
        Clock.systemUTC());
  }

  private void awaitUp(String host, int port) {
    until(
        host + " probed successfully",
        () ->
            endpoint(host, port)
                .flatMap(EndpointSnapshot::latestResult)
                .filter(r -> r.success())
                .isPresent());
  }

  private Optional<EndpointSnapshot> endpoint(String host, int port) {
    return agent.results().snapshot().stream()
        .filter(s -> s.endpoint().host().equals(host) && s.endpoint().port() == port)
        .findFirst();
  }

  private Optional<DomainState> stateOf(String name) {
    return agent.domains().snapshot().stream().filter(d -> d.name().equals(name)).findFirst();
  }

  private DomainState state(String name) {
    return stateOf(name).orElseThrow();
  }

  private static SMTPServer smtpServer(String address, int port) throws Exception {
    SMTPServer server =
        SMTPServer.port(port)
            .bindAddress(InetAddress.getByName(address))
            .hostName("mx.mail.test")
            .messageHandler((context, from, to, data) -> {})
            .build();
    server.start();
    return server;
  }

  private static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not within " + WAIT + ": " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }
}
