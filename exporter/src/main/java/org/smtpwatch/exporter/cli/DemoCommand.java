package org.smtpwatch.exporter.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.smtpwatch.agent.probe.Prober;
import org.smtpwatch.agent.probe.SmtpProber;
import org.smtpwatch.agent.schedule.Agent;
import org.smtpwatch.config.ConfigError;
import org.smtpwatch.config.ConfigLoadResult;
import org.smtpwatch.exporter.demo.DemoMailServer;
import org.smtpwatch.exporter.demo.DemoSetup;
import org.smtpwatch.exporter.demo.StatusTable;

/**
 * {@code smtpwatch demo}: a real SMTP server on loopback with four listeners shaped like 25, 465,
 * 587 and 2525 and a freshly generated certificate, and the agent probing it on schedule, with a
 * status table after every round. Needs no mail server and no config file.
 */
public final class DemoCommand implements CliCommand {

  private final PrintStream out;
  private final PrintStream err;
  private final Prober prober;
  private final ProcessSignals signals;
  private final Clock clock;

  public DemoCommand(PrintStream out, PrintStream err) {
    this(out, err, new SmtpProber(), ProcessSignals.system(), Clock.systemUTC());
  }

  public DemoCommand(
      PrintStream out, PrintStream err, Prober prober, ProcessSignals signals, Clock clock) {
    this.out = out;
    this.err = err;
    this.prober = prober;
    this.signals = signals;
    this.clock = clock;
  }

  @Override
  public int run(List<String> args) {
    if (!args.isEmpty()) {
      if (args.size() == 1 && (args.get(0).equals("-h") || args.get(0).equals("--help"))) {
        out.println("usage: smtpwatch demo");
        return 0;
      }
      err.println("smtpwatch demo: takes no arguments (usage: smtpwatch demo)");
      return USAGE;
    }
    Path workDir;
    DemoSetup setup;
    try {
      workDir = Files.createTempDirectory("smtpwatch-demo");
      setup = DemoSetup.start(workDir);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      err.println("smtpwatch demo: cannot start the demo mail server: " + e.getMessage());
      return 1;
    }
    try (DemoMailServer server = setup.server()) {
      runAgent(setup);
    } finally {
      setup.deleteFiles();
    }
    return 0;
  }

  private void runAgent(DemoSetup setup) {
    Agent agent = Agent.start(setup.config(), prober, this::noConfigFile, clock);
    ScheduledExecutorService printer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "demo-status");
              thread.setDaemon(true);
              return thread;
            });
    StatusTable table = new StatusTable(clock);
    long period = setup.config().interval().toMillis();
    // Half an interval after each round has started, most probes of the round have finished.
    printer.scheduleAtFixedRate(
        () -> {
          out.print("\n" + table.render(agent.results().snapshot()));
          out.flush();
        },
        period / 2,
        period,
        TimeUnit.MILLISECONDS);
    try {
      new AgentLifetime(signals)
          .runUntilStopped(
              agent,
              null,
              () -> {
                out.print(setup.introduction());
                out.flush();
              });
    } finally {
      printer.shutdownNow();
    }
  }

  private ConfigLoadResult noConfigFile(Path ignored) {
    return new ConfigLoadResult.Invalid(
        List.of(new ConfigError("demo", 0, 0, "", "the demo has no config file to reload")));
  }
}
