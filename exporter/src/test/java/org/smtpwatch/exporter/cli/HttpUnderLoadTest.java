package org.smtpwatch.exporter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpwatch.agent.testkit.Script.script;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpwatch.agent.probe.SmtpProber;
import org.smtpwatch.agent.schedule.Agent;
import org.smtpwatch.agent.schedule.EndpointSnapshot;
import org.smtpwatch.agent.testkit.ScriptedSmtpServer;
import org.smtpwatch.config.Config;
import org.smtpwatch.config.ConfigLoadResult;
import org.smtpwatch.config.ConfigLoader;
import org.smtpwatch.exporter.BuildInfo;
import org.smtpwatch.exporter.http.ExporterHttpServer;
import org.smtpwatch.exporter.http.ListenAddress;

/**
 * Seventy concurrent requests, good and bad, and raw garbage on the HTTP port, against the exporter
 * wired as {@code run} wires it: every request is answered with its proper status or refused
 * cleanly, and the agent goes on probing throughout.
 */
class HttpUnderLoadTest {

  /**
   * Generous: on a loaded two-core machine a scrape can take a second, and ten server threads share
   * the burst.
   */
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  private record Ask(String method, String pathAndQuery, Set<Integer> allowed) {}

  @Test
  void everyRequestIsAnsweredOrRefusedCleanlyAndTheAgentKeepsProbing() throws Exception {
    try (ScriptedSmtpServer smtp =
        ScriptedSmtpServer.start(
            script()
                .send("220 mx.smtpwatch.test ESMTP")
                .expect("EHLO")
                .send("250 mx.smtpwatch.test")
                .expect("QUIT")
                .send("221 bye"))) {
      String target = "127.0.0.1:" + smtp.port();
      RunningExporter exporter =
          RunningExporter.start(
              config(
                  "interval: 1s\ntimeout: 800ms\ntargets: [{host: 127.0.0.1, ports: [{port: "
                      + smtp.port()
                      + ", mode: plain}]}]\n"),
              dir.resolve("smtpwatch.yml"),
              new SmtpProber(),
              file -> {
                throw new AssertionError("no reload here");
              },
              BuildInfo.current(),
              Clock.systemUTC());
      try (exporter;
          Agent agent = exporter.agent();
          ExporterHttpServer http = exporter.serve(ListenAddress.parse("127.0.0.1:0"))) {
        long before = probesTotal(agent);

        List<Ask> asks = barrage(target);
        assertThat(answers(http.baseUri(), asks)).allSatisfy(a -> assertThat(a).isNull());
        assertThat(rawAnswer(http.port(), "\u0016\u0003\u0001\u0000\u00ffgarbage\r\n\r\n"))
            .as("TLS bytes on the plain HTTP port")
            .satisfiesAnyOf(
                answer -> assertThat(answer).isEmpty(),
                answer -> assertThat(answer).startsWith("HTTP/1.1 400"));
        assertThat(rawAnswer(http.port(), "GET /probe?target=%ZZ HTTP/1.1\r\nHost: x\r\n\r\n"))
            .startsWith("HTTP/1.1 400");
        assertThat(rawAnswer(http.port(), "GET /-/healthy HTTP/9.9\r\n\r\n"))
            .as("the JDK server answers any HTTP version as 1.1")
            .startsWith("HTTP/1.1 200");

        long end = System.nanoTime() + WAIT.toNanos();
        while (probesTotal(agent) < before + 3 && System.nanoTime() < end) {
          TimeUnit.MILLISECONDS.sleep(50); // polling the agent's counter, not synchronising
        }
        assertThat(probesTotal(agent))
            .as("the agent kept probing")
            .isGreaterThanOrEqualTo(before + 3);
        assertThat(
                HttpClient.newHttpClient()
                    .send(
                        HttpRequest.newBuilder(http.baseUri().resolve("/metrics"))
                            .timeout(WAIT)
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body())
            .contains("smtp_probe_success{host=\"127.0.0.1\"");
      }
    }
  }

  private static List<Ask> barrage(String target) {
    List<Ask> asks = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      asks.add(new Ask("GET", "/metrics", Set.of(200)));
    }
    for (int i = 0; i < 10; i++) {
      asks.add(new Ask("GET", "/probe?target=" + target + "&mode=plain", Set.of(200, 429)));
      asks.add(new Ask("GET", "/", Set.of(200)));
    }
    asks.add(new Ask("GET", "/probe?target=192.0.2.1:25", Set.of(403)));
    asks.add(new Ask("GET", "/probe?target=" + "a".repeat(300) + ":25", Set.of(400, 403)));
    asks.add(new Ask("GET", "/probe?target=" + target + "&mode=bogus", Set.of(400)));
    asks.add(new Ask("GET", "/probe", Set.of(400)));
    asks.add(new Ask("GET", "/metrics?" + "x=1&".repeat(5000), Set.of(200, 414)));
    asks.add(new Ask("GET", "/nothing/here", Set.of(404)));
    asks.add(new Ask("DELETE", "/", Set.of(405)));
    asks.add(new Ask("PUT", "/-/reload", Set.of(405)));
    asks.add(new Ask("GET", "/-/healthy", Set.of(200)));
    return asks;
  }

  /**
   * Sends every request at once; null where the answer was allowed, else what went wrong. HTTP/1.1
   * as Prometheus speaks it: the JDK client's default h2c upgrade attempt left some requests of
   * such a burst unanswered until the client's timeout once the request time limit was on.
   */
  private static List<String> answers(URI base, List<Ask> asks) throws Exception {
    HttpClient client =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(WAIT).build();
    List<CompletableFuture<String>> pending = new ArrayList<>();
    for (Ask ask : asks) {
      HttpRequest request =
          HttpRequest.newBuilder(base.resolve(ask.pathAndQuery()))
              .timeout(WAIT)
              .method(ask.method(), HttpRequest.BodyPublishers.noBody())
              .build();
      pending.add(
          client
              .sendAsync(request, HttpResponse.BodyHandlers.ofString())
              .handle(
                  (response, thrown) -> {
                    if (thrown != null) {
                      return ask + ": " + thrown;
                    }
                    return ask.allowed().contains(response.statusCode())
                        ? null
                        : ask + ": " + response.statusCode() + " " + response.body();
                  }));
    }
    List<String> results = new ArrayList<>();
    for (CompletableFuture<String> answer : pending) {
      results.add(answer.get(WAIT.toMillis() * 2, TimeUnit.MILLISECONDS));
    }
    return results;
  }

  /** What the server says to {@code bytes} sent raw, up to the end of its first line. */
  private static String rawAnswer(int port, String bytes) throws Exception {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout((int) WAIT.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
        line.append((char) b);
      }
      return line.toString();
    }
  }

  private static long probesTotal(Agent agent) {
    return agent.results().snapshot().stream().mapToLong(EndpointSnapshot::probesTotal).sum();
  }

  private Config config(String yaml) {
    ConfigLoadResult result =
        new ConfigLoader(Map.<String, String>of()::get, () -> "probe.test")
            .parse(yaml, "smtpwatch.yml", dir);
    return ((ConfigLoadResult.Loaded) result).config();
  }
}
