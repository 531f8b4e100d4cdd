package org.smtpwatch.exporter.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
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
import org.smtpwatch.exporter.BuildInfo;
import org.smtpwatch.exporter.demo.DemoMailServer;
import org.smtpwatch.exporter.demo.DemoSetup;
import org.smtpwatch.exporter.demo.StatusTable;
import org.smtpwatch.exporter.http.ExporterHttpServer;
import org.smtpwatch.exporter.http.ListenAddress;

/**
 * {@code smtpwatch demo}: a real SMTP server on loopback with four listeners shaped like 25, 465,
 * 587 and 2525 and a freshly generated certificate, the agent probing it on schedule, and the HTTP
 * server (status page, /metrics, /probe) on 127.0.0.1:10785 or, when that is taken, a free port;
 * prints a status table after every round. Needs no mail server and no config file.
 */
public final class DemoCommand implements CliCommand {

  private final PrintStream out;
  private final PrintStream err;
  private final Prober prober;
  private final ProcessSignals signals;
  private final Clock clock;
  private final BuildInfo buildInfo;

  public DemoCommand(PrintStream out, PrintStream err, BuildInfo buildInfo) {
    this(out, err, new SmtpProber(), ProcessSignals.system(), Clock.systemUTC(), buildInfo);
  }

  public DemoCommand(
      PrintStream out,
      PrintStream err,
      Prober prober,
      ProcessSignals signals,
      Clock clock,
      BuildInfo buildInfo) {
    this.out = out;
    this.err = err;
    this.prober = prober;
    this.signals = signals;
    this.clock = clock;
    this.buildInfo = buildInfo;
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
      return runAgent(setup);
    } finally {
      setup.deleteFiles();
    }
  }

  private int runAgent(DemoSetup setup) {
    RunningExporter exporter =
        RunningExporter.start(
            setup.config(), NO_CONFIG_FILE, prober, this::noConfigFile, buildInfo, clock);
    try (exporter) {
      Agent agent = exporter.agent();
      ExporterHttpServer http;
      try {
        http = serve(exporter, ListenAddress.parse(setup.config().listen()));
      } catch (IOException | GeneralSecurityException e) {
        err.println("smtpwatch demo: cannot serve HTTP: " + RunCommand.describe(e));
        agent.close();
        return 1;
      }
      try (http) {
        printStatusUntilStopped(
            setup,
            agent,
            () -> {
              out.print(setup.introduction());
              out.print(urls(http, setup));
              out.flush();
            });
      }
    }
    return 0;
  }

  /** The default address if it is free, else any free port on loopback: a demo must start. */
  private ExporterHttpServer serve(RunningExporter exporter, ListenAddress preferred)
      throws IOException, GeneralSecurityException {
    try {
      return exporter.serve(preferred);
    } catch (BindException busy) {
      ExporterHttpServer http = exporter.serve(preferred.withPort(0));
      out.println(
          "  "
              + preferred
              + " is in use (another smtpwatch?); serving on "
              + http.address()
              + " instead");
      return http;
    }
  }

  private static String urls(ExporterHttpServer http, DemoSetup setup) {
    String base = http.baseUri().toString();
    int submission = setup.server().listeners().get(2).port();
    return "  status page:  "
        + base
        + "\n  metrics:      "
        + base
        + "metrics\n  one probe:    "
        + base
        + "probe?target=localhost:"
        + submission
        + "\n";
  }

  private void printStatusUntilStopped(DemoSetup setup, Agent agent, Runnable announce) {
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
      new AgentLifetime(signals).runUntilStopped(agent, null, announce);
    } finally {
      printer.shutdownNow();
    }
  }

  /** What POST /-/reload would read; the demo has no file, so a reload is refused. */
  private static final Path NO_CONFIG_FILE = Path.of("(built-in demo config)");

  private ConfigLoadResult noConfigFile(Path ignored) {
    return new ConfigLoadResult.Invalid(
        List.of(new ConfigError("demo", 0, 0, "", "the demo has no config file to reload")));
  }
}
