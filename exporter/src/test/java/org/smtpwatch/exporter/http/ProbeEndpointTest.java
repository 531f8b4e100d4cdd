package org.smtpwatch.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.agent.testkit.Script.script;

import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpwatch.agent.probe.Prober;
import org.smtpwatch.agent.probe.SmtpProber;
import org.smtpwatch.agent.testkit.Script;
import org.smtpwatch.agent.testkit.ScriptedSmtpServer;
import org.smtpwatch.config.Config;

/** /probe against real loopback SMTP servers with the real prober, tried as an attacker would. */
class ProbeEndpointTest {

  @TempDir Path dir;

  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : open) {
      closeable.close();
    }
  }

  private static Script happy() {
    return script()
        .send("220 mx.smtpwatch.test ESMTP")
        .expect("EHLO")
        .send("250-mx.smtpwatch.test", "250 8BITMIME")
        .expect("QUIT")
        .send("221 bye");
  }

  private ScriptedSmtpServer smtp(String address, Script script) throws Exception {
    ScriptedSmtpServer server = ScriptedSmtpServer.startOn(InetAddress.getByName(address), script);
    open.add(server);
    return server;
  }

  private HttpFixture http(String yaml, Prober prober) throws Exception {
    return http(yaml, prober, Clock.systemUTC());
  }

  private HttpFixture http(String yaml, Prober prober, Clock clock) throws Exception {
    Config config = HttpFixture.config(yaml, dir);
    HttpFixture fixture = HttpFixture.start(HttpFixture.probeSetup(config, prober, clock));
    open.add(fixture);
    return fixture;
  }

  private static String plainTarget(int port) {
    return "targets: [{host: 127.0.0.1, ports: [{port: " + port + ", mode: plain}]}]\n";
  }

  @Test
  void aConfiguredEndpointIsProbedNowAndOnlyItsSeriesAreReturned() throws Exception {
    ScriptedSmtpServer server = smtp("127.0.0.1", happy());
    HttpFixture http = http(plainTarget(server.port()), new SmtpProber());

    HttpResponse<String> response = http.get("/probe?target=127.0.0.1:" + server.port());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("test_probe_success{port=\"" + server.port() + "\",reason=\"\"} 1.0")
        .doesNotContain("smtpwatch_test_value");
    assertThat(server.connectionCount()).isEqualTo(1);
  }

  @Test
  void aRequestWithinASecondOfTheLastProbeReusesItsResult() throws Exception {
    ScriptedSmtpServer server = smtp("127.0.0.1", happy());
    MutableClock clock = new MutableClock(Instant.parse("2026-11-28T00:00:00Z"));
    HttpFixture http = http(plainTarget(server.port()), new SmtpProber(), clock);
    String path = "/probe?target=127.0.0.1:" + server.port();

    HttpResponse<String> first = http.get(path);
    clock.advance(Duration.ofMillis(900));
    HttpResponse<String> reused = http.get(path);
    int connectionsWithinTheSecond = server.connectionCount();
    clock.advance(Duration.ofMillis(200));
    HttpResponse<String> fresh = http.get(path);

    assertThat(List.of(first, reused, fresh))
        .allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
    assertThat(reused.body()).isEqualTo(first.body());
    assertThat(connectionsWithinTheSecond).isEqualTo(1);
    assertThat(server.connectionCount()).isEqualTo(2);
  }

  @Test
  void theProbeAnswersInOpenMetricsWhenAsked() throws Exception {
    ScriptedSmtpServer server = smtp("127.0.0.1", happy());
    HttpFixture http = http(plainTarget(server.port()), new SmtpProber());

    HttpResponse<String> response =
        http.get(
            "/probe?target=127.0.0.1:" + server.port() + "&mode=plain",
            "Accept",
            "application/openmetrics-text; version=1.0.0");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).endsWith("# EOF\n");
  }

  @Test
  void anUnconfiguredTargetIsRefusedWithoutConnecting() throws Exception {
    ScriptedSmtpServer configured = smtp("127.0.0.1", happy());
    ScriptedSmtpServer other = smtp("127.0.0.2", happy());
    HttpFixture http = http(plainTarget(configured.port()), new SmtpProber());

    HttpResponse<String> otherHost =
        http.get("/probe?target=127.0.0.2:" + other.port() + "&mode=plain");
    HttpResponse<String> otherPort = http.get("/probe?target=127.0.0.1:" + other.port());
    HttpResponse<String> otherMode =
        http.get("/probe?target=127.0.0.1:" + configured.port() + "&mode=starttls");

    assertThat(List.of(otherHost, otherPort, otherMode))
        .allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(403));
    assertThat(otherHost.body())
        .startsWith("127.0.0.2:" + other.port() + " in mode plain is not a configured endpoint");
    assertThat(other.connectionCount()).isZero();
    assertThat(configured.connectionCount()).isZero();
  }

  @Test
  void anAllowListedHostMayBeProbedUnconfigured() throws Exception {
    ScriptedSmtpServer configured = smtp("127.0.0.1", happy());
    ScriptedSmtpServer allowed = smtp("127.0.0.2", happy());
    ScriptedSmtpServer notAllowed = smtp("127.0.0.3", happy());
    HttpFixture http =
        http(
            "probe: {allow_unconfigured: [127.0.0.2/32]}\n" + plainTarget(configured.port()),
            new SmtpProber());

    HttpResponse<String> ok = http.get("/probe?target=127.0.0.2:" + allowed.port() + "&mode=plain");
    HttpResponse<String> refused =
        http.get("/probe?target=127.0.0.3:" + notAllowed.port() + "&mode=plain");
    HttpResponse<String> noMode = http.get("/probe?target=127.0.0.2:" + allowed.port());

    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body())
        .contains("test_probe_success{port=\"" + allowed.port() + "\",reason=\"\"} 1.0");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(notAllowed.connectionCount()).isZero();
    assertThat(noMode.statusCode()).isEqualTo(400);
    assertThat(noMode.body()).contains("has no default mode; add &mode=");
  }

  @Test
  void malformedRequestsAre400AndSayWhy() throws Exception {
    HttpFixture http = http(plainTarget(2526), new SmtpProber());

    assertThat(http.get("/probe"))
        .satisfies(
            r -> {
              assertThat(r.statusCode()).isEqualTo(400);
              assertThat(r.body()).isEqualTo("missing target (use ?target=HOST:PORT)\n");
            });
    for (String target :
        List.of(
            "127.0.0.1",
            "127.0.0.1:",
            ":25",
            "127.0.0.1:70000",
            "a:b:25",
            "[::1",
            "host name:25",
            "127.0.0.1:25x")) {
      HttpResponse<String> response =
          http.get("/probe?target=" + java.net.URLEncoder.encode(target, "UTF-8"));
      assertThat(response.statusCode()).as(target).isEqualTo(400);
      assertThat(response.body()).as(target).startsWith("malformed target");
    }
    HttpResponse<String> mode = http.get("/probe?target=127.0.0.1:2526&mode=ssl");
    assertThat(mode.statusCode()).isEqualTo(400);
    assertThat(mode.body()).isEqualTo("unknown mode \"ssl\" (valid: plain, starttls, tls)\n");
    HttpResponse<String> typo = http.get("/probe?tagret=127.0.0.1:2526");
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(typo.body()).startsWith("unknown parameter \"tagret\"");
    HttpResponse<String> twice = http.get("/probe?target=127.0.0.1:2526&target=127.0.0.1:2526");
    assertThat(twice.statusCode()).isEqualTo(400);
  }

  @Test
  void theScrapeTimeoutHeaderBoundsTheProbe() throws Exception {
    ScriptedSmtpServer tarpit = smtp("127.0.0.1", script().stallUntilClientCloses());
    HttpFixture http = http(plainTarget(tarpit.port()), new SmtpProber());

    long start = System.nanoTime();
    HttpResponse<String> response =
        http.get("/probe?target=127.0.0.1:" + tarpit.port(), ScrapeTimeout.HEADER, "1");
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("reason=\"timeout\"} 0.0");
    assertThat(took).isLessThan(Duration.ofMillis(1500));
  }

  @Test
  void aBadScrapeTimeoutHeaderIs400() throws Exception {
    HttpFixture http = http(plainTarget(2526), new SmtpProber());

    HttpResponse<String> response =
        http.get("/probe?target=127.0.0.1:2526", ScrapeTimeout.HEADER, "soon");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("is not a number of seconds");
  }

  @Test
  void probesBeyondTheConcurrencyLimitGet429() throws Exception {
    int limit = HttpServerSetup.MAX_CONCURRENT_PROBES;
    CountDownLatch inProbe = new CountDownLatch(limit);
    CountDownLatch release = new CountDownLatch(1);
    SmtpProber real = new SmtpProber();
    ScriptedSmtpServer server = smtp("127.0.0.1", happy());
    Prober blocking =
        (endpoint, transcript) -> {
          inProbe.countDown();
          try {
            release.await(HttpFixture.WAIT.toSeconds(), TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return real.probe(endpoint, transcript);
        };
    HttpFixture http = http(plainTarget(server.port()), blocking);
    String path = "/probe?target=127.0.0.1:" + server.port();

    List<CompletableFuture<HttpResponse<String>>> first = new ArrayList<>();
    for (int i = 0; i < limit; i++) {
      first.add(CompletableFuture.supplyAsync(() -> getUnchecked(http, path)));
    }
    assertThat(inProbe.await(HttpFixture.WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    HttpResponse<String> refused = http.get(path);
    release.countDown();

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
    for (CompletableFuture<HttpResponse<String>> response : first) {
      assertThat(response.get(HttpFixture.WAIT.toSeconds(), TimeUnit.SECONDS).statusCode())
          .isEqualTo(200);
    }
    assertThat(http.get("/-/healthy").statusCode()).isEqualTo(200);
  }

  private static HttpResponse<String> getUnchecked(HttpFixture http, String path) {
    try {
      return http.get(path);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
