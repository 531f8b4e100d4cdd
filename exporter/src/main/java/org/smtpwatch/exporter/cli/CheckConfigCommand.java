package org.smtpwatch.exporter.cli;

import java.io.PrintStream;
import java.util.List;

/** SKELETON: replaced by the work that builds this verb. */
public final class CheckConfigCommand implements CliCommand {

  private final PrintStream out;
  private final PrintStream err;

  public CheckConfigCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public int run(List<String> args) {
    err.println("not built yet");
    out.flush();
    return USAGE;
  }
}
