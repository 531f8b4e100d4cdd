package org.smtpwatch.exporter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.smtpwatch.agent.probe.ProbeResult;
import org.smtpwatch.agent.probe.Prober;
import org.smtpwatch.agent.probe.SmtpProber;
import org.smtpwatch.agent.probe.Transcript;
import org.smtpwatch.agent.tls.TlsHandshaker;
import org.smtpwatch.agent.tls.TlsSetupException;
import org.smtpwatch.config.Endpoint;
import org.smtpwatch.config.LocalHostName;
import org.smtpwatch.exporter.cli.probe.HumanReport;
import org.smtpwatch.exporter.cli.probe.JsonReport;
import org.smtpwatch.exporter.cli.probe.ProbeArguments;
import org.smtpwatch.exporter.cli.probe.ProbeRequest;
import org.smtpwatch.exporter.cli.probe.TranscriptReport;

/**
 * {@code smtpwatch probe HOST:PORT}: one probe now, reported for people or as JSON. Exit status 0
 * when the endpoint met its policy, 1 when the probe failed, 2 for a usage mistake.
 */
public final class ProbeCommand implements CliCommand {

  /** The probe ran and found the endpoint failing. */
  public static final int PROBE_FAILED = 1;

  private final PrintStream out;
  private final PrintStream err;
  private final Prober prober;
  private final Clock clock;
  private final Supplier<String> defaultEhloName;

  public ProbeCommand(PrintStream out, PrintStream err) {
    this(out, err, new SmtpProber(), Clock.systemUTC());
  }

  public ProbeCommand(PrintStream out, PrintStream err, Prober prober, Clock clock) {
    this(out, err, prober, clock, LocalHostName::lookUp);
  }

  ProbeCommand(
      PrintStream out,
      PrintStream err,
      Prober prober,
      Clock clock,
      Supplier<String> defaultEhloName) {
    this.out = out;
    this.err = err;
    this.prober = prober;
    this.clock = clock;
    this.defaultEhloName = defaultEhloName;
  }

  private static final String USAGE_LINE =
      "usage: smtpwatch probe HOST:PORT [options]; see smtpwatch --help";

  @Override
  public int run(List<String> args) {
    ProbeArguments.Result parsed = ProbeArguments.parse(args);
    if (parsed instanceof ProbeArguments.Invalid invalid) {
      String message = invalid.message();
      // Some messages already point at --help; the usage would say it twice.
      err.println(
          "smtpwatch probe: "
              + (message.endsWith("(see smtpwatch --help)")
                  ? message
                  : message + " (" + USAGE_LINE + ")"));
      return USAGE;
    }
    ProbeRequest request = ((ProbeArguments.Parsed) parsed).request();
    Endpoint endpoint = request.toEndpoint(defaultEhloName.get());
    try {
      // A ca_file that cannot be used is the caller's mistake: say so before touching the server.
      TlsHandshaker.forPolicy(endpoint.tls());
    } catch (TlsSetupException e) {
      err.println("smtpwatch probe: " + e.getMessage());
      return USAGE;
    }
    Transcript transcript = request.transcript() ? Transcript.recording() : Transcript.discarding();
    ProbeResult result = prober.probe(endpoint, transcript);
    report(request, result, transcript);
    return result.success() ? 0 : PROBE_FAILED;
  }

  private void report(ProbeRequest request, ProbeResult result, Transcript transcript) {
    if (request.json()) {
      // stdout carries exactly one JSON object; the dialogue goes where people still see it.
      if (request.transcript()) {
        err.print(new TranscriptReport().render(transcript.lines()));
        err.flush();
      }
      out.println(new JsonReport(new ObjectMapper()).render(result));
    } else {
      if (request.transcript() && !transcript.lines().isEmpty()) {
        out.print(new TranscriptReport().render(transcript.lines()));
        out.println();
      }
      out.print(new HumanReport(clock).render(result));
    }
    out.flush();
  }
}
