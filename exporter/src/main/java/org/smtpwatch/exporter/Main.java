package org.smtpwatch.exporter;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.smtpwatch.agent.crypto.BouncyCastleEcProvider;
import org.smtpwatch.agent.tls.ClientTlsSettings;
import org.smtpwatch.exporter.cli.CheckConfigCommand;
import org.smtpwatch.exporter.cli.CliCommand;
import org.smtpwatch.exporter.cli.CommandLine;
import org.smtpwatch.exporter.cli.DemoCommand;
import org.smtpwatch.exporter.cli.ProbeCommand;
import org.smtpwatch.exporter.cli.RunCommand;

/** The smtpwatch command line: wires every verb by hand and exits with the verb's status. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Everything {@link #main} does except exiting, so tests can call it. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    // Before any TLS: the JDK's TLS takes its ECDSA and EC key generation from the first
    // provider that has them, and Bouncy Castle's are an order of magnitude faster on JDK 17.
    BouncyCastleEcProvider.installFirst();
    // Also before any TLS, which reads it once: a probe never resumes, so it offers no resumption.
    ClientTlsSettings.apply();
    BuildInfo buildInfo = BuildInfo.current();
    Map<String, Supplier<CliCommand>> verbs = new LinkedHashMap<>();
    verbs.put("run", () -> new RunCommand(out, err, buildInfo));
    verbs.put("check-config", () -> new CheckConfigCommand(out, err));
    verbs.put("probe", () -> new ProbeCommand(out, err));
    verbs.put("demo", () -> new DemoCommand(out, err, buildInfo));
    return new CommandLine(verbs, buildInfo, out, err).run(List.of(args));
  }
}
