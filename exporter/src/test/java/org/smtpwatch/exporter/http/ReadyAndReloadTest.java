package org.smtpwatch.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpwatch.agent.probe.FailureReason;
import org.smtpwatch.agent.schedule.Agent;
import org.smtpwatch.agent.schedule.EndpointSnapshot;
import org.smtpwatch.config.Config;
import org.smtpwatch.config.ConfigLoader;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.Mode;
import org.smtpwatch.config.WebConfig;

/** /-/ready's transitions and POST /-/reload through a real agent. */
class ReadyAndReloadTest {

  private static final Instant START = Instant.parse("2026-11-28T00:00:00Z");

  @TempDir Path dir;

  private HttpFixture http;
  private Agent agent;

  @AfterEach
  void stop() {
    if (http != null) {
      http.close();
    }
    if (agent != null) {
      agent.close();
    }
  }

  @Test
  void notReadyUntilEveryEndpointHasAResultThenReadyForGood() throws Exception {
    Endpoint a = SampleSnapshots.endpoint("a.example.com", 587, Mode.STARTTLS);
    Endpoint b = SampleSnapshots.endpoint("b.example.com", 25, Mode.STARTTLS);
    AtomicReference<List<EndpointSnapshot>> endpoints =
        new AtomicReference<>(List.of(SampleSnapshots.unprobed(a), SampleSnapshots.unprobed(b)));
    MutableClock clock = new MutableClock(START);
    startHttp(endpoints, clock);

    HttpResponse<String> before = http.get("/-/ready");
    endpoints.set(List.of(SampleSnapshots.up(a, START, 30, "hi"), SampleSnapshots.unprobed(b)));
    HttpResponse<String> half = http.get("/-/ready");
    endpoints.set(
        List.of(
            SampleSnapshots.up(a, START, 30, "hi"),
            SampleSnapshots.down(b, START, FailureReason.TIMEOUT, "no greeting")));
    HttpResponse<String> after = http.get("/-/ready");
    endpoints.set(List.of(SampleSnapshots.unprobed(a))); // a reload re-adds an unprobed endpoint
    HttpResponse<String> afterReload = http.get("/-/ready");

    assertThat(before.statusCode()).isEqualTo(503);
    assertThat(before.body()).startsWith("not ready: 2 endpoint(s) not probed yet");
    assertThat(half.statusCode()).isEqualTo(503);
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.body()).isEqualTo("OK\n");
    assertThat(afterReload.statusCode()).isEqualTo(200);
  }

  @Test
  void readyAfterOneIntervalEvenIfAnEndpointWasNeverProbed() throws Exception {
    Endpoint a = SampleSnapshots.endpoint("a.example.com", 587, Mode.STARTTLS);
    MutableClock clock = new MutableClock(START);
    startHttp(new AtomicReference<>(List.of(SampleSnapshots.unprobed(a))), clock);

    HttpResponse<String> before = http.get("/-/ready");
    clock.advance(Duration.ofMinutes(59));
    HttpResponse<String> almost = http.get("/-/ready");
    clock.advance(Duration.ofMinutes(1));
    HttpResponse<String> after = http.get("/-/ready");

    assertThat(before.statusCode()).isEqualTo(503);
    assertThat(almost.statusCode()).isEqualTo(503);
    assertThat(after.statusCode()).isEqualTo(200);
  }

  @Test
  void reloadAppliesAValidFileAndSaysWhatChanged() throws Exception {
    Path file = writeConfig("[25]");
    startAgentAndHttp(file);
    writeConfig("[25, 587]");

    HttpResponse<String> response = http.send("POST", "/-/reload");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo("config reloaded: 1 added, 0 removed, 0 changed, 1 unchanged\n");
    assertThat(agent.reloader().running().endpoints()).hasSize(2);
  }

  @Test
  void reloadOfAnInvalidFileIs400WithEveryErrorAndKeepsTheRunningConfig() throws Exception {
    Path file = writeConfig("[25]");
    startAgentAndHttp(file);
    Config before = agent.reloader().running();
    Files.writeString(file, "intervall: 30s\ntargets: [{host: mx.example.com, ports: [99999]}]\n");

    HttpResponse<String> response = http.send("POST", "/-/reload");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body().lines())
        .containsExactly(
            "config rejected; still running the previous one",
            file + ":1:1: intervall: unknown key \"intervall\" (did you mean \"interval\"?)",
            file + ":2:42: targets[0].ports[0]: port 99999 is out of range (1-65535)");
    assertThat(agent.reloader().running()).isSameAs(before);
  }

  @Test
  void aReloadFromAnotherOriginIsRefusedAndOneFromThePageItselfAllowed() throws Exception {
    Path file = writeConfig("[25]");
    startAgentAndHttp(file);
    writeConfig("[25, 587]");
    String self = http.server.baseUri().toString().replaceAll("/$", "");

    HttpResponse<String> crossSite =
        http.send("POST", "/-/reload", "Origin", "https://evil.example");
    int endpointsAfterRefusal = agent.reloader().running().endpoints().size();
    HttpResponse<String> sameOrigin = http.send("POST", "/-/reload", "Origin", self);

    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(crossSite.body()).startsWith("cross-origin reload refused");
    assertThat(endpointsAfterRefusal).isEqualTo(1);
    assertThat(sameOrigin.statusCode()).isEqualTo(200);
  }

  private void startHttp(AtomicReference<List<EndpointSnapshot>> endpoints, Clock clock)
      throws Exception {
    http =
        HttpFixture.start(
            HttpFixture.setup(
                endpoints::get,
                () -> {
                  throw new AssertionError("no config here");
                },
                () -> {
                  throw new AssertionError("no reload here");
                },
                (endpoint, transcript) -> {
                  throw new AssertionError("no probe here");
                },
                clock));
  }

  private void startAgentAndHttp(Path file) throws Exception {
    ConfigLoader loader = new ConfigLoader(Map.<String, String>of()::get, () -> "probe.test");
    Config config = HttpFixture.config(Files.readString(file), dir);
    agent =
        Agent.start(
            config,
            (endpoint, transcript) -> {
              throw new AssertionError("the schedule's first probe is a minute away");
            },
            loader::load,
            Clock.systemUTC());
    HttpServerSetup setup =
        new HttpServerSetup(
            ListenAddress.parse("127.0.0.1:0"),
            WebConfig.NONE,
            ServedAgent.of(agent, file),
            HttpFixture.registryWithOneGauge(),
            HttpFixture::probeRegistry,
            (endpoint, transcript) -> {
              throw new AssertionError("no probe here");
            },
            Duration.ofHours(1),
            Clock.systemUTC(),
            "test");
    http = HttpFixture.start(setup);
  }

  private Path writeConfig(String ports) throws Exception {
    return Files.writeString(
        dir.resolve("smtpwatch.yml"),
        "interval: 1h\ntargets: [{host: mx.example.com, ports: " + ports + "}]\n");
  }
}
