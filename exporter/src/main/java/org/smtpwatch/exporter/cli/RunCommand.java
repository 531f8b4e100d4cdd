package org.smtpwatch.exporter.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smtpwatch.agent.dns.CurrentDns;
import org.smtpwatch.agent.probe.Prober;
import org.smtpwatch.agent.probe.SmtpProber;
import org.smtpwatch.agent.schedule.Agent;
import org.smtpwatch.config.Config;
import org.smtpwatch.config.ConfigError;
import org.smtpwatch.config.ConfigLoadResult;
import org.smtpwatch.config.ConfigLoader;
import org.smtpwatch.exporter.BuildInfo;
import org.smtpwatch.exporter.http.ExporterHttpServer;
import org.smtpwatch.exporter.http.ListenAddress;

/**
 * {@code smtpwatch [run] --config FILE}: the daemon. Loads the config (exit 2 if invalid), probes
 * on schedule and serves HTTP on the config's {@code listen} (exit 1 if it cannot) until SIGTERM or
 * SIGINT (exit 0), reloads on SIGHUP and {@code POST /-/reload}.
 */
public final class RunCommand implements CliCommand {

  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);
  private static final String USAGE_LINE = "usage: smtpwatch [run] --config FILE";

  private final PrintStream out;
  private final PrintStream err;
  private final Function<Path, ConfigLoadResult> loader;
  private final Prober prober;
  private final ProcessSignals signals;
  private final Clock clock;
  private final BuildInfo buildInfo;
  private final CurrentDns dns;

  public RunCommand(PrintStream out, PrintStream err, BuildInfo buildInfo) {
    this(out, err, buildInfo, new CurrentDns());
  }

  /** The prober resolves MX hosts through the config's {@code dns:} resolver, as the watch does. */
  private RunCommand(PrintStream out, PrintStream err, BuildInfo buildInfo, CurrentDns dns) {
    this(
        out,
        err,
        new ConfigLoader()::load,
        new SmtpProber(dns),
        ProcessSignals.system(),
        Clock.systemUTC(),
        buildInfo,
        dns);
  }

  public RunCommand(
      PrintStream out,
      PrintStream err,
      Function<Path, ConfigLoadResult> loader,
      Prober prober,
      ProcessSignals signals,
      Clock clock,
      BuildInfo buildInfo) {
    this(out, err, loader, prober, signals, clock, buildInfo, new CurrentDns());
  }

  /**
   * @param dns what watched domains are looked up through; give {@code prober} the same one so MX
   *     hosts resolve through the configured resolver
   */
  public RunCommand(
      PrintStream out,
      PrintStream err,
      Function<Path, ConfigLoadResult> loader,
      Prober prober,
      ProcessSignals signals,
      Clock clock,
      BuildInfo buildInfo,
      CurrentDns dns) {
    this.dns = dns;
    this.out = out;
    this.err = err;
    this.loader = loader;
    this.prober = prober;
    this.signals = signals;
    this.clock = clock;
    this.buildInfo = buildInfo;
  }

  @Override
  public int run(List<String> args) {
    Path configFile;
    try {
      configFile = parse(args);
    } catch (UsageException e) {
      err.println("smtpwatch run: " + e.getMessage() + " (" + USAGE_LINE + ")");
      return USAGE;
    }
    if (configFile == null) {
      out.println(USAGE_LINE);
      return 0;
    }
    ConfigLoadResult loaded = loader.apply(configFile);
    if (loaded instanceof ConfigLoadResult.Invalid invalid) {
      invalid.errors().stream().map(ConfigError::toString).forEach(err::println);
      return USAGE;
    }
    return runUntilStopped(configFile, ((ConfigLoadResult.Loaded) loaded).config());
  }

  private int runUntilStopped(Path configFile, Config config) {
    RunningExporter exporter =
        RunningExporter.start(config, configFile, prober, loader, buildInfo, dns, clock);
    try (exporter) {
      Agent agent = exporter.agent();
      ExporterHttpServer http;
      try {
        http = exporter.serve(ListenAddress.parse(config.listen()));
      } catch (IOException | GeneralSecurityException e) {
        err.println("smtpwatch run: cannot serve HTTP on " + config.listen() + ": " + describe(e));
        agent.close();
        return 1;
      }
      try (http) {
        new AgentLifetime(signals)
            .runUntilStopped(
                agent,
                () -> agent.reloader().reload(configFile),
                () ->
                    log.info(
                        "smtpwatch running: {} endpoints from {}; serving {} (status page, /metrics,"
                            + " /probe)",
                        config.endpoints().size(),
                        configFile,
                        http.baseUri()));
      }
    }
    return 0;
  }

  /** A bind failure says only "Address already in use"; say which and what to do. */
  static String describe(Exception e) {
    if (e instanceof BindException) {
      return e.getMessage() + " (is another smtpwatch running? change listen: in the config)";
    }
    return e.getMessage();
  }

  /** The config file, or {@code null} when help was asked for. */
  private static Path parse(List<String> args) throws UsageException {
    List<String> rest =
        !args.isEmpty() && args.get(0).equals("run") ? args.subList(1, args.size()) : args;
    Path config = null;
    for (int i = 0; i < rest.size(); i++) {
      String arg = rest.get(i);
      if (arg.equals("-h") || arg.equals("--help")) {
        return null;
      } else if (arg.equals("--config")) {
        if (i + 1 >= rest.size()) {
          throw new UsageException("--config needs a FILE");
        }
        config = onlyOnce(config, configPath(rest.get(++i)));
      } else if (arg.startsWith("--config=")) {
        config = onlyOnce(config, configPath(arg.substring("--config=".length())));
      } else if (arg.startsWith("-")) {
        throw new UsageException("unknown option " + arg);
      } else {
        throw new UsageException("unexpected argument " + arg);
      }
    }
    if (config == null) {
      throw new UsageException("missing --config FILE");
    }
    return config;
  }

  /** Two --config flags are a mistake, not "the last one wins": which file did the user mean? */
  private static Path onlyOnce(Path earlier, Path config) throws UsageException {
    if (earlier != null) {
      throw new UsageException("--config given twice (" + earlier + " and " + config + ")");
    }
    return config;
  }

  private static Path configPath(String value) throws UsageException {
    if (value.isBlank()) {
      throw new UsageException("--config needs a FILE");
    }
    return Path.of(value);
  }

  private static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }
}
