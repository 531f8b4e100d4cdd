package org.smtpwatch.exporter.cli;

import java.util.List;

/** One verb of the command line. Returns the process exit status; never calls System.exit. */
public interface CliCommand {

  /** Exit status for a usage mistake (unknown flag, missing argument, invalid config). */
  int USAGE = 2;

  int run(List<String> args);
}
