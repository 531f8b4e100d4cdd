package org.smtpwatch.exporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.probe.SmtpProber;
import org.smtpwatch.exporter.BuildInfo;

class DemoCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private DemoCommand command(FakeSignals signals) {
    return new DemoCommand(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        new SmtpProber(),
        signals,
        Clock.systemUTC(),
        new BuildInfo("test", "17"));
  }

  @Test
  void runsUntilTerminatedThenStopsWithZeroAndRemovesItsFiles() throws Exception {
    FakeSignals signals = new FakeSignals();
    CompletableFuture<Integer> status =
        CompletableFuture.supplyAsync(() -> command(signals).run(List.of()));
    assertThat(signals.installed.await(20, TimeUnit.SECONDS)).isTrue();
    assertThat(signals.reload).as("nothing to reload in the demo").isNull();
    String started = awaitOutput("status page:", Duration.ofSeconds(20));
    Matcher statusPage =
        Pattern.compile("status page: +(http://127\\.0\\.0\\.1:\\d+/)").matcher(started);
    assertThat(statusPage.find()).as(started).isTrue();
    assertThat(started)
        .contains(statusPage.group(1) + "metrics", statusPage.group(1) + "probe?target=localhost:");
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(statusPage.group(1)))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("localhost:", "smtpwatch status");

    signals.terminate.run();

    assertThat(status.get(30, TimeUnit.SECONDS)).isZero();
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains("shaped like 25 ", "shaped like 465", "shaped like 587", "shaped like 2525");
    Matcher caFile = Pattern.compile("(/\\S+demo-ca\\.pem)").matcher(printed);
    assertThat(caFile.find()).isTrue();
    assertThat(Files.exists(Path.of(caFile.group(1)))).isFalse();
  }

  @Test
  void argumentsAreAUsageError() {
    int status = command(new FakeSignals()).run(List.of("--port", "25"));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("smtpwatch demo: takes no arguments (usage: smtpwatch demo)\n");
  }

  /** The output once it contains {@code fragment}; the demo prints its URLs once it is serving. */
  private String awaitOutput(String fragment, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    String printed = out.toString(StandardCharsets.UTF_8);
    while (!printed.contains(fragment)) {
      assertThat(System.nanoTime() - deadline)
          .as("waiting for %s in: %s", fragment, printed)
          .isNegative();
      java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
      printed = out.toString(StandardCharsets.UTF_8);
    }
    return printed;
  }
}
