package org.smtpwatch.exporter.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.smtpwatch.config.Config;
import org.smtpwatch.config.Endpoint;

/**
 * Everything the demo needs before the agent starts: the mail server with a fresh certificate, the
 * authority file the probes trust, and the built-in config pointing at it.
 *
 * @param workDir a private temporary directory holding the authority's PEM file
 */
public record DemoSetup(DemoMailServer server, Config config, Path workDir) {

  public static DemoSetup start(Path workDir) throws IOException, GeneralSecurityException {
    DemoCertificates certificates = DemoCertificates.issue();
    Path caFile = certificates.writeAuthorityPem(workDir);
    DemoCredentials user = DemoCredentials.create(workDir);
    DemoMailServer server = DemoMailServer.start(certificates.serverContext(), user);
    return new DemoSetup(
        server, DemoConfig.forListeners(server.listeners(), caFile, user), workDir);
  }

  /** What the demo is about to do, for the person who started it. */
  public String introduction() {
    StringBuilder text =
        new StringBuilder("smtpwatch demo: a mail server on loopback, probed every ")
            .append(config.interval().toSeconds())
            .append(" s (Ctrl-C stops)\n");
    for (DemoListener listener : server.listeners()) {
      text.append(
          String.format(
              "  localhost:%-5d shaped like %-4d %-8s tls %s%n",
              listener.port(),
              listener.shapedLike(),
              listener.mode().configName(),
              listener.tlsRequired() ? "required" : "optional"));
    }
    text.append("  certificates verified against a demo CA made just now: ")
        .append(config.endpoints().get(0).tls().caFile())
        .append('\n');
    Endpoint submission = config.endpoints().get(2);
    text.append("  the 587-like listener requires a login: ")
        .append(submission.auth().username())
        .append(", password in ")
        .append(submission.auth().passwordFile())
        .append('\n');
    text.append("  try: smtpwatch probe localhost:")
        .append(submission.port())
        .append(" --mode starttls --ca-file ")
        .append(submission.tls().caFile())
        .append(" --user ")
        .append(submission.auth().username())
        .append(" --password-file ")
        .append(submission.auth().passwordFile())
        .append('\n');
    return text.toString();
  }

  /** Removes the temporary directory and what the demo wrote into it. */
  public void deleteFiles() {
    try (Stream<Path> files = Files.walk(workDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(DemoSetup::delete);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean up " + workDir, e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }
}
