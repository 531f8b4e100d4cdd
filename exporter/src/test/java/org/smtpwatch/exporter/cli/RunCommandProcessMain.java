package org.smtpwatch.exporter.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.smtpwatch.config.Config;
import org.smtpwatch.config.ConfigLoadResult;
import org.smtpwatch.config.ProbeAccess;
import org.smtpwatch.config.WebConfig;
import org.smtpwatch.exporter.BuildInfo;

/**
 * {@code smtpwatch run} as its own process with the real signal handling, for {@link
 * RunCommandProcessTest}; the config comes from this class because the file loader is built
 * elsewhere. No endpoints: the test is about the process, not the probes.
 */
public final class RunCommandProcessMain {

  private RunCommandProcessMain() {}

  public static void main(String[] args) {
    RunCommand command =
        new RunCommand(
            System.out,
            System.err,
            RunCommandProcessMain::load,
            (endpoint, transcript) -> {
              throw new AssertionError("nothing to probe");
            },
            ProcessSignals.system(),
            Clock.systemUTC(),
            new BuildInfo("test", "17"));
    int status = command.run(List.of(args));
    System.out.println("run returned " + status);
    System.exit(status);
  }

  private static ConfigLoadResult load(Path file) {
    System.out.println("loading " + file);
    return new ConfigLoadResult.Loaded(
        new Config(
            file,
            "127.0.0.1:0",
            Duration.ofSeconds(60),
            Duration.ofSeconds(15),
            "probe.test",
            4,
            List.of(),
            WebConfig.NONE,
            ProbeAccess.CONFIGURED_ONLY));
  }
}
