package org.smtpwatch.exporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.smtpwatch.agent.probe.Prober;
import org.smtpwatch.agent.testkit.ProbeResultBuilder;
import org.smtpwatch.config.Config;
import org.smtpwatch.config.ConfigError;
import org.smtpwatch.config.ConfigLoadResult;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.IpPreference;
import org.smtpwatch.config.Mode;
import org.smtpwatch.config.ProbeAccess;
import org.smtpwatch.config.TlsPolicy;
import org.smtpwatch.config.WebConfig;
import org.smtpwatch.exporter.BuildInfo;

class RunCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final FakeSignals signals = new FakeSignals();
  private final AtomicInteger loads = new AtomicInteger();
  private final CountDownLatch probed = new CountDownLatch(1);

  private final Endpoint endpoint =
      new Endpoint(
          "127.0.0.1",
          1025,
          Mode.PLAIN,
          new TlsPolicy(false, false, null, null, null),
          null,
          Map.of(),
          Duration.ofMillis(100),
          Duration.ofMillis(50),
          "probe.test",
          IpPreference.ANY);
  private final Prober prober =
      (e, t) -> {
        probed.countDown();
        return ProbeResultBuilder.of(e)
            .address("127.0.0.1")
            .startedAt(Instant.now())
            .greeting(220, "ok")
            .build();
      };

  @Test
  void missingConfigIsAUsageError() {
    assertThat(run(List.of())).isEqualTo(CliCommand.USAGE);
    assertThat(errText()).contains("missing --config FILE").hasLineCount(1);
  }

  @Test
  void unknownFlagIsAUsageError() {
    assertThat(run(List.of("--config", "a.yml", "--verbose"))).isEqualTo(CliCommand.USAGE);
    assertThat(errText()).contains("unknown option --verbose").hasLineCount(1);
  }

  @Test
  void configFlagWithoutAFileIsAUsageError() {
    assertThat(run(List.of("--config"))).isEqualTo(CliCommand.USAGE);
    assertThat(run(List.of("--config="))).isEqualTo(CliCommand.USAGE);
    assertThat(errText()).contains("--config needs a FILE");
  }

  @Test
  void helpPrintsUsage() {
    assertThat(run(List.of("--help"))).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: smtpwatch");
  }

  @Test
  void strayArgumentIsAUsageError() {
    assertThat(run(List.of("--config", "a.yml", "b.yml"))).isEqualTo(CliCommand.USAGE);
    assertThat(errText()).contains("unexpected argument b.yml");
  }

  @Test
  void anInvalidConfigPrintsEachErrorAndExitsWithUsage() {
    List<ConfigError> errors =
        List.of(
            new ConfigError("bad.yml", 2, 1, "listen", "not an address"),
            new ConfigError("bad.yml", 4, 3, "targets[0].host", "required"));
    RunCommand command = command(file -> new ConfigLoadResult.Invalid(errors));

    assertThat(command.run(List.of("--config", "bad.yml"))).isEqualTo(CliCommand.USAGE);
    assertThat(errText().lines().toList())
        .containsExactly(errors.get(0).toString(), errors.get(1).toString());
    assertThat(signals.terminate).isNull();
  }

  @Test
  void runsUntilTerminatedReloadingOnHangup() throws Exception {
    RunCommand command = command(this::loadOneEndpoint);

    CompletableFuture<Integer> status =
        CompletableFuture.supplyAsync(() -> command.run(List.of("run", "--config=smtpwatch.yml")));
    assertThat(signals.installed.await(10, TimeUnit.SECONDS)).as("handlers installed").isTrue();
    assertThat(probed.await(10, TimeUnit.SECONDS)).as("probing started").isTrue();
    signals.reload.run();
    assertThat(loads.get()).isEqualTo(2);
    assertThat(status).isNotDone();
    signals.terminate.run(); // returns once the agent has stopped, as a signal handler must

    assertThat(status.get(10, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void anAddressInUseIsAClearErrorAndExitOne() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String listen = "127.0.0.1:" + taken.getLocalPort();
      RunCommand command = command(file -> loaded(file, listen));

      assertThat(command.run(List.of("--config", "smtpwatch.yml"))).isEqualTo(1);
      assertThat(errText())
          .startsWith("smtpwatch run: cannot serve HTTP on " + listen + ": ")
          .contains("change listen: in the config");
      assertThat(signals.terminate).as("never got to run").isNull();
    }
  }

  private ConfigLoadResult loadOneEndpoint(Path file) {
    assertThat(file).isEqualTo(Path.of("smtpwatch.yml"));
    loads.incrementAndGet();
    return loaded(file, "127.0.0.1:0");
  }

  private ConfigLoadResult loaded(Path file, String listen) {
    return new ConfigLoadResult.Loaded(
        new Config(
            file,
            listen,
            Duration.ofSeconds(60),
            Duration.ofSeconds(15),
            "probe.test",
            4,
            List.of(endpoint),
            WebConfig.NONE,
            ProbeAccess.CONFIGURED_ONLY));
  }

  private int run(List<String> args) {
    return command(
            file -> {
              throw new AssertionError("no config is loaded on a usage error");
            })
        .run(args);
  }

  private RunCommand command(Function<Path, ConfigLoadResult> loader) {
    return new RunCommand(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        loader,
        prober,
        signals,
        Clock.systemUTC(),
        new BuildInfo("test", "17"));
  }

  private String errText() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** Signals the test raises itself. */
}
